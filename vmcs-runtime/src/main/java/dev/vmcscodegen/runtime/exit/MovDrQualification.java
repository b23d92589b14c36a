package dev.vmcscodegen.runtime.exit;

/**
 * Exit qualification for MOV DR (basic exit reason 29): SDM Vol. 3C 28.2.1, table "Exit Qualification
 * for MOV DR".
 *
 * <table>
 *   <caption>Bit layout</caption>
 *   <tr><th>bits</th><th>content</th></tr>
 *   <tr><td>2:0</td><td>number of the debug register</td></tr>
 *   <tr><td>3</td><td>reserved (cleared to 0)</td></tr>
 *   <tr><td>4</td><td>direction: 0 = MOV to DR, 1 = MOV from DR</td></tr>
 *   <tr><td>7:5</td><td>reserved (cleared to 0)</td></tr>
 *   <tr><td>11:8</td><td>general-purpose register</td></tr>
 *   <tr><td>63:12</td><td>reserved (cleared to 0)</td></tr>
 * </table>
 *
 * @param debugRegister bits 2:0, 0 to 7
 * @param movFromDr bit 4: MOV from DR (true) or MOV to DR (false)
 * @param register bits 11:8
 * @param reservedBits bits 3, 7:5 and 63:12 in place (mask {@link #RESERVED_MASK})
 */
public record MovDrQualification(
    int debugRegister, boolean movFromDr, GeneralPurposeRegister register, long reservedBits)
    implements ExitQualification {

  /** Bits 2:0. */
  public static final int DEBUG_REGISTER_BITS = 3;
  /** Bit 4. */
  public static final int DIRECTION_BIT = 4;
  /** Bits 11:8. */
  public static final int REGISTER_SHIFT = 8;
  /** Bits 3, 7:5 and 63:12. */
  public static final long RESERVED_MASK = 0xFFFF_FFFF_FFFF_F0E8L;

  /** Checks each component fits its bits. */
  public MovDrQualification {
    BitField.checkWidth(debugRegister, DEBUG_REGISTER_BITS, "debug register number (bits 2:0)");
    if (register == null) {
      throw new IllegalArgumentException("register (bits 11:8) must not be null");
    }
    BitField.checkMask(reservedBits, RESERVED_MASK, "MOV DR qualification reserved bits");
  }

  /** Decodes the qualification. Never throws. */
  public static MovDrQualification decode(long raw) {
    return new MovDrQualification(
        BitField.get(raw, 0, DEBUG_REGISTER_BITS),
        BitField.bit(raw, DIRECTION_BIT),
        GeneralPurposeRegister.fromNumber(
            BitField.get(raw, REGISTER_SHIFT, GeneralPurposeRegister.BITS)),
        raw & RESERVED_MASK);
  }

  @Override
  public long encode() {
    return debugRegister
        | BitField.flag(movFromDr, DIRECTION_BIT)
        | BitField.put(register.number(), REGISTER_SHIFT)
        | reservedBits;
  }
}
