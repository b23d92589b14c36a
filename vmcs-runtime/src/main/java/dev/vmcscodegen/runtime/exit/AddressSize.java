package dev.vmcscodegen.runtime.exit;

/**
 * Address size, bits 9:7 of the VM-exit instruction-information field: SDM Vol. 3C 28.2.5 (0 = 16-bit,
 * 1 = 32-bit, 2 = 64-bit, other values not used). Unused codes decode to {@link #UNKNOWN}; the records
 * keep the raw code.
 */
public enum AddressSize {
  /** Code 0. */
  BITS_16(0, 16),
  /** Code 1. */
  BITS_32(1, 32),
  /** Code 2. */
  BITS_64(2, 64),
  /** Codes 3 to 7: not used by the SDM. */
  UNKNOWN(-1, 0);

  /** Bits 9:7. */
  public static final int SHIFT = 7;
  /** Width of the address-size field. */
  public static final int BITS = 3;

  private final int code;
  private final int bits;

  AddressSize(int code, int bits) {
    this.code = code;
    this.bits = bits;
  }

  /** The 3-bit code, -1 for {@link #UNKNOWN}. */
  public int code() {
    return code;
  }

  /** The address size in bits, 0 for {@link #UNKNOWN}. */
  public int bits() {
    return bits;
  }

  /** The size for a code; {@link #UNKNOWN} for codes the SDM does not use. Never throws. */
  public static AddressSize fromCode(int code) {
    switch (code) {
      case 0:
        return BITS_16;
      case 1:
        return BITS_32;
      case 2:
        return BITS_64;
      default:
        return UNKNOWN;
    }
  }
}
