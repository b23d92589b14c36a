package dev.vmcscodegen.runtime.entry;

import dev.vmcscodegen.runtime.fields.VmcsEncodings;
import dev.vmcscodegen.runtime.EntryOutcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vmcscodegen.runtime.VmFailValidException;
import dev.vmcscodegen.runtime.VmxInstructionError;
import dev.vmcscodegen.runtime.fields.VmcsReadOnly32;
import dev.vmcscodegen.runtime.fields.VmcsReadOnlyNW;
import dev.vmcscodegen.runtime.software.SoftwareVmcs;
import org.junit.jupiter.api.Test;

/** VMLAUNCH on a software VMCS with the checker plugged in fails as the processor would. */
class EntryCheckHookTest {

  private static SoftwareVmcs vmcs(Scenario scenario) {
    SoftwareVmcs vmcs = SoftwareVmcs.builder()
        .entryCheck(EntryCheckHook.of(scenario.capabilities(), scenario.facts())).build();
    scenario.image().values().forEach(vmcs::put);
    return vmcs;
  }

  @Test
  void validImageLaunches() {
    EntryOutcome outcome = vmcs(Baselines.longMode()).vmlaunch();
    assertInstanceOf(EntryOutcome.Entered.class, outcome);
  }

  @Test
  void controlViolationIsVmFailValid7() {
    SoftwareVmcs vmcs = vmcs(Baselines.longMode().set(VmcsEncodings.VIRTUAL_PROCESSOR_ID, 0));
    VmFailValidException failure = assertThrows(VmFailValidException.class, vmcs::vmlaunch);
    // SDM Vol. 3C 31.4, Table 31-1: 7 = VM entry with invalid control field(s).
    assertEquals(VmxInstructionError.ENTRY_INVALID_CONTROL_FIELD, failure.error());
    assertEquals(7, VmcsReadOnly32.VM_INSTRUCTION_ERROR.read(vmcs));
  }

  @Test
  void hostViolationIsVmFailValid8() {
    SoftwareVmcs vmcs = vmcs(Baselines.longMode().set(VmcsEncodings.HOST_TR_SELECTOR, 0));
    VmFailValidException failure = assertThrows(VmFailValidException.class, vmcs::vmlaunch);
    // Table 31-1: 8 = VM entry with invalid host-state field(s).
    assertEquals(8, failure.errorNumber());
  }

  @Test
  void guestViolationIsExitReason33WithQualification() {
    SoftwareVmcs vmcs = vmcs(Baselines.longMode().set(VmcsEncodings.GUEST_VMCS_LINK_POINTER, 0xD008));
    EntryOutcome outcome = vmcs.vmlaunch();
    assertEquals(new EntryOutcome.EntryFailure(33, 4), outcome);
    // SDM Vol. 3C 27.8: exit reason 33 with bit 31 set; qualification 4 = invalid VMCS link pointer.
    assertEquals(0x8000_0021, VmcsReadOnly32.EXIT_REASON.read(vmcs));
    assertEquals(4L, VmcsReadOnlyNW.EXIT_QUALIFICATION.read(vmcs));
  }

  @Test
  void controlFailureWinsOverGuestFailure() {
    SoftwareVmcs vmcs = vmcs(Baselines.longMode().set(VmcsEncodings.VIRTUAL_PROCESSOR_ID, 0)
        .set(VmcsEncodings.GUEST_RFLAGS, 0));
    // SDM Vol. 3C 27.2 runs before 27.3: a control failure means no guest check is reached.
    assertEquals(7, assertThrows(VmFailValidException.class, vmcs::vmlaunch).errorNumber());
  }
}
