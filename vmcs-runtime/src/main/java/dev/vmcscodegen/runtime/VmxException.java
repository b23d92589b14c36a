package dev.vmcscodegen.runtime;

/**
 * A VMX instruction failed: the common type of {@link VmFailInvalidException} and
 * {@link VmFailValidException} (SDM Vol. 3C 31.2).
 */
public abstract sealed class VmxException extends RuntimeException
    permits VmFailInvalidException, VmFailValidException {

  private static final long serialVersionUID = 1L;

  /** An exception with the given message. */
  protected VmxException(String message) {
    super(message);
  }
}
