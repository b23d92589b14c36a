package dev.vmcscodegen.runtime;

/**
 * VMfailInvalid: the instruction failed and there is no current VMCS to hold an error number
 * (CF = 1; SDM Vol. 3C 31.2).
 */
public final class VmFailInvalidException extends VmxException {

  private static final long serialVersionUID = 1L;

  /** The instruction that failed, such as {@code "VMREAD 0x681E"}, and why. */
  public VmFailInvalidException(String message) {
    super("VMfailInvalid: " + message);
  }
}
