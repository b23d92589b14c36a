package dev.vmcscodegen.runtime.exit;

import dev.vmcscodegen.runtime.VmxInstructions;
import dev.vmcscodegen.runtime.fields.VmcsGuestNW;
import dev.vmcscodegen.runtime.fields.VmcsReadOnly32;
import dev.vmcscodegen.runtime.fields.VmcsReadOnlyNW;

/**
 * The basic facts of the last VM exit (SDM Vol. 3C 25.9.1 and 25.9.4): the exit reason, the VM-exit
 * instruction length and the guest RIP. The origin's {@code exit_info()} read the same fields but
 * panicked on a basic reason it did not list; here every reason decodes ({@link ExitReason#UNKNOWN}
 * keeps the raw number in {@link FullExitReason#basicReason()}).
 *
 * @param exitReason the decoded exit-reason field
 * @param instructionLength the VM-exit instruction length (meaningful for exits caused by instruction
 *     execution, 25.9.4)
 * @param guestRip the guest RIP at the exit
 */
public record ExitInfo(FullExitReason exitReason, int instructionLength, long guestRip) {

  /** Checks the exit reason is given. */
  public ExitInfo {
    if (exitReason == null) {
      throw new IllegalArgumentException("exit reason must not be null");
    }
  }

  /**
   * Reads EXIT_REASON, VM_EXIT_INSTRUCTION_LENGTH and the guest RIP. Decoding never fails; VMREAD
   * failures propagate as the backend's {@code VmxException}.
   */
  public static ExitInfo read(VmxInstructions vmx) {
    return new ExitInfo(
        FullExitReason.decode(VmcsReadOnly32.EXIT_REASON.read(vmx)),
        VmcsReadOnly32.VM_EXIT_INSTRUCTION_LENGTH.read(vmx),
        VmcsGuestNW.RIP.read(vmx));
  }

  /** The named basic exit reason. */
  public ExitReason reason() {
    return exitReason.reason();
  }

  /** Whether bit 31 of the exit reason reports a VM-entry failure rather than a true VM exit. */
  public boolean vmEntryFailure() {
    return exitReason.vmEntryFailure();
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
