package dev.vmcscodegen.runtime.exit;

/**
 * The VM-exit instruction-information field for LLDT, LTR, SLDT and STR (basic exit reason 47): SDM
 * Vol. 3C 28.2.5, table "Format of the VM-Exit Instruction-Information Field as Used for LLDT, LTR,
 * SLDT, and STR".
 *
 * <table>
 *   <caption>Bit layout</caption>
 *   <tr><th>bits</th><th>content</th></tr>
 *   <tr><td>1:0</td><td>scaling (undefined for register operands and without an index register)</td></tr>
 *   <tr><td>2</td><td>undefined</td></tr>
 *   <tr><td>6:3</td><td>Reg1 (undefined for memory operands)</td></tr>
 *   <tr><td>9:7</td><td>address size ({@link AddressSize}; undefined for register operands)</td></tr>
 *   <tr><td>10</td><td>Mem/Reg: 0 = memory, 1 = register</td></tr>
 *   <tr><td>14:11</td><td>undefined</td></tr>
 *   <tr><td>17:15</td><td>segment register ({@link SegmentRegister}; undefined for register operands)</td></tr>
 *   <tr><td>21:18</td><td>IndexReg; 22 IndexReg invalid (undefined for register operands)</td></tr>
 *   <tr><td>26:23</td><td>BaseReg; 27 BaseReg invalid (undefined for register operands)</td></tr>
 *   <tr><td>29:28</td><td>instruction identity ({@link LdtrTrInstruction})</td></tr>
 *   <tr><td>31:30</td><td>undefined</td></tr>
 * </table>
 *
 * <p>Total: every 32-bit value decodes and {@code decode(x).encode() == x}.
 *
 * @param operand the memory operand: bits 1:0, 9:7, 17:15 and 27:18 ({@link MemoryOperand})
 * @param register1 bits 6:3
 * @param registerOperand bit 10
 * @param instruction bits 29:28
 * @param undefinedBits bits 2, 14:11 and 31:30 in place (mask {@link #UNDEFINED_MASK})
 */
public record LdtrTrInstructionInformation(
    MemoryOperand operand,
    GeneralPurposeRegister register1,
    boolean registerOperand,
    LdtrTrInstruction instruction,
    int undefinedBits) {

  /** Bits 2, 14:11 and 31:30. */
  public static final int UNDEFINED_MASK = 0xC000_7804;

  /** Checks each component fits its bits. */
  public LdtrTrInstructionInformation {
    if (operand == null || register1 == null || instruction == null) {
      throw new IllegalArgumentException("the memory operand, Reg1 (bits 6:3) and instruction identity (bits 29:28) must not be null");
    }
    BitField.checkMask(undefinedBits, UNDEFINED_MASK, "LLDT/LTR/SLDT/STR instruction-information undefined bits");
  }

  /** Decodes the field. Never throws. */
  public static LdtrTrInstructionInformation decode(int raw) {
    return new LdtrTrInstructionInformation(
        MemoryOperand.decode(raw),
        GeneralPurposeRegister.at(raw, VmxInstructionInformation.REGISTER1_SHIFT),
        BitField.bit(raw, VmxInstructionInformation.REGISTER_OPERAND_BIT),
        LdtrTrInstruction.fromCode(BitField.get(raw, LdtrTrInstruction.SHIFT, LdtrTrInstruction.BITS)),
        raw & UNDEFINED_MASK);
  }

  /** The 32-bit field value: {@code decode(x).encode() == x}. */
  public int encode() {
    return operand.encode()
        | (int) BitField.put(register1.number(), VmxInstructionInformation.REGISTER1_SHIFT)
        | (int) BitField.flag(registerOperand, VmxInstructionInformation.REGISTER_OPERAND_BIT)
        | (int) BitField.put(instruction.code(), LdtrTrInstruction.SHIFT)
        | undefinedBits;
  }
}
