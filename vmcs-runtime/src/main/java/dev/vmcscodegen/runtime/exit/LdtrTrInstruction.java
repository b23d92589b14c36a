package dev.vmcscodegen.runtime.exit;

/**
 * Instruction identity, bits 29:28 of the VM-exit instruction-information field for exits due to LLDT,
 * LTR, SLDT and STR (basic exit reason 47): SDM Vol. 3C 28.2.5, table "Format of the VM-Exit
 * Instruction-Information Field as Used for LLDT, LTR, SLDT, and STR".
 */
public enum LdtrTrInstruction {
  /** 0. */
  SLDT,
  /** 1. */
  STR,
  /** 2. */
  LLDT,
  /** 3. */
  LTR;

  /** Bits 29:28. */
  public static final int SHIFT = 28;
  /** Width of the instruction-identity field. */
  public static final int BITS = 2;

  private static final LdtrTrInstruction[] BY_CODE = values();

  /** The 2-bit code. */
  public int code() {
    return ordinal();
  }

  /**
   * The instruction with this 2-bit code.
   *
   * @throws IllegalArgumentException if {@code code} is outside 0 to 3
   */
  public static LdtrTrInstruction fromCode(int code) {
    return BY_CODE[BitField.checkWidth(code, BITS, "instruction identity (bits 29:28)")];
  }
}
