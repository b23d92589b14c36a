package dev.vmcscodegen.processor.internal.check;

import static dev.vmcscodegen.processor.internal.check.TestSpecs.rendered;
import static dev.vmcscodegen.processor.internal.check.TestSpecs.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WidthBitsCheckTest {

  private final WidthBitsCheck check = new WidthBitsCheck();

  @Test
  void sdmEncodingsOfEachWidthPass() {
    // SDM Vol. 3D Appendix B, one field per width (Table 25-21 bits 14:13: 0 16-bit, 1 64-bit, 2 32-bit,
    // 3 natural): guest ES selector 0x0800, VMCS link pointer 0x2800, guest ES limit 0x4800, guest CR0 0x6800
    assertEquals(List.of(), check.check(spec("[guest 16] r", "ES_SELECTOR 0x0800 d", "[guest 64] r",
        "VMCS_LINK_POINTER 0x2800 d", "[guest 32] r", "ES_LIMIT 0x4800 d", "[guest natural] r", "CR0 0x6800 d")));
  }

  @Test
  void widthDisagreeingWithGroupIsReported() {
    // 0x681E (guest RIP) has bits 14:13 = 3, natural width; listed under [guest 32] (width 2)
    assertEquals(List.of("t.spec:2: [VmcsWidthMismatch] field RIP: encoding 0x681E has width bits 14:13 = 3"
            + " (natural), but the field is in group [guest 32] (width bits 2) (SDM Vol. 3C 25.11.2 / Table 25-21)"),
        rendered(check.check(spec("[guest 32] r", "RIP 0x681E d"))));
  }

  @Test
  void everyWrongWidthFails() {
    String[] groups = {"16", "64", "32", "natural"};
    for (int widthBits = 0; widthBits < 4; widthBits++) {
      for (int group = 0; group < 4; group++) {
        String line = String.format("X 0x%X d", widthBits << 13 | 0x800);
        int expected = widthBits == group ? 0 : 1;
        assertEquals(expected, check.check(spec("[guest " + groups[group] + "] r", line)).size(), line);
      }
    }
  }
}
