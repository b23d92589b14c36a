package dev.vmcscodegen.runtime.arch;

/**
 * The bits of RFLAGS the runtime names, SDM Vol. 3A 2.3 "System Flags and Fields in the EFLAGS
 * Register" (Figure 2-5), with the reserved bits VM entry checks (SDM Vol. 3C 27.3.1.4).
 */
public final class Rflags {
  /** Bit 1: reserved, always 1. */
  public static final long FIXED_1 = 1L << 1;
  /** Bit 8, TF: trap flag. */
  public static final long TF = 1L << 8;
  /** Bit 9, IF: interrupt enable flag. */
  public static final long IF = 1L << 9;
  /** Bit 17, VM: virtual-8086 mode. */
  public static final long VM = 1L << 17;
  /** Reserved bits 63:22, 15, 5 and 3, which must be 0 (SDM Vol. 3C 27.3.1.4). */
  public static final long RESERVED = (-1L << 22) | (1L << 15) | (1L << 5) | (1L << 3);

  private Rflags() {}
}
