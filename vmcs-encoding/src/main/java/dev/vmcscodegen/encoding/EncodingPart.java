package dev.vmcscodegen.encoding;

/**
 * The rows of SDM Vol. 3C 25.11.2, Table 25-21 "Structure of VMCS Component Encoding": which bits of a
 * 32-bit encoding hold what. The one place the layout is written; {@link VmcsEncoding}, the processor's
 * spec checks and the software VMCS read their masks from here.
 */
public enum EncodingPart {
  /** Bit 0: access type, 0 full, 1 high (bits 63:32 of a 64-bit field; must be full for other widths). */
  ACCESS_TYPE(0, 0, "access type"),
  /** Bits 9:1: index. */
  INDEX(9, 1, "index"),
  /** Bits 11:10: type, 0 control, 1 VM-exit information (read-only data), 2 guest state, 3 host state. */
  TYPE(11, 10, "type"),
  /** Bit 12: reserved, must be 0. */
  RESERVED_12(12, 12, "reserved"),
  /** Bits 14:13: width, 0 16-bit, 1 64-bit, 2 32-bit, 3 natural-width. */
  WIDTH(14, 13, "width"),
  /** Bits 31:15: reserved, must be 0. */
  RESERVED_31_15(31, 15, "reserved");

  /** Where Table 25-21 is. */
  public static final String CITATION = "SDM Vol. 3C 25.11.2, Table 25-21";

  private final int high;
  private final int low;
  private final String name;

  EncodingPart(int high, int low, String name) {
    this.high = high;
    this.low = low;
    this.name = name;
  }

  /** The lowest bit of the part. */
  public int shift() {
    return low;
  }

  /** The highest bit of the part. */
  public int highBit() {
    return high;
  }

  /** The part's bits in place: {@code 0x6000} for {@link #WIDTH}. */
  public int mask() {
    int width = high - low + 1;
    return (int) (((1L << width) - 1) << low);
  }

  /** The part of {@code encoding}, shifted down: 0 to 3 for {@link #WIDTH}. */
  public int of(int encoding) {
    return (encoding & mask()) >>> low;
  }

  /** {@code value} moved into place; bits beyond the part are dropped. */
  public int place(int value) {
    return (value << low) & mask();
  }

  /** The bits as the SDM writes them: {@code 14:13}, or {@code 0} for one bit. */
  public String bits() {
    return high == low ? Integer.toString(low) : high + ":" + low;
  }

  /** The table's word for the part: {@code width}, {@code reserved}, ... */
  public String description() {
    return name;
  }

  /** Whether the SDM requires the part to be 0. */
  public boolean isReserved() {
    return this == RESERVED_12 || this == RESERVED_31_15;
  }
}
