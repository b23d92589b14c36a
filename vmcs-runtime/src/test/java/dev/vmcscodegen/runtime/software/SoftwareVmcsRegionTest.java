package dev.vmcscodegen.runtime.software;

import dev.vmcscodegen.runtime.LaunchState;
import dev.vmcscodegen.runtime.EntryOutcome;
import static dev.vmcscodegen.runtime.FakeField.EXIT_QUALIFICATION;
import static dev.vmcscodegen.runtime.FakeField.EXIT_REASON;
import static dev.vmcscodegen.runtime.FakeField.GUEST_RIP;
import static dev.vmcscodegen.runtime.FakeField.VM_INSTRUCTION_ERROR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vmcscodegen.runtime.FakeField;
import dev.vmcscodegen.runtime.VmFailInvalidException;
import dev.vmcscodegen.runtime.VmFailValidException;
import dev.vmcscodegen.runtime.VmxInstructionError;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** VMCLEAR, VMPTRLD, VMPTRST, VMLAUNCH and VMRESUME, SDM Vol. 3C 31.3; error numbers from Table 31-1. */
class SoftwareVmcsRegionTest {

  private static final long A = 0x10_0000L;
  private static final long B = 0x20_0000L;
  private static final int IA32_VMX_BASIC = 0x480;

  private static SoftwareVmcsBuilder builder() {
    return SoftwareVmcs.builder().catalog(FakeField.catalog());
  }

  @Test
  void defaultHasOneCurrentClearVmcs() {
    SoftwareVmcs vmcs = builder().build();
    assertEquals(SoftwareVmcs.DEFAULT_VMCS_ADDRESS, vmcs.vmptrst());
    assertEquals(LaunchState.CLEAR, vmcs.launchState(SoftwareVmcs.DEFAULT_VMCS_ADDRESS));
  }

  @Test
  void regionsKeepTheirOwnFields() {
    SoftwareVmcs vmcs = builder().currentVmcs(A).build();
    vmcs.vmwrite(GUEST_RIP.encoding(), 0xAAAA);
    vmcs.vmclear(B);
    vmcs.vmptrld(B);
    assertEquals(B, vmcs.vmptrst());
    assertEquals(0, vmcs.vmread(GUEST_RIP.encoding()));
    vmcs.vmwrite(GUEST_RIP.encoding(), 0xBBBB);
    vmcs.vmptrld(A);
    assertEquals(0xAAAA, vmcs.vmread(GUEST_RIP.encoding()));
  }

  @Test
  void vmclearOfCurrentLeavesNoCurrentVmcs() {
    SoftwareVmcs vmcs = builder().currentVmcs(A).build();
    vmcs.vmclear(A);
    // SDM 31.3 VMCLEAR: "IF operand addr = current-VMCS pointer THEN current-VMCS pointer <- FFFFFFFF_FFFFFFFFH".
    assertEquals(0xFFFF_FFFF_FFFF_FFFFL, vmcs.vmptrst());
    assertThrows(VmFailInvalidException.class, () -> vmcs.vmread(GUEST_RIP.encoding()));
  }

  @Test
  void vmclearOfAnotherKeepsTheCurrent() {
    SoftwareVmcs vmcs = builder().currentVmcs(A).build();
    vmcs.vmclear(B);
    assertEquals(A, vmcs.vmptrst());
  }

  @Test
  void badAddressesFailWithVmfail() {
    SoftwareVmcs vmcs = builder().physicalAddressWidth(39).vmxonPointer(B).build();
    // SDM 31.3 VMCLEAR: not 4-KByte aligned or beyond the physical-address width -> VMfail(2); VMXON pointer -> 3.
    assertFail(2, vmcs, () -> vmcs.vmclear(A + 8));
    assertFail(2, vmcs, () -> vmcs.vmclear(1L << 39));
    assertFail(3, vmcs, () -> vmcs.vmclear(B));
    // SDM 31.3 VMPTRLD: the same tests give 9 and 10.
    assertFail(9, vmcs, () -> vmcs.vmptrld(A + 0x800));
    assertFail(9, vmcs, () -> vmcs.vmptrld(-4096L));
    assertFail(10, vmcs, () -> vmcs.vmptrld(B));
    assertEquals(SoftwareVmcs.DEFAULT_VMCS_ADDRESS, vmcs.vmptrst());
  }

