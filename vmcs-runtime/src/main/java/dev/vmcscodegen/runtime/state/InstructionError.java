package dev.vmcscodegen.runtime.state;

import dev.vmcscodegen.runtime.VmxInstructionError;
import dev.vmcscodegen.runtime.VmxInstructions;
import dev.vmcscodegen.runtime.fields.VmcsReadOnly32;

/**
 * The VM-instruction error field (4400H) of the current VMCS: the number the last VMfailValid stored
 * (SDM Vol. 3C 25.9.5, 31.4 Table 31-1), raw and decoded. Any number decodes; unknown ones are
 * {@link VmxInstructionError#UNKNOWN} with the raw number kept.
 *
 * @param number the raw field value
 */
public record InstructionError(long number) {

  /** Reads the field. */
  public static InstructionError read(VmxInstructions vmx) {
    return new InstructionError(Integer.toUnsignedLong(VmcsReadOnly32.VM_INSTRUCTION_ERROR.read(vmx)));
  }

  /** The error for this number ({@link VmxInstructionError#UNKNOWN} outside 0 to 28). */
  public VmxInstructionError error() {
    return VmxInstructionError.fromNumber(number);
  }

  /** The number and the SDM's text, such as {@code 12 (VMREAD/VMWRITE from/to unsupported VMCS component)}. */
  public String describe() {
    return number + " (" + error().description() + ")";
  }
}
