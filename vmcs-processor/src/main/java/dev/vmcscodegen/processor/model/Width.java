package dev.vmcscodegen.processor.model;

import java.util.Optional;

/**
 * The field width of a VMCS component encoding, bits 14:13 (SDM Vol. 3C 25.11.2, Table 25-21). The
 * constant names are those of the runtime's {@code VmcsWidth}, which the generated code names.
 */
public enum Width {
  /** Width 0: 16-bit. */
  BITS_16(0, "16", "16"),
  /** Width 1: 64-bit. */
  BITS_64(1, "64", "64"),
  /** Width 2: 32-bit. */
  BITS_32(2, "32", "32"),
  /** Width 3: natural width. */
  NATURAL(3, "natural", "NW");

  private final int widthBits;
  private final String specName;
  private final String typeNamePart;

  Width(int widthBits, String specName, String typeNamePart) {
    this.widthBits = widthBits;
    this.specName = specName;
    this.typeNamePart = typeNamePart;
  }

  /** The value of encoding bits 14:13. */
  public int widthBits() {
    return widthBits;
  }

  /** The word used in a spec group header, such as {@code natural}. */
  public String specName() {
    return specName;
  }

  /** The part of a generated type name, such as {@code NW}. */
  public String typeNamePart() {
    return typeNamePart;
  }

  /** The width whose bits are {@code bits} (only bits 1:0 are used). */
  public static Width fromWidthBits(int bits) {
    return values()[bits & 0b11];
  }

  /** The width a spec header word names, if any. */
  public static Optional<Width> fromSpecName(String word) {
    for (Width width : values()) {
      if (width.specName.equals(word)) {
        return Optional.of(width);
      }
    }
    return Optional.empty();
  }
}
