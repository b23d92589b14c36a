package dev.vmcscodegen.runtime;

/**
 * The parts of a 32-bit VMCS component encoding, SDM Vol. 3C 25.11.2, Table 25-21: access type bit 0
 * (0 full, 1 high), index bits 9:1, type bits 11:10, width bits 14:13, and the reserved bits 12, 15
 * and 31:16 that must be 0. Decodes every bit pattern.
 *
 * @param encoding the raw encoding as given
 */
public record VmcsEncoding(int encoding) {

  /** Encoding bits that must be 0: 12, 15 and 31:16. */
  public static final int RESERVED_MASK = 0xFFFF_9000;
  /** Bit 0: access type, 1 for the high half of a 64-bit field. */
  public static final int ACCESS_HIGH_BIT = 1;
  /** Bits 9:1: index. */
  public static final int INDEX_MASK = 0x3FE;
  /** Bits 11:10: type. */
  public static final int TYPE_MASK = 0xC00;
  /** Bits 14:13: width. */
  public static final int WIDTH_MASK = 0x6000;
  /** Where the width bits start. */
  public static final int WIDTH_SHIFT = 13;

  /** Decodes an encoding. */
  public static VmcsEncoding of(int encoding) {
    return new VmcsEncoding(encoding);
  }

  /** Builds the full-access encoding of a field from its parts. */
  public static int compose(VmcsWidth width, VmcsCategory category, int index) {
    if (index < 0 || index > 0x1FF) {
      throw new IllegalArgumentException("index " + index + " does not fit bits 9:1 (0 to 511)");
    }
    return (width.widthBits() << WIDTH_SHIFT) | (category.typeBits() << 10) | (index << 1);
  }

  /** Bits 14:13 of {@code encoding} as a number, 0 to 3 (16-bit, 64-bit, 32-bit, natural width). */
  public static int widthBits(int encoding) {
    return (encoding & WIDTH_MASK) >>> WIDTH_SHIFT;
  }

  /** Whether bit 0 is set: the high-half access of a 64-bit field. */
  public boolean isHighAccess() {
    return (encoding & ACCESS_HIGH_BIT) != 0;
  }

  /** Bits 9:1. */
  public int index() {
    return (encoding & INDEX_MASK) >>> 1;
  }

  /** Bits 11:10 as a category. */
  public VmcsCategory category() {
    return VmcsCategory.ofEncoding(encoding);
  }

  /** Bits 14:13 as a width. */
  public VmcsWidth width() {
    return VmcsWidth.ofEncoding(encoding);
  }

  /** The reserved bits (12, 15, 31:16) that are set, 0 when none are. */
  public int reservedBitsSet() {
    return encoding & RESERVED_MASK;
  }

  /** The encoding with bit 0 cleared: the full-access encoding of the same field. */
  public int fullEncoding() {
    return encoding & ~ACCESS_HIGH_BIT;
  }

  /**
   * Whether the encoding is well formed: no reserved bit set, and a high access only on a 64-bit
   * field. A well-formed encoding may still name a field that no processor supports.
   */
  public boolean isWellFormed() {
    return reservedBitsSet() == 0 && (!isHighAccess() || width() == VmcsWidth.BITS_64);
  }
}
