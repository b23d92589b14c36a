package dev.vmcscodegen.runtime;

/**
 * VMfailValid: the instruction failed and the processor stored an error number in the
 * VM-instruction error field of the current VMCS (ZF = 1; SDM Vol. 3C 31.2, 31.4).
 */
public final class VmFailValidException extends VmxException {

  private static final long serialVersionUID = 1L;

  private final int errorNumber;

  /**
   * A failure with the given VM-instruction error number and the instruction that failed.
   *
   * @param errorNumber the number stored in the VM-instruction error field; any value is kept raw
   * @param instruction what failed, such as {@code "VMWRITE 0x4400"}
   */
  public VmFailValidException(int errorNumber, String instruction) {
    super("VMfailValid(" + errorNumber + ") " + VmxInstructionError.fromNumber(errorNumber).description()
        + ": " + instruction);
    this.errorNumber = errorNumber;
  }

  /** A failure with a known error. */
  public VmFailValidException(VmxInstructionError error, String instruction) {
    this(error.number(), instruction);
  }

  /** The raw VM-instruction error number. */
  public int errorNumber() {
    return errorNumber;
  }

  /** The error, {@link VmxInstructionError#UNKNOWN} for a number the SDM does not define. */
  public VmxInstructionError error() {
    return VmxInstructionError.fromNumber(errorNumber);
  }
}
