package dev.vmcscodegen.runtime.arch;

/** The fields of IA32_BNDCFGS (D90H), SDM Vol. 1 17.3.3 (MPX) and Vol. 4, Table 2-2. */
public final class Bndcfgs {
  /** Bits 11:2: reserved. */
  public static final long RESERVED_11_2 = 0xFFCL;
  /** Bits 63:12: base of the bound directory (linear address). */
  public static final long BASE = -1L << 12;

  private Bndcfgs() {}
}
