package dev.vmcscodegen.runtime.exit;

/**
 * The VM-exit instruction-information field for RDRAND, RDSEED, TPAUSE and UMWAIT (basic exit reasons
 * 57, 61, 68, 67): SDM Vol. 3C 28.2.5, table "Format of the VM-Exit Instruction-Information Field as
 * Used for RDRAND, RDSEED, TPAUSE, and UMWAIT".
 *
 * <table>
 *   <caption>Bit layout</caption>
 *   <tr><th>bits</th><th>content</th></tr>
 *   <tr><td>2:0</td><td>undefined</td></tr>
 *   <tr><td>6:3</td><td>operand register (destination of RDRAND/RDSEED, source of TPAUSE/UMWAIT)</td></tr>
 *   <tr><td>10:7</td><td>undefined</td></tr>
 *   <tr><td>12:11</td><td>operand size: 0 = 16-bit, 1 = 32-bit, 2 = 64-bit, 3 not used</td></tr>
 *   <tr><td>31:13</td><td>undefined</td></tr>
 * </table>
 *
 * @param register bits 6:3
 * @param operandSizeCode bits 12:11, kept raw; {@link #operandSizeBits()} gives the size
 * @param undefinedBits bits 2:0, 10:7 and 31:13 in place (mask {@link #UNDEFINED_MASK})
 */
public record RegisterOperandInstructionInformation(
    GeneralPurposeRegister register, int operandSizeCode, int undefinedBits) {

  /** Bits 6:3. */
  public static final int REGISTER_SHIFT = 3;
  /** Bits 12:11. */
  public static final int OPERAND_SIZE_SHIFT = 11;
  /** Width of the operand-size field. */
  public static final int OPERAND_SIZE_BITS = 2;
  /** Bits 2:0, 10:7 and 31:13. */
  public static final int UNDEFINED_MASK = 0xFFFF_E787;

  /** Checks each component fits its bits. */
  public RegisterOperandInstructionInformation {
    if (register == null) {
      throw new IllegalArgumentException("operand register (bits 6:3) must not be null");
    }
    BitField.checkWidth(operandSizeCode, OPERAND_SIZE_BITS, "operand size (bits 12:11)");
    BitField.checkMask(undefinedBits, UNDEFINED_MASK,
        "RDRAND/RDSEED/TPAUSE/UMWAIT instruction-information undefined bits");
  }

  /** Decodes the field. Never throws. */
  public static RegisterOperandInstructionInformation decode(int raw) {
    return new RegisterOperandInstructionInformation(
        GeneralPurposeRegister.at(raw, REGISTER_SHIFT),
        BitField.get(raw, OPERAND_SIZE_SHIFT, OPERAND_SIZE_BITS),
        raw & UNDEFINED_MASK);
  }

  /** The 32-bit field value: {@code decode(x).encode() == x}. */
  public int encode() {
    return (int) (BitField.put(register.number(), REGISTER_SHIFT)
        | BitField.put(operandSizeCode, OPERAND_SIZE_SHIFT))
        | undefinedBits;
  }

  /** The operand size in bits (16, 32 or 64); 0 for code 3, which the SDM does not use. */
  public int operandSizeBits() {
    return operandSizeCode == 3 ? 0 : 16 << operandSizeCode;
  }
}
