package dev.vmcscodegen.runtime.arch;

/** The first 4 bytes of a VMCS region, SDM Vol. 3C 25.2, Table 25-1 "Format of the VMCS Region". */
public final class VmcsRegionHeader {
  /** Bits 30:0: the VMCS revision identifier (IA32_VMX_BASIC bits 30:0). */
  public static final long REVISION_IDENTIFIER = 0x7FFF_FFFFL;
  /** Bit 31: shadow-VMCS indicator. */
  public static final long SHADOW_VMCS_INDICATOR = 1L << 31;

  private VmcsRegionHeader() {}
}