  @Test
  void vmfailWithoutCurrentVmcsIsInvalid() {
    SoftwareVmcs vmcs = builder().noCurrentVmcs().build();
    // SDM 31.2 VMfail(ErrorNumber): VMfailInvalid when the current-VMCS pointer is not valid.
    assertThrows(VmFailInvalidException.class, () -> vmcs.vmclear(A + 1));
    assertThrows(VmFailInvalidException.class, () -> vmcs.vmptrld(A + 1));
  }

  @Test
  void vmxBasicBit48LimitsAddressesTo32Bits() {
    // SDM Vol. 3D A.1: IA32_VMX_BASIC bit 48 = 1 limits VMCS addresses to 32 bits.
    SoftwareVmcs vmcs = builder().msrs(Map.of(IA32_VMX_BASIC, 1L << 48)).build();
    assertFail(9, vmcs, () -> vmcs.vmptrld(1L << 32));
    vmcs.vmptrld(0xFFFF_F000L);
    assertEquals(0xFFFF_F000L, vmcs.vmptrst());
  }

  @Test
  void revisionIdentifierMustMatchVmxBasic() {
    SoftwareVmcs vmcs = builder().msrs(Map.of(IA32_VMX_BASIC, 0x0000_0000_0000_0004L)).build();
    vmcs.vmclear(A);
    vmcs.vmptrld(A);
    vmcs.writeRevisionIdentifier(B, 5);
    // SDM 31.3 VMPTRLD: rev[30:0] differs from the processor's revision identifier -> VMfail(11).
    assertFail(11, vmcs, () -> vmcs.vmptrld(B));
    // Bit 31 set without VMCS shadowing support -> VMfail(11).
    vmcs.writeRevisionIdentifier(B, 4 | 1 << 31);
    assertFail(11, vmcs, () -> vmcs.vmptrld(B));
    vmcs.writeRevisionIdentifier(B, 4);
    vmcs.vmptrld(B);
    assertEquals(B, vmcs.vmptrst());
  }

  @Test
  void shadowIndicatorAllowedWithVmcsShadowing() {
    // SDM Vol. 3D A.3.3: IA32_VMX_PROCBASED_CTLS2 bit 46 allows secondary control 14, "VMCS shadowing".
    SoftwareVmcs vmcs = builder().msrs(Map.of(IA32_VMX_BASIC, 4L, 0x48B, 1L << 46)).build();
    vmcs.writeRevisionIdentifier(B, 4 | 1 << 31);
    vmcs.vmptrld(B);
    assertEquals(B, vmcs.vmptrst());
  }

  @Test
  void launchStateRules() {
    SoftwareVmcs vmcs = builder().build();
    assertThrows(VmFailValidException.class, vmcs::vmresume);
    // SDM Table 31-1: 5 = VMRESUME with non-launched VMCS.
    assertEquals(5, vmcs.vmread(VM_INSTRUCTION_ERROR.encoding()));
    assertInstanceOf(EntryOutcome.Entered.class, vmcs.vmlaunch());
    assertEquals(LaunchState.LAUNCHED, vmcs.launchState(SoftwareVmcs.DEFAULT_VMCS_ADDRESS));
    // SDM Table 31-1: 4 = VMLAUNCH with non-clear VMCS.
    assertFail(4, vmcs, vmcs::vmlaunch);
    assertInstanceOf(EntryOutcome.Entered.class, vmcs.vmresume());
    vmcs.vmclear(SoftwareVmcs.DEFAULT_VMCS_ADDRESS);
    assertEquals(LaunchState.CLEAR, vmcs.launchState(SoftwareVmcs.DEFAULT_VMCS_ADDRESS));
  }

  @Test
  void launchWithoutCurrentVmcsFailsInvalid() {
    SoftwareVmcs vmcs = builder().noCurrentVmcs().build();
    assertThrows(VmFailInvalidException.class, vmcs::vmlaunch);
    assertThrows(VmFailInvalidException.class, vmcs::vmresume);
  }

