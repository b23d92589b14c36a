package dev.vmcscodegen.runtime.exit;

import dev.vmcscodegen.runtime.VmxInstructions;
import dev.vmcscodegen.runtime.fields.VmcsReadOnly32;
import java.util.OptionalInt;

/**
 * An event as a VM exit reports it: an interruption-information field and, when its bit 11 says so,
 * the matching error code. Read either the event that caused the exit (SDM Vol. 3C 25.9.2: VM-exit
 * interruption information and error code) or the event whose delivery the exit interrupted (25.9.3:
 * IDT-vectoring information and error code), for instance to re-inject it.
 *
 * @param information the interruption-information field
 * @param errorCode the error code, present only when the field is valid and its bit 11 is set
 */
public record VectoredEvent(InterruptionInformation information, OptionalInt errorCode) {

  /** Checks both parts are given and an error code comes only with bit 11. */
  public VectoredEvent {
    if (information == null || errorCode == null) {
      throw new IllegalArgumentException("information and errorCode must not be null (use OptionalInt.empty())");
    }
    if (errorCode.isPresent() && !information.errorCodeValid()) {
      throw new IllegalArgumentException("an error code needs bit 11 (error code valid) of the interruption information");
    }
  }

  /**
   * Reads VM_EXIT_INTERRUPTION_INFORMATION and, if it is valid with bit 11 set,
   * VM_EXIT_INTERRUPTION_ERROR_CODE (SDM Vol. 3C 25.9.2). Decoding never fails; VMREAD failures
   * propagate as the backend's {@code VmxException}.
   */
  public static VectoredEvent readExitInterruption(VmxInstructions vmx) {
    return read(vmx, VmcsReadOnly32.VM_EXIT_INTERRUPTION_INFORMATION,
        VmcsReadOnly32.VM_EXIT_INTERRUPTION_ERROR_CODE);
  }

  /**
   * Reads IDT_VECTORING_INFORMATION and, if it is valid with bit 11 set, IDT_VECTORING_ERROR_CODE
   * (SDM Vol. 3C 25.9.3).
   */
  public static VectoredEvent readIdtVectoring(VmxInstructions vmx) {
    return read(vmx, VmcsReadOnly32.IDT_VECTORING_INFORMATION, VmcsReadOnly32.IDT_VECTORING_ERROR_CODE);
  }

  /** Whether the information field's valid bit (31) is set. */
  public boolean valid() {
    return information.valid();
  }

  private static VectoredEvent read(VmxInstructions vmx, VmcsReadOnly32 informationField,
      VmcsReadOnly32 errorCodeField) {
    InterruptionInformation information = InterruptionInformation.decode(informationField.read(vmx));
    OptionalInt errorCode = information.valid() && information.errorCodeValid()
        ? OptionalInt.of(errorCodeField.read(vmx))
        : OptionalInt.empty();
    return new VectoredEvent(information, errorCode);
  }
}
