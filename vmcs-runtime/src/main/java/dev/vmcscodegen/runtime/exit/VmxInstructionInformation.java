package dev.vmcscodegen.runtime.exit;

/**
 * The VM-exit instruction-information field for VMX and related instructions: SDM Vol. 3C 28.2.5,
 * tables "... as Used for VMCLEAR, VMPTRLD, VMPTRST, VMXON, XRSTORS, and XSAVES", "... as Used for
 * INVEPT, INVPCID, and INVVPID" and "... as Used for VMREAD and VMWRITE", which share one layout.
 *
 * <table>
 *   <caption>Bit layout</caption>
 *   <tr><th>bits</th><th>content</th></tr>
 *   <tr><td>1:0</td><td>scaling: 0 none, 1 by 2, 2 by 4, 3 by 8 (undefined without an index)</td></tr>
 *   <tr><td>2</td><td>undefined</td></tr>
 *   <tr><td>6:3</td><td>Reg1: VMREAD/VMWRITE register operand (undefined otherwise)</td></tr>
 *   <tr><td>9:7</td><td>address size ({@link AddressSize})</td></tr>
 *   <tr><td>10</td><td>Mem/Reg for VMREAD/VMWRITE (1 = register); cleared to 0 otherwise</td></tr>
 *   <tr><td>14:11</td><td>undefined</td></tr>
 *   <tr><td>17:15</td><td>segment register ({@link SegmentRegister})</td></tr>
 *   <tr><td>21:18</td><td>IndexReg; 22 IndexReg invalid</td></tr>
 *   <tr><td>26:23</td><td>BaseReg; 27 BaseReg invalid</td></tr>
 *   <tr><td>31:28</td><td>Reg2: INVEPT/INVPCID/INVVPID type register, VMREAD/VMWRITE field-encoding
 *       register (undefined for VMCLEAR, VMPTRLD, VMPTRST, VMXON, XRSTORS, XSAVES)</td></tr>
 * </table>
 *
 * <p>Total: every 32-bit value decodes and {@code decode(x).encode() == x}. Fields the SDM leaves
 * undefined for an instruction still decode; read only the ones its table defines.
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
 * @param register2 bits 31:28
 * @param undefinedBits bits 2 and 14:11 in place (mask {@link #UNDEFINED_MASK})
 */
public record VmxInstructionInformation(
    int scaling,
    GeneralPurposeRegister register1,
    int addressSizeCode,
    boolean registerOperand,
    int segmentCode,
    GeneralPurposeRegister indexRegister,
    boolean indexRegisterInvalid,
    GeneralPurposeRegister baseRegister,
    boolean baseRegisterInvalid,
    GeneralPurposeRegister register2,
    int undefinedBits) {

  /** Bits 2 and 14:11. */
  public static final int UNDEFINED_MASK = 0x7804;

  /** Checks each component fits its bits. */
  public VmxInstructionInformation {
    InstructionInformationLayout.checkMemoryOperand(
        scaling, addressSizeCode, segmentCode, indexRegister, baseRegister);
    if (register1 == null || register2 == null) {
      throw new IllegalArgumentException("Reg1 (bits 6:3) and Reg2 (bits 31:28) must not be null");
    }
    BitField.checkMask(undefinedBits, UNDEFINED_MASK, "VMX instruction-information undefined bits");
  }

  /** Decodes the field. Never throws. */
  public static VmxInstructionInformation decode(int raw) {
    return new VmxInstructionInformation(
        BitField.get(raw, 0, InstructionInformationLayout.SCALING_BITS),
        InstructionInformationLayout.register(raw, InstructionInformationLayout.REGISTER1_SHIFT),
        BitField.get(raw, AddressSize.SHIFT, AddressSize.BITS),
        BitField.bit(raw, InstructionInformationLayout.REGISTER_OPERAND_BIT),
        BitField.get(raw, SegmentRegister.SHIFT, SegmentRegister.BITS),
        InstructionInformationLayout.register(raw, InstructionInformationLayout.INDEX_REGISTER_SHIFT),
        BitField.bit(raw, InstructionInformationLayout.INDEX_REGISTER_INVALID_BIT),
        InstructionInformationLayout.register(raw, InstructionInformationLayout.BASE_REGISTER_SHIFT),
        BitField.bit(raw, InstructionInformationLayout.BASE_REGISTER_INVALID_BIT),
        InstructionInformationLayout.register(raw, InstructionInformationLayout.REGISTER2_SHIFT),
        raw & UNDEFINED_MASK);
  }

  /** The 32-bit field value: {@code decode(x).encode() == x}. */
  public int encode() {
    return (int) (InstructionInformationLayout.memoryOperand(scaling, addressSizeCode, segmentCode,
            indexRegister, indexRegisterInvalid, baseRegister, baseRegisterInvalid)
        | BitField.put(register1.number(), InstructionInformationLayout.REGISTER1_SHIFT)
        | BitField.flag(registerOperand, InstructionInformationLayout.REGISTER_OPERAND_BIT)
        | BitField.put(register2.number(), InstructionInformationLayout.REGISTER2_SHIFT))
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
