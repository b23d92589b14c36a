package dev.vmcscodegen.runtime.exit;

import dev.vmcscodegen.runtime.VmxInstructions;
import dev.vmcscodegen.runtime.fields.VmcsGuestNW;
import dev.vmcscodegen.runtime.fields.VmcsReadOnly32;
import dev.vmcscodegen.runtime.fields.VmcsReadOnlyNW;

/**
 * The basic facts of the last VM exit (SDM Vol. 3C 25.9.1 and 25.9.4): the exit-reason field, the
 * VM-exit instruction length and the guest RIP. The origin's {@code exit_info()} read the same fields but
 * panicked on a basic reason it did not list; here every reason decodes ({@link ExitReason#UNKNOWN}
 * keeps the raw number in {@link #basicReason()}).
 *
 * <p>The exit-reason field is kept as read and decoded by the accessors, so {@link #read} builds one
 * small object of primitives: on a hot exit path C2 inlines it and allocates nothing (measured in
 * {@code ExitBenchmark}, BENCHMARKS.md).
 *
 * @param exitReasonField the 32-bit exit-reason field as read; {@link #exitReason()} decodes it
 * @param instructionLength the VM-exit instruction length (meaningful for exits caused by instruction
 *     execution, 25.9.4)
 * @param guestRip the guest RIP at the exit
 */
public record ExitInfo(int exitReasonField, int instructionLength, long guestRip) {

  /**
   * Reads EXIT_REASON, VM_EXIT_INSTRUCTION_LENGTH and the guest RIP. Decoding never fails; VMREAD
   * failures propagate as the backend's {@code VmxException}.
   */
  public static ExitInfo read(VmxInstructions vmx) {
    return new ExitInfo(
        VmcsReadOnly32.EXIT_REASON.read(vmx),
        VmcsReadOnly32.VM_EXIT_INSTRUCTION_LENGTH.read(vmx),
        VmcsGuestNW.RIP.read(vmx));
  }

  /** The exit-reason field decoded, every bit of it (SDM Vol. 3C 25.9.1). */
  public FullExitReason exitReason() {
    return FullExitReason.decode(exitReasonField);
  }

  /** Bits 15:0 of the exit-reason field: the basic exit reason, named or not. */
  public int basicReason() {
    return exitReasonField & FullExitReason.BASIC_REASON_MASK;
  }

  /** The named basic exit reason; {@link ExitReason#UNKNOWN} beyond Table C-1. */
  public ExitReason reason() {
    return ExitReason.fromNumber(basicReason());
  }

  /** Whether bit 31 of the exit reason reports a VM-entry failure rather than a true VM exit. */
  public boolean vmEntryFailure() {
    return BitField.bit(exitReasonField, FullExitReason.VM_ENTRY_FAILURE_BIT);
  }

  /**
   * Reads EXIT_QUALIFICATION and decodes it in the format of this exit's reason
   * ({@link Qualifications#decode(ExitReason, long)}).
   */
  public ExitQualification readQualification(VmxInstructions vmx) {
    return Qualifications.decode(reason(), VmcsReadOnlyNW.EXIT_QUALIFICATION.read(vmx));
  }

  /** Reads VM_EXIT_INSTRUCTION_INFORMATION raw; decode it with the record for this exit's instruction. */
  public static int readInstructionInformation(VmxInstructions vmx) {
    return VmcsReadOnly32.VM_EXIT_INSTRUCTION_INFORMATION.read(vmx);
  }
}
