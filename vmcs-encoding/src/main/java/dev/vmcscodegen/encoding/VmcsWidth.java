package dev.vmcscodegen.encoding;

import java.util.Optional;

/**
 * The four field widths of a VMCS component encoding, bits 14:13 (SDM Vol. 3C 25.11.2, Table 25-21).
 * Declared in the order of their encoding values.
 */
public enum VmcsWidth {
  /** Width 0: 16-bit fields. */
  BITS_16(0, "16", "16", 16),
  /** Width 1: 64-bit fields, with a high access type (encoding + 1) for bits 63:32. */
  BITS_64(1, "64", "64", 64),
  /** Width 2: 32-bit fields. */
  BITS_32(2, "32", "32", 32),
  /** Width 3: natural-width fields: 64 bits on processors supporting Intel 64, 32 bits on a 32-bit host. */
  NATURAL(3, "natural", "NW", 64);

  /** The constants in width-bit order (declaration order); {@code values()} would copy the array on every call. */
  private static final VmcsWidth[] BY_WIDTH_BITS = values();

  private final int widthBits;
  private final String specName;
  private final String typeNamePart;
  private final int maxBits;

  VmcsWidth(int widthBits, String specName, String typeNamePart, int maxBits) {
    this.widthBits = widthBits;
    this.specName = specName;
    this.typeNamePart = typeNamePart;
    this.maxBits = maxBits;
  }

  /** The value of encoding bits 14:13 for this width. */
  public int widthBits() {
    return widthBits;
  }

  /** The word the spec file uses: {@code 16}, {@code 32}, {@code 64} or {@code natural}. */
  public String specName() {
    return specName;
  }

  /** The part of a generated enum name for this width: {@code NW} in {@code VmcsGuestNW}. */
  public String typeNamePart() {
    return typeNamePart;
  }

  /** How many bits a value of this width has on a host of the given width. */
  public int bits(HostWidth host) {
    return this == NATURAL ? host.bits() : maxBits;
  }

  /** The width a spec group header word names ({@code natural}), if any. */
  public static Optional<VmcsWidth> fromSpecName(String word) {
    for (VmcsWidth width : BY_WIDTH_BITS) {
      if (width.specName.equals(word)) {
        return Optional.of(width);
      }
    }
    return Optional.empty();
  }

  /** The width whose bits 14:13 are {@code bits} (0 to 3). */
  public static VmcsWidth fromWidthBits(int bits) {
    return BY_WIDTH_BITS[bits & 0b11];
  }

  /** The width of an encoding, from its bits 14:13. */
  public static VmcsWidth ofEncoding(int encoding) {
    return fromWidthBits(VmcsEncoding.widthBits(encoding));
  }
}
