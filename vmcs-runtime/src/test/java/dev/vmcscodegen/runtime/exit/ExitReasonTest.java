package dev.vmcscodegen.runtime.exit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExitReasonTest {

  /** Numbers SDM Vol. 3D Table C-1 leaves out between 0 and 85. */
  private static final Set<Integer> RESERVED_NUMBERS = Set.of(35, 38, 42, 71, 82, 83);

  @Test
  void everyBasicReasonNumberLooksUpWithoutThrowing() {
    // Exhaustive over the 16-bit basic-exit-reason field (SDM Vol. 3C 25.9.1, bits 15:0).
    for (int number = 0; number <= 0xFFFF; number++) {
      ExitReason reason = ExitReason.fromNumber(number);
      if (number <= 85) {
        assertEquals(number, reason.number(), "number " + number);
        assertEquals(RESERVED_NUMBERS.contains(number), reason.isReserved(), "number " + number);
        assertEquals(!RESERVED_NUMBERS.contains(number), reason.isDefined(), "number " + number);
      } else {
        assertSame(ExitReason.UNKNOWN, reason, "number " + number);
      }
    }
  }

  @Test
  void negativeNumbersAreUnknown() {
    assertSame(ExitReason.UNKNOWN, ExitReason.fromNumber(-1));
    assertSame(ExitReason.UNKNOWN, ExitReason.fromNumber(Integer.MIN_VALUE));
    assertFalse(ExitReason.UNKNOWN.isReserved());
    assertFalse(ExitReason.UNKNOWN.isDefined());
  }

  @Test
  void knownAnswersFromTableC1() {
    // SDM Vol. 3D Table C-1 "Basic Exit Reasons".
    assertSame(ExitReason.EXCEPTION_OR_NMI, ExitReason.fromNumber(0));
    assertSame(ExitReason.TRIPLE_FAULT, ExitReason.fromNumber(2));
    assertSame(ExitReason.CPUID, ExitReason.fromNumber(10));
    assertSame(ExitReason.VMCALL, ExitReason.fromNumber(18));
    assertSame(ExitReason.CONTROL_REGISTER_ACCESSES, ExitReason.fromNumber(28));
    assertSame(ExitReason.IO_INSTRUCTION, ExitReason.fromNumber(30));
    assertSame(ExitReason.VM_ENTRY_FAILURE_INVALID_GUEST_STATE, ExitReason.fromNumber(33));
    assertSame(ExitReason.MONITOR_TRAP_FLAG, ExitReason.fromNumber(37));
    assertSame(ExitReason.VM_ENTRY_FAILURE_MACHINE_CHECK_EVENT, ExitReason.fromNumber(41));
    assertSame(ExitReason.EPT_VIOLATION, ExitReason.fromNumber(48));
    assertSame(ExitReason.EPT_MISCONFIGURATION, ExitReason.fromNumber(49));
    assertSame(ExitReason.XSETBV, ExitReason.fromNumber(55));
    assertSame(ExitReason.PCONFIG, ExitReason.fromNumber(65));
    assertSame(ExitReason.LOADIWKEY, ExitReason.fromNumber(69));
    assertSame(ExitReason.ENCLV, ExitReason.fromNumber(70));
    assertSame(ExitReason.BUS_LOCK, ExitReason.fromNumber(74));
    assertSame(ExitReason.INSTRUCTION_TIMEOUT, ExitReason.fromNumber(75));
    assertSame(ExitReason.TDCALL, ExitReason.fromNumber(77));
    assertSame(ExitReason.WRMSRLIST, ExitReason.fromNumber(79));
    assertSame(ExitReason.UWRMSR, ExitReason.fromNumber(81));
    assertSame(ExitReason.WRMSRNS_IMMEDIATE, ExitReason.fromNumber(85));
  }

  @Test
  void onlyTheThreeEntryFailureReasonsAreEntryFailures() {
    // SDM Vol. 3D Table C-1: 33, 34 and 41 are "VM-entry failure due to ...".
    EnumSet<ExitReason> failures = EnumSet.noneOf(ExitReason.class);
    for (ExitReason reason : ExitReason.values()) {
      if (reason.isVmEntryFailure()) {
        failures.add(reason);
      }
    }
    assertEquals(EnumSet.of(ExitReason.VM_ENTRY_FAILURE_INVALID_GUEST_STATE,
        ExitReason.VM_ENTRY_FAILURE_MSR_LOADING, ExitReason.VM_ENTRY_FAILURE_MACHINE_CHECK_EVENT),
        failures);
  }

  @Test
  void descriptionsNameReservedAndUnknownNumbers() {
    assertEquals("EPT violation", ExitReason.EPT_VIOLATION.description());
    assertTrue(ExitReason.RESERVED_71.description().contains("71"));
    assertTrue(ExitReason.UNKNOWN.description().contains("unknown"));
  }
}
