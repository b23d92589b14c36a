package dev.vmcscodegen.runtime.exit;

/**
 * Instruction identity, bits 29:28 of the VM-exit instruction-information field for exits due to LGDT,
 * LIDT, SGDT and SIDT (basic exit reason 46): SDM Vol. 3C 28.2.5, table "Format of the VM-Exit
 * Instruction-Information Field as Used for LIDT, LGDT, SIDT, or SGDT".
 */
public enum GdtrIdtrInstruction {
  /** 0. */
  SGDT,
  /** 1. */
  SIDT,
  /** 2. */
  LGDT,
  /** 3. */
  LIDT;

  /** Bits 29:28. */
  public static final int SHIFT = 28;
  /** Width of the instruction-identity field. */
  public static final int BITS = 2;

  private static final GdtrIdtrInstruction[] BY_CODE = values();

  /** The 2-bit code. */
  public int code() {
    return ordinal();
  }

  /**
   * The instruction with this 2-bit code.
   *
   * @throws IllegalArgumentException if {@code code} is outside 0 to 3
   */
  public static GdtrIdtrInstruction fromCode(int code) {
    return BY_CODE[BitField.checkWidth(code, BITS, "instruction identity (bits 29:28)")];
  }
}