  @Test
  void entryCheckCanFailWithVmfailValid() {
    SoftwareVmcs vmcs = builder()
        .entryCheck(current -> EntryOutcome.vmFailValid(VmxInstructionError.ENTRY_INVALID_CONTROL_FIELD))
        .build();
    // SDM Table 31-1: 7 = VM entry with invalid control field(s); the VMCS stays clear.
    assertFail(7, vmcs, vmcs::vmlaunch);
    assertEquals(LaunchState.CLEAR, vmcs.launchState(SoftwareVmcs.DEFAULT_VMCS_ADDRESS));
  }

  @Test
  void entryCheckSeesTheCurrentVmcsReadOnly() {
    SoftwareVmcs vmcs = builder().entryCheck(current -> current.vmread(GUEST_RIP.encoding()) == 0
        ? EntryOutcome.vmFailValid(VmxInstructionError.ENTRY_INVALID_HOST_STATE_FIELD)
        : EntryOutcome.entered()).build();
    assertFail(8, vmcs, vmcs::vmlaunch);
    vmcs.vmwrite(GUEST_RIP.encoding(), 0x1000);
    assertInstanceOf(EntryOutcome.Entered.class, vmcs.vmlaunch());
    SoftwareVmcs writer = builder().entryCheck(current -> {
      current.vmwrite(GUEST_RIP.encoding(), 1);
      return EntryOutcome.entered();
    }).build();
    assertThrows(UnsupportedOperationException.class, writer::vmlaunch);
  }

  @Test
  void entryCheckReadOfUnsupportedFieldRecordsNoError() {
    SoftwareVmcs vmcs = builder().entryCheck(current -> {
      assertEquals(12, assertThrows(VmFailValidException.class, () -> current.vmread(0x681C)).errorNumber());
      return EntryOutcome.entered();
    }).build();
    assertInstanceOf(EntryOutcome.Entered.class, vmcs.vmlaunch());
    // The checks are part of VMLAUNCH, which succeeded: no error number was stored (SDM 31.2 VMsucceed).
    assertEquals(0, vmcs.vmread(VM_INSTRUCTION_ERROR.encoding()));
  }

  @Test
  void entryFailureIsRecordedAsAnExit() {
    SoftwareVmcs vmcs = builder().entryCheck(current -> EntryOutcome.entryFailure(33, 0)).build();
    EntryOutcome outcome = vmcs.vmlaunch();
    assertEquals(new EntryOutcome.EntryFailure(33, 0), outcome);
    // SDM 27.8: exit reason = basic reason 33 (invalid guest state) with bit 31 (VM-entry failure) set;
    // the launch state is unchanged.
    assertEquals(0x8000_0021L, vmcs.vmread(EXIT_REASON.encoding()));
    assertEquals(0, vmcs.vmread(EXIT_QUALIFICATION.encoding()));
    assertEquals(LaunchState.CLEAR, vmcs.launchState(SoftwareVmcs.DEFAULT_VMCS_ADDRESS));
    SoftwareVmcs msrLoad = builder().entryCheck(current -> EntryOutcome.entryFailure(34, 2)).build();
    msrLoad.vmlaunch();
    // SDM 27.8: 34 = VM-entry failure due to MSR loading; the qualification is the failing entry's index.
    assertEquals(0x8000_0022L, msrLoad.vmread(EXIT_REASON.encoding()));
    assertEquals(2, msrLoad.vmread(EXIT_QUALIFICATION.encoding()));
  }

  @Test
  void outcomesRejectNonsense() {
    assertThrows(IllegalArgumentException.class, () -> EntryOutcome.vmFailValid(VmxInstructionError.NONE));
    assertThrows(IllegalArgumentException.class, () -> EntryOutcome.vmFailValid(VmxInstructionError.UNKNOWN));
    assertThrows(IllegalArgumentException.class, () -> EntryOutcome.entryFailure(0x10000, 0));
    assertThrows(IllegalArgumentException.class, () -> EntryOutcome.entryFailure(-1, 0));
  }

  private static void assertFail(int expectedError, SoftwareVmcs vmcs, Runnable instruction) {
    VmFailValidException failure = assertThrows(VmFailValidException.class, instruction::run);
    assertEquals(expectedError, failure.errorNumber());
    assertEquals(expectedError, vmcs.vmread(VM_INSTRUCTION_ERROR.encoding()));
  }
}
