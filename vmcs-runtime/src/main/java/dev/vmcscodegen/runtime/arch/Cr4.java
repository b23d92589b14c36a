package dev.vmcscodegen.runtime.arch;

/** The bits of CR4 the runtime names, SDM Vol. 3A 2.5 "Control Registers", Figure 2-7. */
public final class Cr4 {
  /** Bit 4, PSE: page size extensions (4-MByte pages with 32-bit paging). */
  public static final long PSE = 1L << 4;
  /** Bit 5, PAE: physical address extension. */
  public static final long PAE = 1L << 5;
  /** Bit 7, PGE: page global enable. */
  public static final long PGE = 1L << 7;
  /** Bit 9, OSFXSR: the OS supports FXSAVE and FXRSTOR. */
  public static final long OSFXSR = 1L << 9;
  /** Bit 10, OSXMMEXCPT: the OS handles unmasked SIMD floating-point exceptions. */
  public static final long OSXMMEXCPT = 1L << 10;
  /** Bit 12, LA57: 57-bit linear addresses (5-level paging, SDM Vol. 3A 4.5); set only where supported. */
  public static final long LA57 = 1L << 12;
  /** Bit 13, VMXE: VMX enable. */
  public static final long VMXE = 1L << 13;
  /** Bit 17, PCIDE: PCID enable (only in IA-32e mode). */
  public static final long PCIDE = 1L << 17;
  /** Bit 23, CET: control-flow enforcement technology (requires CR0.WP). */
  public static final long CET = 1L << 23;

  private Cr4() {}
}
