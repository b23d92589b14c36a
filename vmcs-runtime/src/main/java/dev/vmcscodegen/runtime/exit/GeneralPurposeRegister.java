package dev.vmcscodegen.runtime.exit;

/**
 * The 4-bit general-purpose register numbers of the exit qualifications and the VM-exit
 * instruction-information field: SDM Vol. 3C 28.2.1 (the control-register and MOV DR qualifications, bits 11:8) and 28.2.5
 * (Reg1, Reg2, IndexReg, BaseReg): 0 = RAX, 1 = RCX, 2 = RDX, 3 = RBX, 4 = RSP, 5 = RBP, 6 = RSI,
 * 7 = RDI, 8 to 15 = R8 to R15. Every 4-bit value names a register.
 */
public enum GeneralPurposeRegister {
  /** 0. */
  RAX,
  /** 1. */
  RCX,
  /** 2. */
  RDX,
  /** 3. */
  RBX,
  /** 4. */
  RSP,
  /** 5. */
  RBP,
  /** 6. */
  RSI,
  /** 7. */
  RDI,
  /** 8. */
  R8,
  /** 9. */
  R9,
  /** 10. */
  R10,
  /** 11. */
  R11,
  /** 12. */
  R12,
  /** 13. */
  R13,
  /** 14. */
  R14,
  /** 15. */
  R15;

  /** Width of a register number. */
  public static final int BITS = 4;

  private static final GeneralPurposeRegister[] BY_NUMBER = values();

  /** The 4-bit register number. */
  public int number() {
    return ordinal();
  }

  /**
   * The register with this 4-bit number.
   *
   * @throws IllegalArgumentException if {@code number} is outside 0 to 15
   */
  public static GeneralPurposeRegister fromNumber(int number) {
    return BY_NUMBER[BitField.checkWidth(number, BITS, "general-purpose register number")];
  }

  /** The register whose 4-bit number stands at bits {@code shift + 3 : shift} of {@code raw}. Never throws. */
  static GeneralPurposeRegister at(long raw, int shift) {
    return BY_NUMBER[BitField.get(raw, shift, BITS)];
  }
}
