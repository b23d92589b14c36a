package dev.vmcscodegen.encoding;

/**
 * A 32-bit VMCS component encoding taken apart as SDM Vol. 3C 25.11.2, Table 25-21 lays it out
 * ({@link EncodingPart}): access type bit 0 (0 full, 1 high), index bits 9:1, type bits 11:10, width
 * bits 14:13, and the reserved bits 12, 15 and 31:16 that must be 0. Decodes every bit pattern.
 *
 * @param encoding the raw encoding as given
 */
public record VmcsEncoding(int encoding) {

  /** Encoding bits that must be 0: 12, 15 and 31:16. */
  public static final int RESERVED_MASK = EncodingPart.RESERVED_12.mask() | EncodingPart.RESERVED_31_15.mask();
  /** Bit 0: access type, 1 for the high half of a 64-bit field. */
  public static final int ACCESS_HIGH_BIT = EncodingPart.ACCESS_TYPE.mask();
  /** Bits 9:1: index. */
  public static final int INDEX_MASK = EncodingPart.INDEX.mask();
  /** Where the index bits start. */
  public static final int INDEX_SHIFT = EncodingPart.INDEX.shift();
  /** Bits 11:10: type. */
  public static final int TYPE_MASK = EncodingPart.TYPE.mask();
  /** Where the type bits start. */
  public static final int TYPE_SHIFT = EncodingPart.TYPE.shift();
  /** Bits 14:13: width. */
  public static final int WIDTH_MASK = EncodingPart.WIDTH.mask();
  /** Where the width bits start. */
  public static final int WIDTH_SHIFT = EncodingPart.WIDTH.shift();
  /** The largest index bits 9:1 hold. */
  public static final int MAX_INDEX = INDEX_MASK >>> 1;

  /** Decodes an encoding. */
  public static VmcsEncoding of(int encoding) {
    return new VmcsEncoding(encoding);
  }

  /** Builds the full-access encoding of a field from its parts. */
  public static int compose(VmcsWidth width, VmcsCategory category, int index) {
    if (index < 0 || index > MAX_INDEX) {
      throw new IllegalArgumentException("index " + index + " does not fit bits 9:1 (0 to " + MAX_INDEX + ")");
    }
    return EncodingPart.WIDTH.place(width.widthBits()) | EncodingPart.TYPE.place(category.typeBits())
        | EncodingPart.INDEX.place(index);
  }

  /**
   * Bits 14:13 of {@code encoding} as a number, 0 to 3 (16-bit, 64-bit, 32-bit, natural width). On every
   * VMREAD of the software VMCS, so it reads the static constants (which the JIT folds), not the enum's
   * fields (which it does not).
   */
  public static int widthBits(int encoding) {
    return (encoding & WIDTH_MASK) >>> WIDTH_SHIFT;
  }

  /** The reserved bits (12, 15, 31:16) set in {@code encoding}, 0 when none are. */
  public static int reservedBits(int encoding) {
    return encoding & RESERVED_MASK;
  }

  /** Whether bit 0 is set: the high-half access of a 64-bit field. */
  public boolean isHighAccess() {
    return (encoding & ACCESS_HIGH_BIT) != 0;
  }

  /** Bits 9:1. */
  public int index() {
    return EncodingPart.INDEX.of(encoding);
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
    return reservedBits(encoding);
  }

  /** The encoding with bit 0 cleared: the full-access encoding of the same field. */
  public int fullEncoding() {
    return encoding & ~ACCESS_HIGH_BIT;
  }

  /**
   * Whether the encoding is well formed: it breaks no {@link EncodingRule} (no reserved bit set, a high
   * access only on a 64-bit field). A well-formed encoding may still name a field no processor supports.
   */
  public boolean isWellFormed() {
    return EncodingRule.allHold(encoding);
  }
}
