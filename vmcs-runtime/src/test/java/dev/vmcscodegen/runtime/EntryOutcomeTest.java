package dev.vmcscodegen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The one outcome type of a VM entry: its three forms, short codes and sentences. */
class EntryOutcomeTest {

  @Test
  void enteredIsOneValue() {
    assertSame(EntryOutcome.entered(), EntryOutcome.entered());
    assertEquals("entered", EntryOutcome.entered().code());
    assertEquals("VM entry succeeds", EntryOutcome.entered().describe());
  }

  @Test
  void vmFailValidNamesItsError() {
    // SDM Vol. 3C 31.4, Table 31-1: 7, 8, 26 and the launch-state errors 4 and 5 concern VM entry.
    assertEquals(new EntryOutcome.VmFailValid(VmxInstructionError.ENTRY_INVALID_HOST_STATE_FIELD), EntryOutcome.ERROR_8);
    assertEquals("error-26", EntryOutcome.ERROR_26.code());
    assertEquals("VMfailValid(4): VMLAUNCH with non-clear VMCS", EntryOutcome.ERROR_4.describe());
    assertEquals("VMfailValid(5): VMRESUME with non-launched VMCS", EntryOutcome.ERROR_5.describe());
    assertThrows(IllegalArgumentException.class, () -> EntryOutcome.vmFailValid(VmxInstructionError.NONE));
  }

  @Test
  void entryFailureSetsBit31OverTheBasicReason() {
    // SDM Vol. 3C 25.9.1: exit-reason bit 31 reports a VM-entry failure; 27.8: reasons 33, 34, 41.
    assertEquals(0x8000_0022, EntryOutcome.msrLoading(2).exitReasonField());
    assertEquals("exit-34", EntryOutcome.msrLoading(2).code());
    assertEquals("VM exit with exit reason 0x80000029 (VM-entry failure, basic reason 41, exit qualification 0)",
        EntryOutcome.entryFailure(41, 0).describe());
    assertEquals(EntryOutcome.invalidGuestState(EntryOutcome.QUALIFICATION_LINK_POINTER),
        EntryOutcome.entryFailure(33, 4));
  }
}
