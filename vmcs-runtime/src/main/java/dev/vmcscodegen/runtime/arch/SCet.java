package dev.vmcscodegen.runtime.arch;

/** The bits of IA32_S_CET (6A2H) the VM-entry checks name, SDM Vol. 1 17.2.3 and Vol. 4, Table 2-2. */
public final class SCet {
  /** Bits 9:6: reserved. */
  public static final long RESERVED_9_6 = 0x3C0L;
  /** Bit 10: SUPPRESS, suppress indirect-branch tracking. */
  public static final long SUPPRESS = 1L << 10;
  /** Bit 11: TRACKER, wait-for-ENDBRANCH state. */
  public static final long TRACKER = 1L << 11;

  private SCet() {}

  /** Reserved bits 9:6 are 0 and SUPPRESS and TRACKER are not both 1 (SDM Vol. 3C 27.2.2, 27.3.1.1). */
  public static boolean isValid(long value) {
    return (value & RESERVED_9_6) == 0 && (value & (SUPPRESS | TRACKER)) != (SUPPRESS | TRACKER);
  }
}
