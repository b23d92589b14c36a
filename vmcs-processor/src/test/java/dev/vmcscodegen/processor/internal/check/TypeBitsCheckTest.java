package dev.vmcscodegen.processor.internal.check;

import static dev.vmcscodegen.processor.internal.check.TestSpecs.rendered;
import static dev.vmcscodegen.processor.internal.check.TestSpecs.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TypeBitsCheckTest {

  private final TypeBitsCheck check = new TypeBitsCheck();

  @Test
  void sdmEncodingsOfEachTypePass() {
    // SDM Vol. 3D Appendix B, one 32-bit field per type (Table 25-21 bits 11:10: 0 control, 1 read-only
    // data, 2 guest, 3 host): pin-based controls 0x4000, VM-instruction error 0x4400, guest ES limit 0x4800,
    // host IA32_SYSENTER_CS 0x4C00
    assertEquals(List.of(), check.check(spec("[control 32] r", "PIN 0x4000 d", "[read-only 32] r",
        "VM_INSTRUCTION_ERROR 0x4400 d", "[guest 32] r", "ES_LIMIT 0x4800 d", "[host 32] r",
        "IA32_SYSENTER_CS 0x4C00 d")));
  }

  @Test
  void typeDisagreeingWithGroupIsReported() {
    // 0x6C16 (host RIP) has bits 11:10 = 3, host state; listed under [guest natural] (type 2)
    assertEquals(List.of("t.spec:2: [VmcsTypeMismatch] field RIP: encoding 0x6C16 has type bits 11:10 = 3"
            + " (host), but the field is in group [guest natural] (type bits 2) (SDM Vol. 3C 25.11.2 /"
            + " Table 25-21)"),
        rendered(check.check(spec("[guest natural] r", "RIP 0x6C16 d"))));
  }

  @Test
  void everyWrongTypeFails() {
    String[] groups = {"control", "read-only", "guest", "host"};
    for (int typeBits = 0; typeBits < 4; typeBits++) {
      for (int group = 0; group < 4; group++) {
        String line = String.format("X 0x%X d", 0x4000 | typeBits << 10);
        int expected = typeBits == group ? 0 : 1;
        assertEquals(expected, check.check(spec("[" + groups[group] + " 32] r", line)).size(), line);
      }
    }
  }
}
