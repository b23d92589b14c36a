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
 * @param operand the memory operand: bits 1:0, 9:7, 17:15 and 27:18 ({@link MemoryOperand})
 * @param operandSize32 bit 11: 32-bit (true) or 16-bit (false) operand
 * @param instruction bits 29:28
 * @param undefinedBits bits 6:2, 10, 14:12 and 31:30 in place (mask {@link #UNDEFINED_MASK})
 */
public record GdtrIdtrInstructionInformation(
    MemoryOperand operand,
    boolean operandSize32,
    GdtrIdtrInstruction instruction,
    int undefinedBits) {

  /** Bit 11. */
  public static final int OPERAND_SIZE_BIT = 11;
  /** Bits 6:2, 10, 14:12 and 31:30. */
  public static final int UNDEFINED_MASK = 0xC000_747C;

  /** Checks each component fits its bits. */
  public GdtrIdtrInstructionInformation {
    if (operand == null || instruction == null) {
      throw new IllegalArgumentException("the memory operand and instruction identity (bits 29:28) must not be null");
    }
    BitField.checkMask(undefinedBits, UNDEFINED_MASK, "LGDT/LIDT/SGDT/SIDT instruction-information undefined bits");
  }

  /** Decodes the field. Never throws. */
  public static GdtrIdtrInstructionInformation decode(int raw) {
    return new GdtrIdtrInstructionInformation(
        MemoryOperand.decode(raw),
        BitField.bit(raw, OPERAND_SIZE_BIT),
        GdtrIdtrInstruction.fromCode(BitField.get(raw, GdtrIdtrInstruction.SHIFT, GdtrIdtrInstruction.BITS)),
        raw & UNDEFINED_MASK);
  }

  /** The 32-bit field value: {@code decode(x).encode() == x}. */
  public int encode() {
    return operand.encode()
        | (int) BitField.flag(operandSize32, OPERAND_SIZE_BIT)
        | (int) BitField.put(instruction.code(), GdtrIdtrInstruction.SHIFT)
        | undefinedBits;
  }
}
