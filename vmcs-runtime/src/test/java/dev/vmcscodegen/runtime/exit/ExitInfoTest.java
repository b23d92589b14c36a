package dev.vmcscodegen.runtime.exit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.runtime.fields.VmcsGuestNW;
import dev.vmcscodegen.runtime.fields.VmcsReadOnly32;
import dev.vmcscodegen.runtime.fields.VmcsReadOnly64;
import dev.vmcscodegen.runtime.fields.VmcsReadOnlyNW;
import dev.vmcscodegen.runtime.software.SoftwareVmcs;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The readers, over the software VMCS with scripted read-only fields. */
class ExitInfoTest {

  private final SoftwareVmcs vmcs = SoftwareVmcs.create();

  @Test
  void readsReasonLengthAndRip() {
    // SDM Vol. 3D Table C-1: 30 = I/O instruction; SDM Vol. 3C 25.9.4: instruction length.
    vmcs.put(VmcsReadOnly32.EXIT_REASON.encoding(), 30);
    vmcs.put(VmcsReadOnly32.VM_EXIT_INSTRUCTION_LENGTH.encoding(), 2);
    vmcs.put(VmcsGuestNW.RIP.encoding(), 0xFFFF_FFFF_8000_1234L);
    vmcs.put(VmcsReadOnlyNW.EXIT_QUALIFICATION.encoding(), 0x0080_0040L);
    ExitInfo info = ExitInfo.read(vmcs);
    assertSame(ExitReason.IO_INSTRUCTION, info.reason());
    assertFalse(info.vmEntryFailure());
    assertEquals(2, info.instructionLength());
    assertEquals(0xFFFF_FFFF_8000_1234L, info.guestRip());
    IoInstructionQualification io = assertInstanceOf(IoInstructionQualification.class, info.readQualification(vmcs));
    assertEquals(0x80, io.port());
  }

  @Test
  void unknownReasonDoesNotPanic() {
    // The origin's exit_info() panics on reasons it does not list; basic reason 0xFFFF is beyond
    // SDM Vol. 3D Table C-1 and must decode to UNKNOWN with the number kept.
    vmcs.put(VmcsReadOnly32.EXIT_REASON.encoding(), 0xFFFF);
    ExitInfo info = ExitInfo.read(vmcs);
    assertSame(ExitReason.UNKNOWN, info.reason());
    assertEquals(0xFFFF, info.exitReason().basicReason());
    assertInstanceOf(RawExitQualification.class, info.readQualification(vmcs));
  }

  @Test
  void keepsTheWholeExitReasonFieldAndDecodesItOnDemand() {
    // SDM Vol. 3C 25.9.1: bit 27 = VM exit from enclave mode, bits 15:0 = 10 (CPUID, Table C-1).
    vmcs.put(VmcsReadOnly32.EXIT_REASON.encoding(), (1L << 27) | 10);
    ExitInfo info = ExitInfo.read(vmcs);
    assertEquals((1 << 27) | 10, info.exitReasonField());
    assertEquals(10, info.basicReason());
    assertSame(ExitReason.CPUID, info.reason());
    assertTrue(info.exitReason().enclaveMode());
    assertFalse(info.exitReason().vmEntryFailure());
    assertFalse(info.vmEntryFailure());
  }

  @Test
  void entryFailureIsReported() {
    // SDM Vol. 3C 27.8: 0x80000021 = VM-entry failure (bit 31), invalid guest state (33).
    vmcs.put(VmcsReadOnly32.EXIT_REASON.encoding(), 0x8000_0021L);
    ExitInfo info = ExitInfo.read(vmcs);
    assertTrue(info.vmEntryFailure());
    assertSame(ExitReason.VM_ENTRY_FAILURE_INVALID_GUEST_STATE, info.reason());
  }

  @Test
  void exitInterruptionReadsTheErrorCodeOnlyWhenBit11IsSet() {
    // SDM Vol. 3C 25.9.2: #GP (vector 13, hardware exception, error code valid, valid) = 0x80000B0D.
    vmcs.put(VmcsReadOnly32.VM_EXIT_INTERRUPTION_INFORMATION.encoding(), 0x8000_0B0DL);
    vmcs.put(VmcsReadOnly32.VM_EXIT_INTERRUPTION_ERROR_CODE.encoding(), 0x18);
    VectoredEvent event = VectoredEvent.readExitInterruption(vmcs);
    assertTrue(event.valid());
    assertEquals(13, event.information().vector());
    assertEquals(OptionalInt.of(0x18), event.errorCode());
    // NMI (vector 2, type 2, no error code) = 0x80000202.
    vmcs.put(VmcsReadOnly32.VM_EXIT_INTERRUPTION_INFORMATION.encoding(), 0x8000_0202L);
    assertEquals(OptionalInt.empty(), VectoredEvent.readExitInterruption(vmcs).errorCode());
  }

  @Test
  void idtVectoringInvalidHasNoErrorCode() {
    // SDM Vol. 3C 25.9.3: bit 31 clear = no event was being delivered; bit 11 alone means nothing then.
    vmcs.put(VmcsReadOnly32.IDT_VECTORING_INFORMATION.encoding(), 0x0000_0B0EL);
    vmcs.put(VmcsReadOnly32.IDT_VECTORING_ERROR_CODE.encoding(), 0x2);
    VectoredEvent event = VectoredEvent.readIdtVectoring(vmcs);
    assertFalse(event.valid());
    assertEquals(OptionalInt.empty(), event.errorCode());
    vmcs.put(VmcsReadOnly32.IDT_VECTORING_INFORMATION.encoding(), 0x8000_0B0EL);
    assertEquals(OptionalInt.of(0x2), VectoredEvent.readIdtVectoring(vmcs).errorCode());
  }

  @Test
  void eptViolationReadsTheLinearAddressOnlyWhenValid() {
    // SDM Vol. 3C 28.2.1 "Exit Qualification for EPT Violations": bit 7 = guest-linear address valid.
    vmcs.put(VmcsReadOnlyNW.EXIT_QUALIFICATION.encoding(), 0x181L);
    vmcs.put(VmcsReadOnly64.GUEST_PHYSICAL_ADDRESS.encoding(), 0xFEE0_0000L);
    vmcs.put(VmcsReadOnlyNW.GUEST_LINEAR_ADDRESS.encoding(), 0x7FFF_0000L);
    EptViolation violation = EptViolation.read(vmcs);
    assertEquals(0xFEE0_0000L, violation.guestPhysicalAddress());
    assertEquals(0x7FFF_0000L, violation.guestLinearAddress().getAsLong());
    assertTrue(violation.qualification().dataRead());
    vmcs.put(VmcsReadOnlyNW.EXIT_QUALIFICATION.encoding(), 0x1L);
    assertTrue(EptViolation.read(vmcs).guestLinearAddress().isEmpty());
    assertEquals(0xFEE0_0000L, EptMisconfiguration.read(vmcs).guestPhysicalAddress());
  }
}
