package dev.vmcscodegen.runtime.arch;

/** The bits of CR4 the runtime names, SDM Vol. 3A 2.5 "Control Registers", Figure 2-7. */
public final class Cr4 {
  /** Bit 5, PAE: physical address extension. */
  public static final long PAE = 1L << 5;
  /** Bit 13, VMXE: VMX enable. */
  public static final long VMXE = 1L << 13;
  /** Bit 17, PCIDE: PCID enable (only in IA-32e mode). */
  public static final long PCIDE = 1L << 17;
  /** Bit 23, CET: control-flow enforcement technology (requires CR0.WP). */
  public static final long CET = 1L << 23;

  private Cr4() {}
}
