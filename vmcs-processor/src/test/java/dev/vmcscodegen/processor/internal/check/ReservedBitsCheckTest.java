package dev.vmcscodegen.processor.internal.check;

import static dev.vmcscodegen.processor.internal.check.TestSpecs.rendered;
import static dev.vmcscodegen.processor.internal.check.TestSpecs.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReservedBitsCheckTest {

  private final ReservedBitsCheck check = new ReservedBitsCheck();

  @Test
  void reservedMaskIsBits12And15And31To16() {
    // SDM Vol. 3C 25.11.2, Table 25-21: bits 12, 15 and 31:16 are reserved (must be 0)
    assertEquals((1 << 12) | (1 << 15) | 0xFFFF_0000, dev.vmcscodegen.encoding.VmcsEncoding.RESERVED_MASK);
  }

  @Test
  void sdmEncodingsPass() {
    // SDM Vol. 3D Appendix B: guest RIP 0x681E, host RIP 0x6C16, VPID 0x0000, exit reason 0x4402
    assertEquals(List.of(), check.check(spec("[guest natural] r", "RIP 0x681E d", "[host natural] r",
        "RIP 0x6C16 d", "[control 16] r", "VPID 0x0000 d", "[read-only 32] r", "EXIT_REASON 0x4402 d")));
  }

  @Test
  void eachReservedBitIsReportedByNumber() {
    assertEquals(List.of(
        "t.spec:2: [VmcsReservedEncodingBits] field A: encoding 0x781E sets reserved bits 12 (bits 12, 15 and"
            + " 31:16 must be 0) (SDM Vol. 3C 25.11.2 / Table 25-21)",
        "t.spec:3: [VmcsReservedEncodingBits] field B: encoding 0xE81E sets reserved bits 15 (bits 12, 15 and"
            + " 31:16 must be 0) (SDM Vol. 3C 25.11.2 / Table 25-21)",
        "t.spec:4: [VmcsReservedEncodingBits] field C: encoding 0x8001681E sets reserved bits 16, 31 (bits 12,"
            + " 15 and 31:16 must be 0) (SDM Vol. 3C 25.11.2 / Table 25-21)"),
        rendered(check.check(spec("[guest natural] r", "A 0x781E d", "B 0xE81E d", "C 0x8001681E d"))));
  }

  @Test
  void everyEncodingWithAReservedBitFailsAndNoOtherDoes() {
    // exhaustive over the 16-bit encodings plus each bit above: only the Table 25-21 reserved bits count
    for (int encoding = 0; encoding <= 0xFFFF; encoding++) {
      String hex = String.format("0x%X", encoding);
      boolean reserved = (encoding & 0x9000) != 0;
      assertEquals(reserved ? 1 : 0, check.check(spec("[guest 16] r", "X " + hex + " d")).size(), hex);
    }
    for (int bit = 16; bit < 32; bit++) {
      assertEquals(1, check.check(spec("[guest 16] r", "X " + String.format("0x%X", 1 << bit) + " d")).size());
    }
  }
}
