package dev.vmcscodegen.runtime.exit;

/**
 * The VM-exit instruction-information field for LGDT, LIDT, SGDT and SIDT (basic exit reason 46): SDM
 * Vol. 3C 28.2.5, table "Format of the VM-Exit Instruction-Information Field as Used for LIDT, LGDT,
 * SIDT, or SGDT".
 *
 * <table>
 *   <caption>Bit layout</caption>
 *   <tr><th>bits</th><th>content</th></tr>
 *   <tr><td>1:0</td><td>scaling (undefined without an index register)</td></tr>
 *   <tr><td>6:2</td><td>undefined</td></tr>
 *   <tr><td>9:7</td><td>address size ({@link AddressSize})</td></tr>
 *   <tr><td>10</td><td>cleared to 0</td></tr>
 *   <tr><td>11</td><td>operand size: 0 = 16-bit, 1 = 32-bit (undefined for exits from 64-bit mode)</td></tr>
 *   <tr><td>14:12</td><td>undefined</td></tr>
 *   <tr><td>17:15</td><td>segment register ({@link SegmentRegister})</td></tr>
 *   <tr><td>21:18</td><td>IndexReg; 22 IndexReg invalid</td></tr>
 *   <tr><td>26:23</td><td>BaseReg; 27 BaseReg invalid</td></tr>
 *   <tr><td>29:28</td><td>instruction identity ({@link GdtrIdtrInstruction})</td></tr>
 *   <tr><td>31:30</td><td>undefined</td></tr>
 * </table>
 *
 * <p>Total: every 32-bit value decodes and {@code decode(x).encode() == x}.
 *
 * @param scaling bits 1:0
 * @param addressSizeCode bits 9:7, kept raw; {@link #addressSize()} names it
 * @param operandSize32 bit 11: 32-bit (true) or 16-bit (false) operand
 * @param segmentCode bits 17:15, kept raw; {@link #segment()} names it
 * @param indexRegister bits 21:18
 * @param indexRegisterInvalid bit 22
 * @param baseRegister bits 26:23
 * @param baseRegisterInvalid bit 27
 * @param instruction bits 29:28
 * @param undefinedBits bits 6:2, 10, 14:12 and 31:30 in place (mask {@link #UNDEFINED_MASK})
 */
public record GdtrIdtrInstructionInformation(
    int scaling,
    int addressSizeCode,
    boolean operandSize32,
    int segmentCode,
    GeneralPurposeRegister indexRegister,
    boolean indexRegisterInvalid,
    GeneralPurposeRegister baseRegister,
    boolean baseRegisterInvalid,
    GdtrIdtrInstruction instruction,
    int undefinedBits) {

  /** Bit 11. */
  public static final int OPERAND_SIZE_BIT = 11;
  /** Bits 6:2, 10, 14:12 and 31:30. */
  public static final int UNDEFINED_MASK = 0xC000_747C;

  /** Checks each component fits its bits. */
  public GdtrIdtrInstructionInformation {
    InstructionInformationLayout.checkMemoryOperand(
        scaling, addressSizeCode, segmentCode, indexRegister, baseRegister);
    if (instruction == null) {
      throw new IllegalArgumentException("instruction identity (bits 29:28) must not be null");
    }
    BitField.checkMask(undefinedBits, UNDEFINED_MASK, "LGDT/LIDT/SGDT/SIDT instruction-information undefined bits");
  }

  /** Decodes the field. Never throws. */
  public static GdtrIdtrInstructionInformation decode(int raw) {
    return new GdtrIdtrInstructionInformation(
        BitField.get(raw, 0, InstructionInformationLayout.SCALING_BITS),
        BitField.get(raw, AddressSize.SHIFT, AddressSize.BITS),
        BitField.bit(raw, OPERAND_SIZE_BIT),
        BitField.get(raw, SegmentRegister.SHIFT, SegmentRegister.BITS),
        InstructionInformationLayout.register(raw, InstructionInformationLayout.INDEX_REGISTER_SHIFT),
        BitField.bit(raw, InstructionInformationLayout.INDEX_REGISTER_INVALID_BIT),
        InstructionInformationLayout.register(raw, InstructionInformationLayout.BASE_REGISTER_SHIFT),
        BitField.bit(raw, InstructionInformationLayout.BASE_REGISTER_INVALID_BIT),
        GdtrIdtrInstruction.fromCode(BitField.get(raw, GdtrIdtrInstruction.SHIFT, GdtrIdtrInstruction.BITS)),
        raw & UNDEFINED_MASK);
  }

  /** The 32-bit field value: {@code decode(x).encode() == x}. */
  public int encode() {
    return (int) (InstructionInformationLayout.memoryOperand(scaling, addressSizeCode, segmentCode,
            indexRegister, indexRegisterInvalid, baseRegister, baseRegisterInvalid)
        | BitField.flag(operandSize32, OPERAND_SIZE_BIT)
        | BitField.put(instruction.code(), GdtrIdtrInstruction.SHIFT))
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
