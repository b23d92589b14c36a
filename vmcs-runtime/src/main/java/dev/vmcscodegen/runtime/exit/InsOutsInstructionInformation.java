package dev.vmcscodegen.runtime.exit;

/**
 * The VM-exit instruction-information field for INS and OUTS (basic exit reason 30, when
 * IA32_VMX_BASIC bit 54 reports it): SDM Vol. 3C 28.2.5, table "Format of the VM-Exit
 * Instruction-Information Field as Used for INS and OUTS".
 *
 * <table>
 *   <caption>Bit layout</caption>
 *   <tr><th>bits</th><th>content</th></tr>
 *   <tr><td>6:0</td><td>undefined</td></tr>
 *   <tr><td>9:7</td><td>address size ({@link AddressSize})</td></tr>
 *   <tr><td>14:10</td><td>undefined</td></tr>
 *   <tr><td>17:15</td><td>segment register ({@link SegmentRegister}; undefined for INS, which always
 *       uses ES)</td></tr>
 *   <tr><td>31:18</td><td>undefined</td></tr>
 * </table>
 *
 * @param addressSizeCode bits 9:7, kept raw; {@link #addressSize()} names it
 * @param segmentCode bits 17:15, kept raw; {@link #segment()} names it
 * @param undefinedBits bits 6:0, 14:10 and 31:18 in place (mask {@link #UNDEFINED_MASK})
 */
public record InsOutsInstructionInformation(int addressSizeCode, int segmentCode, int undefinedBits) {

  /** Bits 6:0, 14:10 and 31:18. */
  public static final int UNDEFINED_MASK = 0xFFFC_7C7F;

  /** Checks each component fits its bits. */
  public InsOutsInstructionInformation {
    BitField.checkWidth(addressSizeCode, AddressSize.BITS, "address size (bits 9:7)");
    BitField.checkWidth(segmentCode, SegmentRegister.BITS, "segment register (bits 17:15)");
    BitField.checkMask(undefinedBits, UNDEFINED_MASK, "INS/OUTS instruction-information undefined bits");
  }

  /** Decodes the field. Never throws. */
  public static InsOutsInstructionInformation decode(int raw) {
    return new InsOutsInstructionInformation(
        BitField.get(raw, AddressSize.SHIFT, AddressSize.BITS),
        BitField.get(raw, SegmentRegister.SHIFT, SegmentRegister.BITS),
        raw & UNDEFINED_MASK);
  }

  /** The 32-bit field value: {@code decode(x).encode() == x}. */
  public int encode() {
    return (int) (BitField.put(addressSizeCode, AddressSize.SHIFT)
        | BitField.put(segmentCode, SegmentRegister.SHIFT))
        | undefinedBits;
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
