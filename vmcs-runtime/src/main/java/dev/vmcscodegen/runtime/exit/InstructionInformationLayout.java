package dev.vmcscodegen.runtime.exit;

/**
 * Bit positions the VM-exit instruction-information formats share (SDM Vol. 3C 28.2.5): the memory
 * operand (scaling, address size, segment, index and base registers) and the register numbers.
 */
final class InstructionInformationLayout {

  /** Bits 1:0: scaling (0 = none, 1 = by 2, 2 = by 4, 3 = by 8). */
  static final int SCALING_BITS = 2;
  /** Bits 6:3: Reg1. */
  static final int REGISTER1_SHIFT = 3;
  /** Bit 10: Mem/Reg (0 = memory, 1 = register). */
  static final int REGISTER_OPERAND_BIT = 10;
  /** Bits 21:18: IndexReg. */
  static final int INDEX_REGISTER_SHIFT = 18;
  /** Bit 22: IndexReg invalid. */
  static final int INDEX_REGISTER_INVALID_BIT = 22;
  /** Bits 26:23: BaseReg. */
  static final int BASE_REGISTER_SHIFT = 23;
  /** Bit 27: BaseReg invalid. */
  static final int BASE_REGISTER_INVALID_BIT = 27;
  /** Bits 31:28: Reg2. */
  static final int REGISTER2_SHIFT = 28;

  private InstructionInformationLayout() {}

  static GeneralPurposeRegister register(int raw, int shift) {
    return GeneralPurposeRegister.fromNumber(BitField.get(raw, shift, GeneralPurposeRegister.BITS));
  }

  static void checkMemoryOperand(int scaling, int addressSizeCode, int segmentCode,
      GeneralPurposeRegister indexRegister, GeneralPurposeRegister baseRegister) {
    BitField.checkWidth(scaling, SCALING_BITS, "scaling (bits 1:0)");
    BitField.checkWidth(addressSizeCode, AddressSize.BITS, "address size (bits 9:7)");
    BitField.checkWidth(segmentCode, SegmentRegister.BITS, "segment register (bits 17:15)");
    if (indexRegister == null || baseRegister == null) {
      throw new IllegalArgumentException("index (bits 21:18) and base (bits 26:23) registers must not be null");
    }
  }

  static long memoryOperand(int scaling, int addressSizeCode, int segmentCode,
      GeneralPurposeRegister indexRegister, boolean indexRegisterInvalid,
      GeneralPurposeRegister baseRegister, boolean baseRegisterInvalid) {
    return scaling
        | BitField.put(addressSizeCode, AddressSize.SHIFT)
        | BitField.put(segmentCode, SegmentRegister.SHIFT)
        | BitField.put(indexRegister.number(), INDEX_REGISTER_SHIFT)
        | BitField.flag(indexRegisterInvalid, INDEX_REGISTER_INVALID_BIT)
        | BitField.put(baseRegister.number(), BASE_REGISTER_SHIFT)
        | BitField.flag(baseRegisterInvalid, BASE_REGISTER_INVALID_BIT);
  }
}
