package dev.vmcscodegen.runtime.arch;

/** The bits of CR0, SDM Vol. 3A 2.5 "Control Registers", Figure 2-7. */
public final class Cr0 {
  /** Bit 0, PE: protection enable. */
  public static final long PE = 1L << 0;
  /** Bit 1, MP: monitor coprocessor. */
  public static final long MP = 1L << 1;
  /** Bit 2, EM: emulation. */
  public static final long EM = 1L << 2;
  /** Bit 3, TS: task switched. */
  public static final long TS = 1L << 3;
  /** Bit 4, ET: extension type. */
  public static final long ET = 1L << 4;
  /** Bit 5, NE: numeric error. */
  public static final long NE = 1L << 5;
  /** Bit 16, WP: write protect. */
  public static final long WP = 1L << 16;
  /** Bit 18, AM: alignment mask. */
  public static final long AM = 1L << 18;
  /** Bit 29, NW: not write-through. */
  public static final long NW = 1L << 29;
  /** Bit 30, CD: cache disable. */
  public static final long CD = 1L << 30;
  /** Bit 31, PG: paging. */
  public static final long PG = 1L << 31;

  private Cr0() {}
}
