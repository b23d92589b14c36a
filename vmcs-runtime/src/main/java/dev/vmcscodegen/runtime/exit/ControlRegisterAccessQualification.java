package dev.vmcscodegen.runtime.exit;

/**
 * Exit qualification for control-register accesses (basic exit reason 28): SDM Vol. 3C 28.2.1, table
 * "Exit Qualification for Control-Register Accesses".
 *
 * <table>
 *   <caption>Bit layout</caption>
 *   <tr><th>bits</th><th>content</th></tr>
 *   <tr><td>3:0</td><td>number of the control register (0 for CLTS and LMSW)</td></tr>
 *   <tr><td>5:4</td><td>access type: MOV to CR, MOV from CR, CLTS, LMSW</td></tr>
 *   <tr><td>6</td><td>LMSW operand type: 0 = register, 1 = memory (0 for CLTS and MOV CR)</td></tr>
 *   <tr><td>7</td><td>reserved (cleared to 0)</td></tr>
 *   <tr><td>11:8</td><td>for MOV CR, the general-purpose register (0 for CLTS and LMSW)</td></tr>
 *   <tr><td>15:12</td><td>reserved (cleared to 0)</td></tr>
 *   <tr><td>31:16</td><td>for LMSW, the LMSW source data (0 for CLTS and MOV CR)</td></tr>
 *   <tr><td>63:32</td><td>reserved (cleared to 0)</td></tr>
 * </table>
 *
 * <p>The LMSW source data is all 16 bits 31:16; the origin cut it to 8 bits.
 *
 * @param controlRegister bits 3:0, 0 to 15
 * @param accessType bits 5:4
 * @param lmswMemoryOperand bit 6: the LMSW operand was in memory (true) or a register (false)
 * @param register bits 11:8
 * @param lmswSourceData bits 31:16, 0 to 0xFFFF
 * @param reservedBits bits 7, 15:12 and 63:32 in place (mask {@link #RESERVED_MASK})
 */
public record ControlRegisterAccessQualification(
    int controlRegister,
    ControlRegisterAccessType accessType,
    boolean lmswMemoryOperand,
    GeneralPurposeRegister register,
    int lmswSourceData,
    long reservedBits) implements ExitQualification {

  /** Bits 3:0. */
  public static final int CONTROL_REGISTER_BITS = 4;
  /** Bits 5:4. */
  public static final int ACCESS_TYPE_SHIFT = 4;
  /** Bit 6. */
  public static final int LMSW_OPERAND_TYPE_BIT = 6;
  /** Bits 11:8. */
  public static final int REGISTER_SHIFT = 8;
  /** Bits 31:16. */
  public static final int LMSW_SOURCE_DATA_SHIFT = 16;
  /** Width of the LMSW source data. */
  public static final int LMSW_SOURCE_DATA_BITS = 16;
  /** Bits 7, 15:12 and 63:32. */
  public static final long RESERVED_MASK = 0xFFFF_FFFF_0000_F080L;

  /** Checks each component fits its bits. */
  public ControlRegisterAccessQualification {
    BitField.checkWidth(controlRegister, CONTROL_REGISTER_BITS, "control register number (bits 3:0)");
    if (accessType == null || register == null) {
      throw new IllegalArgumentException("access type (bits 5:4) and register (bits 11:8) must not be null");
    }
    BitField.checkWidth(lmswSourceData, LMSW_SOURCE_DATA_BITS, "LMSW source data (bits 31:16)");
    BitField.checkMask(reservedBits, RESERVED_MASK, "control-register qualification reserved bits");
  }

  /** Decodes the qualification. Never throws. */
  public static ControlRegisterAccessQualification decode(long raw) {
    return new ControlRegisterAccessQualification(
        BitField.get(raw, 0, CONTROL_REGISTER_BITS),
        ControlRegisterAccessType.fromCode(
            BitField.get(raw, ACCESS_TYPE_SHIFT, ControlRegisterAccessType.BITS)),
        BitField.bit(raw, LMSW_OPERAND_TYPE_BIT),
        GeneralPurposeRegister.fromNumber(
            BitField.get(raw, REGISTER_SHIFT, GeneralPurposeRegister.BITS)),
        BitField.get(raw, LMSW_SOURCE_DATA_SHIFT, LMSW_SOURCE_DATA_BITS),
        raw & RESERVED_MASK);
  }

  @Override
  public long encode() {
    return controlRegister
        | BitField.put(accessType.code(), ACCESS_TYPE_SHIFT)
        | BitField.flag(lmswMemoryOperand, LMSW_OPERAND_TYPE_BIT)
        | BitField.put(register.number(), REGISTER_SHIFT)
        | BitField.put(lmswSourceData, LMSW_SOURCE_DATA_SHIFT)
        | reservedBits;
  }
}
