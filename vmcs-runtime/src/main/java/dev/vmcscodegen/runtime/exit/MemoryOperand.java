package dev.vmcscodegen.runtime.exit;

/**
 * The memory operand that the VM-exit instruction-information formats for VMX instructions,
 * LLDT/LTR/SLDT/STR and LGDT/LIDT/SGDT/SIDT share (SDM Vol. 3C 28.2.5): bits 1:0 scaling, 9:7 address
 * size, 17:15 segment register, 21:18 index register, 22 index invalid, 26:23 base register, 27 base
 * invalid. The rest of each format is its own record's.
 *
 * <p>Total: every pattern of these bits decodes and {@code decode(x).encode() == (x & MASK)}.
 *
 * @param scaling bits 1:0 (0 none, 1 by 2, 2 by 4, 3 by 8; undefined without an index register)
 * @param addressSizeCode bits 9:7, kept raw; {@link #addressSize()} names it
 * @param segmentCode bits 17:15, kept raw; {@link #segment()} names it
 * @param indexRegister bits 21:18
 * @param indexRegisterInvalid bit 22
 * @param baseRegister bits 26:23
 * @param baseRegisterInvalid bit 27
 */
public record MemoryOperand(
    int scaling,
    int addressSizeCode,
    int segmentCode,
    GeneralPurposeRegister indexRegister,
    boolean indexRegisterInvalid,
    GeneralPurposeRegister baseRegister,
    boolean baseRegisterInvalid) {

  /** Bits 1:0 scaling. */
  public static final int SCALING_BITS = 2;
  /** Bits 21:18: IndexReg. */
  public static final int INDEX_REGISTER_SHIFT = 18;
  /** Bit 22: IndexReg invalid. */
  public static final int INDEX_REGISTER_INVALID_BIT = 22;
  /** Bits 26:23: BaseReg. */
  public static final int BASE_REGISTER_SHIFT = 23;
  /** Bit 27: BaseReg invalid. */
  public static final int BASE_REGISTER_INVALID_BIT = 27;
  /** The bits this record decodes: 1:0, 9:7, 17:15 and 27:18. */
  public static final int MASK = 0x0FFF_8383;

  /** Checks each component fits its bits. */
  public MemoryOperand {
    BitField.checkWidth(scaling, SCALING_BITS, "scaling (bits 1:0)");
    BitField.checkWidth(addressSizeCode, AddressSize.BITS, "address size (bits 9:7)");
    BitField.checkWidth(segmentCode, SegmentRegister.BITS, "segment register (bits 17:15)");
    if (indexRegister == null || baseRegister == null) {
      throw new IllegalArgumentException("index (bits 21:18) and base (bits 26:23) registers must not be null");
    }
  }

  /** Decodes the memory-operand bits of an instruction-information value; other bits are ignored. Never throws. */
  public static MemoryOperand decode(int raw) {
    return new MemoryOperand(
        BitField.get(raw, 0, SCALING_BITS),
        BitField.get(raw, AddressSize.SHIFT, AddressSize.BITS),
        BitField.get(raw, SegmentRegister.SHIFT, SegmentRegister.BITS),
        GeneralPurposeRegister.at(raw, INDEX_REGISTER_SHIFT),
        BitField.bit(raw, INDEX_REGISTER_INVALID_BIT),
        GeneralPurposeRegister.at(raw, BASE_REGISTER_SHIFT),
        BitField.bit(raw, BASE_REGISTER_INVALID_BIT));
  }

  /** The bits in place, within {@link #MASK}. */
  public int encode() {
    return (int) (scaling
        | BitField.put(addressSizeCode, AddressSize.SHIFT)
        | BitField.put(segmentCode, SegmentRegister.SHIFT)
        | BitField.put(indexRegister.number(), INDEX_REGISTER_SHIFT)
        | BitField.flag(indexRegisterInvalid, INDEX_REGISTER_INVALID_BIT)
        | BitField.put(baseRegister.number(), BASE_REGISTER_SHIFT)
        | BitField.flag(baseRegisterInvalid, BASE_REGISTER_INVALID_BIT));
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
