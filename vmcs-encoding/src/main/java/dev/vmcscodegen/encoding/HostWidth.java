package dev.vmcscodegen.encoding;

/**
 * The width of the code running VMREAD and VMWRITE: 64-bit mode, or 32-bit (outside IA-32e mode).
 *
 * <p>It decides how natural-width fields and 64-bit fields are accessed (SDM Vol. 3C 25.11.2): on a
 * 32-bit host natural-width fields are 32 bits wide and a 64-bit field takes two accesses, its full
 * encoding for bits 31:0 and its high encoding (full + 1) for bits 63:32.
 */
public enum HostWidth {
  /** A host in 64-bit mode. */
  BITS_64(64),
  /** A host outside IA-32e mode: 32-bit operands. */
  BITS_32(32);

  private final int bits;

  HostWidth(int bits) {
    this.bits = bits;
  }

  /** 64 or 32. */
  public int bits() {
    return bits;
  }
}
