package dev.vmcscodegen.runtime.exit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IoInstructionQualificationTest {

  @Test
  void outByteToImmediatePort() {
    // SDM Vol. 3C 28.2.1 "Exit Qualification for I/O Instructions": OUT 0x80, AL is size code 0
    // (1 byte), bit 3 clear (OUT), bit 6 set (immediate), port 0x80 in 31:16.
    IoInstructionQualification io = IoInstructionQualification.decode(0x0080_0040L);
    assertSame(IoAccessSize.ONE_BYTE, io.accessSize());
    assertEquals(1, io.accessSize().bytes());
    assertFalse(io.in());
    assertTrue(io.immediateOperand());
    assertEquals(0x80, io.port());
  }

  @Test
  void repInswFromDxPort() {
    // Same table: REP INSW with DX = 0x1F0: size code 1 (2 bytes), IN bit 3, string bit 4, REP bit 5,
    // operand encoding bit 6 clear (DX), port 0x1F0.
    IoInstructionQualification io = IoInstructionQualification.decode(0x01F0_0039L);
    assertSame(IoAccessSize.TWO_BYTES, io.accessSize());
    assertTrue(io.in());
    assertTrue(io.string());
    assertTrue(io.rep());
    assertFalse(io.immediateOperand());
    assertEquals(0x1F0, io.port());
  }

  @Test
  void sizeCodesFollowTheTableNotCodePlusOne() {
    // Same table: 0 = 1-byte, 1 = 2-byte, 3 = 4-byte, other values not used.
    assertEquals(4, IoInstructionQualification.decode(3).accessSize().bytes());
    for (int code : new int[] {2, 4, 5, 6, 7}) {
      IoInstructionQualification io = IoInstructionQualification.decode(code);
      assertSame(IoAccessSize.UNKNOWN, io.accessSize(), "code " + code);
      assertEquals(code, io.sizeCode(), "the raw code is kept");
    }
  }

  @Test
  void reservedBitsAreKept() {
    long raw = 0xDEAD_BEEF_0000_FF80L;
    IoInstructionQualification io = IoInstructionQualification.decode(raw);
    assertEquals(raw, io.reservedBits());
    assertEquals(raw, io.encode());
  }

  @Test
  void constructorRejectsValuesThatWouldNotRoundTrip() {
    assertThrows(IllegalArgumentException.class,
        () -> new IoInstructionQualification(8, false, false, false, false, 0, 0));
    assertThrows(IllegalArgumentException.class,
        () -> new IoInstructionQualification(0, false, false, false, false, 0x1_0000, 0));
    assertThrows(IllegalArgumentException.class,
        () -> new IoInstructionQualification(0, false, false, false, false, 0, 1L << 16));
  }
}
