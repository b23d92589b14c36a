package dev.vmcscodegen.runtime.software;

/**
 * RDMSR of an MSR that a {@link SoftwareVmcs} was not given: what a processor does for an MSR it does
 * not implement is #GP(0) (SDM Vol. 2B, RDMSR "Protected Mode Exceptions"); this exception models it.
 */
public final class UnknownMsrException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int msr;

  /**
   * @param msr the MSR address that was read
   */
  public UnknownMsrException(int msr) {
    super(String.format("RDMSR 0x%X raises #GP(0): this SoftwareVmcs was built without that MSR;"
        + " give it with SoftwareVmcsBuilder.msrs(...)", msr));
    this.msr = msr;
  }

  /** The MSR address that was read. */
  public int msr() {
    return msr;
  }
}
