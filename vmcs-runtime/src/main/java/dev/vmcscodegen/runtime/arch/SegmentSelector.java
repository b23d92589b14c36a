package dev.vmcscodegen.runtime.arch;

/** The bits of a segment selector, SDM Vol. 3A 3.4.2, Figure 3-6. */
public final class SegmentSelector {
  /** Bits 1:0: RPL, requested privilege level. */
  public static final long RPL = 0x3;
  /** Bit 2: TI, table indicator (0 GDT, 1 LDT). */
  public static final long TI = 1L << 2;

  private SegmentSelector() {}
}
