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
 * @param operand the memory operand: bits 1:0, 9:7, 17:15 and 27:18 ({@link MemoryOperand})
 * @param register1 bits 6:3
 * @param registerOperand bit 10
 * @param register2 bits 31:28
 * @param undefinedBits bits 2 and 14:11 in place (mask {@link #UNDEFINED_MASK})
 */
public record VmxInstructionInformation(
    MemoryOperand operand,
    GeneralPurposeRegister register1,
    boolean registerOperand,
    GeneralPurposeRegister register2,
    int undefinedBits) {

  /** Bits 6:3: Reg1 (also LLDT/LTR/SLDT/STR's register operand). */
  public static final int REGISTER1_SHIFT = 3;
  /** Bit 10: Mem/Reg, 1 for a register operand (also LLDT/LTR/SLDT/STR's). */
  public static final int REGISTER_OPERAND_BIT = 10;
  /** Bits 31:28: Reg2. */
  public static final int REGISTER2_SHIFT = 28;
  /** Bits 2 and 14:11. */
  public static final int UNDEFINED_MASK = 0x7804;

  /** Checks each component fits its bits. */
  public VmxInstructionInformation {
    if (operand == null || register1 == null || register2 == null) {
      throw new IllegalArgumentException("the memory operand, Reg1 (bits 6:3) and Reg2 (bits 31:28) must not be null");
    }
    BitField.checkMask(undefinedBits, UNDEFINED_MASK, "VMX instruction-information undefined bits");
  }

  /** Decodes the field. Never throws. */
  public static VmxInstructionInformation decode(int raw) {
    return new VmxInstructionInformation(
        MemoryOperand.decode(raw),
        GeneralPurposeRegister.at(raw, REGISTER1_SHIFT),
        BitField.bit(raw, REGISTER_OPERAND_BIT),
        GeneralPurposeRegister.at(raw, REGISTER2_SHIFT),
        raw & UNDEFINED_MASK);
  }

  /** The 32-bit field value: {@code decode(x).encode() == x}. */
  public int encode() {
    return operand.encode()
        | (int) BitField.put(register1.number(), REGISTER1_SHIFT)
        | (int) BitField.flag(registerOperand, REGISTER_OPERAND_BIT)
        | (int) BitField.put(register2.number(), REGISTER2_SHIFT)
        | undefinedBits;
  }
}
