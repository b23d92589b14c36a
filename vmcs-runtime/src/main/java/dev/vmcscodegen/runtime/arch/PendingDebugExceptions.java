package dev.vmcscodegen.runtime.arch;

/** The guest pending debug exceptions field, SDM Vol. 3C 25.4.2, Table 25-4 "Format of Pending-Debug-Exceptions". */
public final class PendingDebugExceptions {
  /** Bit 12: enabled breakpoint (at least one of B3:B0 met and enabled in DR7). */
  public static final long ENABLED_BREAKPOINT = 1L << 12;
  /** Bit 14, BS: a single-step trap is pending. */
  public static final long BS = 1L << 14;
  /** Bit 16, RTM: a debug exception occurred inside an RTM region. */
  public static final long RTM = 1L << 16;
  /** Reserved bits 11:4, 13, 15 and 63:17, which must be 0 (SDM Vol. 3C 27.3.1.5). */
  public static final long RESERVED = (-1L << 17) | 0xFF0L | (1L << 13) | (1L << 15);
  /** With RTM set, bits 11:0, 15:13 and 63:17 must be 0 (SDM Vol. 3C 27.3.1.5). */
  public static final long RTM_MUST_BE_ZERO = (-1L << 17) | 0xFFFL | 0xE000L;

  private PendingDebugExceptions() {}
}
