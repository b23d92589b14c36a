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
 * @param scaling bits 1:0
 * @param register1 bits 6:3
 * @param addressSizeCode bits 9:7, kept raw; {@link #addressSize()} names it
 * @param registerOperand bit 10
 * @param segmentCode bits 17:15, kept raw; {@link #segment()} names it
 * @param indexRegister bits 21:18
 * @param indexRegisterInvalid bit 22
 * @param baseRegister bits 26:23
 * @param baseRegisterInvalid bit 27
 * @param instruction bits 29:28
 * @param undefinedBits bits 2, 14:11 and 31:30 in place (mask {@link #UNDEFINED_MASK})
 */
public record LdtrTrInstructionInformation(
    int scaling,
    GeneralPurposeRegister register1,
    int addressSizeCode,
    boolean registerOperand,
    int segmentCode,
    GeneralPurposeRegister indexRegister,
    boolean indexRegisterInvalid,
    GeneralPurposeRegister baseRegister,
    boolean baseRegisterInvalid,
    LdtrTrInstruction instruction,
    int undefinedBits) {

  /** Bits 2, 14:11 and 31:30. */
  public static final int UNDEFINED_MASK = 0xC000_7804;

  /** Checks each component fits its bits. */
  public LdtrTrInstructionInformation {
    InstructionInformationLayout.checkMemoryOperand(
        scaling, addressSizeCode, segmentCode, indexRegister, baseRegister);
    if (register1 == null || instruction == null) {
      throw new IllegalArgumentException("Reg1 (bits 6:3) and instruction identity (bits 29:28) must not be null");
    }
    BitField.checkMask(undefinedBits, UNDEFINED_MASK, "LLDT/LTR/SLDT/STR instruction-information undefined bits");
  }

  /** Decodes the field. Never throws. */
  public static LdtrTrInstructionInformation decode(int raw) {
    return new LdtrTrInstructionInformation(
        BitField.get(raw, 0, InstructionInformationLayout.SCALING_BITS),
        InstructionInformationLayout.register(raw, InstructionInformationLayout.REGISTER1_SHIFT),
        BitField.get(raw, AddressSize.SHIFT, AddressSize.BITS),
        BitField.bit(raw, InstructionInformationLayout.REGISTER_OPERAND_BIT),
        BitField.get(raw, SegmentRegister.SHIFT, SegmentRegister.BITS),
        InstructionInformationLayout.register(raw, InstructionInformationLayout.INDEX_REGISTER_SHIFT),
        BitField.bit(raw, InstructionInformationLayout.INDEX_REGISTER_INVALID_BIT),
        InstructionInformationLayout.register(raw, InstructionInformationLayout.BASE_REGISTER_SHIFT),
        BitField.bit(raw, InstructionInformationLayout.BASE_REGISTER_INVALID_BIT),
        LdtrTrInstruction.fromCode(BitField.get(raw, LdtrTrInstruction.SHIFT, LdtrTrInstruction.BITS)),
        raw & UNDEFINED_MASK);
  }

  /** The 32-bit field value: {@code decode(x).encode() == x}. */
  public int encode() {
    return (int) (InstructionInformationLayout.memoryOperand(scaling, addressSizeCode, segmentCode,
            indexRegister, indexRegisterInvalid, baseRegister, baseRegisterInvalid)
        | BitField.put(register1.number(), InstructionInformationLayout.REGISTER1_SHIFT)
        | BitField.flag(registerOperand, InstructionInformationLayout.REGISTER_OPERAND_BIT)
        | BitField.put(instruction.code(), LdtrTrInstruction.SHIFT))
        | undefinedBits;
  }

  /** The scale factor 1, 2, 4 or 8 that bits 1:0 encode. */
  public int scale() {
    return 1 << scaling;
  }

  /** The address size; {@link AddressSize#UNKNOWN} for codes the SDM does not use. */
  public AddressSize addressSize() {
    return AddressSize.fromCode(addressSizeCode);
  }

  /** The segment register; {@link SegmentRegister#UNKNOWN} for codes 6 and 7. */
  public SegmentRegister segment() {
    return SegmentRegister.fromCode(segmentCode);
  }
}
