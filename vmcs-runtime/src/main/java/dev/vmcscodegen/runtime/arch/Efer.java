package dev.vmcscodegen.runtime.arch;

/** The bits of IA32_EFER (C000_0080H), SDM Vol. 3A 2.2.1, Table 2-1 (also Vol. 4, Table 2-2). */
public final class Efer {
  /** Bit 0, SCE: SYSCALL enable. */
  public static final long SCE = 1L << 0;
  /** Bit 8, LME: IA-32e mode enable. */
  public static final long LME = 1L << 8;
  /** Bit 10, LMA: IA-32e mode active. */
  public static final long LMA = 1L << 10;
  /** Bit 11, NXE: execute-disable bit enable. */
  public static final long NXE = 1L << 11;
  /** Every bit the SDM defines (SCE, LME, LMA, NXE); the others are reserved. */
  public static final long DEFINED = SCE | LME | LMA | NXE;

  private Efer() {}
}
