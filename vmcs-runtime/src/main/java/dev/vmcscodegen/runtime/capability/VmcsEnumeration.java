package dev.vmcscodegen.runtime.capability;

/**
 * IA32_VMX_VMCS_ENUM (48AH): the highest index value used in the encoding of any VMCS field the
 * processor supports, bits 9:1 (SDM Vol. 3D A.9). Bit 0 and bits 63:10 are reserved.
 *
 * @param raw the MSR's 64-bit value
 */
public record VmcsEnumeration(long raw) {

  /** Bits 9:1: the highest index. */
  public static final long HIGHEST_INDEX_MASK = 0x3FE;

  /** Bits 9:1: the highest index (encoding bits 9:1) of any supported field. */
  public int highestIndex() {
    return (int) ((raw & HIGHEST_INDEX_MASK) >>> 1);
  }
}
