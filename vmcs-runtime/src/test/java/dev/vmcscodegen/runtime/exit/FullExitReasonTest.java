package dev.vmcscodegen.runtime.exit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FullExitReasonTest {

  @Test
  void entryFailureDueToInvalidGuestState() {
    // SDM Vol. 3C 27.8: a VM entry failing a guest-state check stores basic reason 33 with bit 31 set.
    FullExitReason reason = FullExitReason.decode(0x8000_0021);
    assertEquals(33, reason.basicReason());
    assertSame(ExitReason.VM_ENTRY_FAILURE_INVALID_GUEST_STATE, reason.reason());
    assertTrue(reason.vmEntryFailure());
    assertFalse(reason.enclaveMode());
    assertFalse(reason.hasReservedBits());
    assertEquals(0x8000_0021, FullExitReason.entryFailure(ExitReason.VM_ENTRY_FAILURE_INVALID_GUEST_STATE).encode());
  }

  @Test
  void flagBitsSitWhereTheFormatTableSays() {
    // SDM Vol. 3C 25.9.1 "Format of Exit Reason": 25 prematurely busy shadow stack, 26 bus lock,
    // 27 enclave mode, 28 pending MTF VM exit, 29 from VMX root operation, 31 VM-entry failure.
    assertTrue(FullExitReason.decode(1 << 25).prematurelyBusyShadowStack());
    assertTrue(FullExitReason.decode(1 << 26).busLockAsserted());
    assertTrue(FullExitReason.decode(1 << 27).enclaveMode());
    assertTrue(FullExitReason.decode(1 << 28).pendingMtfVmExit());
    assertTrue(FullExitReason.decode(1 << 29).fromVmxRootOperation());
    assertTrue(FullExitReason.decode(1 << 31).vmEntryFailure());
    // Bit 16 is always cleared, bits 24:17 and 30 not currently defined: kept, not lost.
    assertEquals(1 << 16, FullExitReason.decode(1 << 16).reservedBits());
    assertEquals(1 << 30, FullExitReason.decode(1 << 30).reservedBits());
    assertEquals(0, FullExitReason.decode(1 << 16).basicReason());
  }

  @Test
  void unknownBasicReasonKeepsItsNumber() {
    FullExitReason reason = FullExitReason.decode(0xFFFF);
    assertSame(ExitReason.UNKNOWN, reason.reason());
    assertEquals(0xFFFF, reason.basicReason());
  }

  @Test
  void everyValueRoundTrips() {
    Random random = new Random(0x5EED_0001L);
    for (int i = 0; i < 200_000; i++) {
      int raw = random.nextInt();
      assertEquals(raw, FullExitReason.decode(raw).encode(), () -> Integer.toHexString(raw));
    }
    // Every single bit, alone.
    for (int bit = 0; bit < 32; bit++) {
      assertEquals(1 << bit, FullExitReason.decode(1 << bit).encode());
    }
  }

  @Test
  void constructorRejectsValuesThatWouldNotRoundTrip() {
    assertThrows(IllegalArgumentException.class,
        () -> new FullExitReason(0x1_0000, false, false, false, false, false, false, 0));
    assertThrows(IllegalArgumentException.class,
        () -> new FullExitReason(0, false, false, false, false, false, false, 1 << 27));
    assertThrows(IllegalArgumentException.class, () -> FullExitReason.of(ExitReason.UNKNOWN));
  }
}
