package dev.vmcscodegen.runtime.exit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class InterruptionInformationTest {

  @Test
  void pageFaultWithErrorCode() {
    // SDM Vol. 3C 25.9.2 "Format of the VM-Exit Interruption-Information Field": vector 14 (#PF) in 7:0,
    // type 3 (hardware exception) in 10:8, error code valid bit 11, valid bit 31.
    InterruptionInformation info = InterruptionInformation.decode(0x8000_0B0E);
    assertEquals(14, info.vector());
    assertSame(InterruptionType.HARDWARE_EXCEPTION, info.type());
    assertTrue(info.errorCodeValid());
    assertFalse(info.nmiUnblockingDueToIret());
    assertTrue(info.valid());
    assertEquals(0x8000_0B0E, InterruptionInformation.of(14, InterruptionType.HARDWARE_EXCEPTION, true).encode());
  }

  @Test
  void nmiAndSoftwareExceptionTypes() {
    // Same table: type 2 = NMI (vector 2); type 6 = software exception (#BP from INT3, vector 3).
    assertSame(InterruptionType.NMI, InterruptionInformation.decode(0x8000_0202).type());
    assertSame(InterruptionType.SOFTWARE_EXCEPTION, InterruptionInformation.decode(0x8000_0603).type());
    // Bit 12: NMI unblocking due to IRET.
    assertTrue(InterruptionInformation.decode(0x8000_1202).nmiUnblockingDueToIret());
  }

  @Test
  void allEightTypesDecode() {
    // SDM Vol. 3C 25.8.3: 0 external interrupt, 1 reserved, 2 NMI, 3 hardware exception, 4 software
    // interrupt, 5 privileged software exception, 6 software exception, 7 other event.
    InterruptionType[] expected = {
      InterruptionType.EXTERNAL_INTERRUPT, InterruptionType.RESERVED, InterruptionType.NMI,
      InterruptionType.HARDWARE_EXCEPTION, InterruptionType.SOFTWARE_INTERRUPT,
      InterruptionType.PRIVILEGED_SOFTWARE_EXCEPTION, InterruptionType.SOFTWARE_EXCEPTION,
      InterruptionType.OTHER_EVENT};
    for (int code = 0; code < 8; code++) {
      assertSame(expected[code], InterruptionInformation.decode(code << 8).type());
      assertEquals(code, expected[code].code());
    }
    assertTrue(InterruptionType.RESERVED.isReserved());
    // SDM Vol. 3C 25.8.3: VM entry uses the instruction length for types 4, 5 and 6 only.
    assertTrue(InterruptionType.SOFTWARE_INTERRUPT.usesInstructionLength());
    assertTrue(InterruptionType.PRIVILEGED_SOFTWARE_EXCEPTION.usesInstructionLength());
    assertTrue(InterruptionType.SOFTWARE_EXCEPTION.usesInstructionLength());
    assertFalse(InterruptionType.HARDWARE_EXCEPTION.usesInstructionLength());
    assertThrows(IllegalArgumentException.class, () -> InterruptionType.fromCode(8));
  }

  @Test
  void reservedBitsAreKept() {
    InterruptionInformation info = InterruptionInformation.decode(0x4000_2000);
    assertTrue(info.hasReservedBits());
    assertEquals(0x4000_2000, info.reservedBits());
    assertFalse(info.valid());
  }

  @Test
  void everyValueRoundTrips() {
    Random random = new Random(0x5EED_0002L);
    for (int i = 0; i < 200_000; i++) {
      int raw = random.nextInt();
      assertEquals(raw, InterruptionInformation.decode(raw).encode(), () -> Integer.toHexString(raw));
    }
  }

  @Test
  void constructorRejectsValuesThatWouldNotRoundTrip() {
    assertThrows(IllegalArgumentException.class,
        () -> new InterruptionInformation(256, InterruptionType.NMI, false, false, 0, true));
    assertThrows(IllegalArgumentException.class,
        () -> new InterruptionInformation(2, null, false, false, 0, true));
    assertThrows(IllegalArgumentException.class,
        () -> new InterruptionInformation(2, InterruptionType.NMI, false, false, 1 << 31, true));
  }
}
