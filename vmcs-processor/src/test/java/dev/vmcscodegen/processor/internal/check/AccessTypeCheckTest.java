package dev.vmcscodegen.processor.internal.check;

import static dev.vmcscodegen.processor.internal.check.TestSpecs.rendered;
import static dev.vmcscodegen.processor.internal.check.TestSpecs.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AccessTypeCheckTest {

  private final AccessTypeCheck check = new AccessTypeCheck();

  @Test
  void fullAccessEncodingsPass() {
    // SDM Vol. 3D B.2.1: IO_BITMAP_A full 0x2000; Table 25-21 bit 0 = 0 is the full access type
    assertEquals(List.of(), check.check(spec("[control 64] r", "IO_BITMAP_A_ADDRESS 0x2000 d")));
  }

  @Test
  void highAccessEncodingIsRejectedNamingTheFullOne() {
    // SDM Vol. 3D B.2.1: 0x2001 is the high access of IO_BITMAP_A_ADDRESS (full 0x2000)
    assertEquals(List.of("t.spec:2: [VmcsHighAccessEncoding] field IO_BITMAP_A_HIGH: encoding 0x2001 has access"
            + " type bit 0 set (the high half of a 64-bit field); list the full-access encoding 0x2000, the high"
            + " half follows from it (SDM Vol. 3C 25.11.2 / Table 25-21)"),
        rendered(check.check(spec("[control 64] r", "IO_BITMAP_A_HIGH 0x2001 d"))));
  }

  @Test
  void bitZeroIsTheOnlyAccessTypeBit() {
    // Table 25-21: bit 0 alone is the access type
    assertEquals(1, dev.vmcscodegen.encoding.VmcsEncoding.ACCESS_HIGH_BIT);
    assertEquals(List.of(), check.check(spec("[control 64] r", "X 0x2002 d")));
    assertEquals(1, check.check(spec("[guest 32] r", "X 0x4801 d")).size());
  }
}
