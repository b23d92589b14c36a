package dev.vmcscodegen.encoding;

import java.util.Optional;

/**
 * The four field types of a VMCS component encoding, bits 11:10 (SDM Vol. 3C 25.11.2, Table 25-21
 * "Structure of VMCS Component Encoding").
 */
public enum VmcsCategory {
  /** Type 0: control fields (SDM Vol. 3D B.x.1). */
  CONTROL(0, "control", "Control"),
  /** Type 1: VM-exit information, read-only data fields (SDM Vol. 3D B.x.2). */
  READ_ONLY(1, "read-only", "ReadOnly"),
  /** Type 2: guest-state fields (SDM Vol. 3D B.x.3). */
  GUEST(2, "guest", "Guest"),
  /** Type 3: host-state fields (SDM Vol. 3D B.x.4). */
  HOST(3, "host", "Host");

  /** The constants in type-bit order (declaration order); {@code values()} would copy the array on every call. */
  private static final VmcsCategory[] BY_TYPE_BITS = values();

  private final int typeBits;
  private final String specName;
  private final String typeNamePart;

  VmcsCategory(int typeBits, String specName, String typeNamePart) {
    this.typeBits = typeBits;
    this.specName = specName;
    this.typeNamePart = typeNamePart;
  }

  /** The value of encoding bits 11:10 for this type. */
  public int typeBits() {
    return typeBits;
  }

  /** The word the spec file uses for this category: {@code control}, {@code read-only}, {@code guest}, {@code host}. */
  public String specName() {
    return specName;
  }

  /** The part of a generated enum name for this category: {@code Guest} in {@code VmcsGuestNW}. */
  public String typeNamePart() {
    return typeNamePart;
  }

  /** Whether VMWRITE may write fields of this type: all but the read-only data fields (SDM Vol. 3C 31.3, VMWRITE). */
  public boolean writable() {
    return this != READ_ONLY;
  }

  /** The category a spec group header word names ({@code guest}), if any. */
  public static Optional<VmcsCategory> fromSpecName(String word) {
    for (VmcsCategory category : BY_TYPE_BITS) {
      if (category.specName.equals(word)) {
        return Optional.of(category);
      }
    }
    return Optional.empty();
  }

  /** The category whose type bits 11:10 are {@code bits} (0 to 3). */
  public static VmcsCategory fromTypeBits(int bits) {
    return BY_TYPE_BITS[bits & 0b11];
  }

  /** The category of an encoding, from its bits 11:10. */
  public static VmcsCategory ofEncoding(int encoding) {
    // the static masks, which the JIT folds (this runs on every VMWRITE of the software VMCS)
    return fromTypeBits((encoding & VmcsEncoding.TYPE_MASK) >>> VmcsEncoding.TYPE_SHIFT);
  }
}
