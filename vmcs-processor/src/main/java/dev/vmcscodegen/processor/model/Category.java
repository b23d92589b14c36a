package dev.vmcscodegen.processor.model;

import java.util.Optional;

/**
 * The field type of a VMCS component encoding, bits 11:10 (SDM Vol. 3C 25.11.2, Table 25-21). The
 * constant names are those of the runtime's {@code VmcsCategory}, which the generated code names.
 */
public enum Category {
  /** Type 0: control fields. */
  CONTROL(0, "control", "Control", true),
  /** Type 1: VM-exit information fields, read-only. */
  READ_ONLY(1, "read-only", "ReadOnly", false),
  /** Type 2: guest-state fields. */
  GUEST(2, "guest", "Guest", true),
  /** Type 3: host-state fields. */
  HOST(3, "host", "Host", true);

  private final int typeBits;
  private final String specName;
  private final String typeNamePart;
  private final boolean writable;

  Category(int typeBits, String specName, String typeNamePart, boolean writable) {
    this.typeBits = typeBits;
    this.specName = specName;
    this.typeNamePart = typeNamePart;
    this.writable = writable;
  }

  /** The value of encoding bits 11:10. */
  public int typeBits() {
    return typeBits;
  }

  /** The word used in a spec group header, such as {@code read-only}. */
  public String specName() {
    return specName;
  }

  /** The part of a generated type name, such as {@code ReadOnly}. */
  public String typeNamePart() {
    return typeNamePart;
  }

  /** Whether VMWRITE may write fields of this type (all but the read-only data fields). */
  public boolean writable() {
    return writable;
  }

  /** The category whose type bits are {@code bits} (only bits 1:0 are used). */
  public static Category fromTypeBits(int bits) {
    return values()[bits & 0b11];
  }

  /** The category a spec header word names, if any. */
  public static Optional<Category> fromSpecName(String word) {
    for (Category category : values()) {
      if (category.specName.equals(word)) {
        return Optional.of(category);
      }
    }
    return Optional.empty();
  }
}
