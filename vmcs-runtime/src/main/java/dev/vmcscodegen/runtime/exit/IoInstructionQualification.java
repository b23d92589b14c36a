package dev.vmcscodegen.runtime.exit;

/**
 * Exit qualification for I/O instructions (basic exit reason 30): SDM Vol. 3C 28.2.1, table "Exit Qualification for I/O Instructions".
 *
 * <table>
 *   <caption>Bit layout</caption>
 *   <tr><th>bits</th><th>content</th></tr>
 *   <tr><td>2:0</td><td>size of access: 0 = 1 byte, 1 = 2 bytes, 3 = 4 bytes, others not used</td></tr>
 *   <tr><td>3</td><td>direction: 0 = OUT, 1 = IN</td></tr>
 *   <tr><td>4</td><td>string instruction (INS/OUTS)</td></tr>
 *   <tr><td>5</td><td>REP prefixed</td></tr>
 *   <tr><td>6</td><td>operand encoding: 0 = DX, 1 = immediate</td></tr>
 *   <tr><td>15:7</td><td>reserved (cleared to 0)</td></tr>
 *   <tr><td>31:16</td><td>port number</td></tr>
 *   <tr><td>63:32</td><td>reserved (cleared to 0)</td></tr>
 * </table>
 *
 * <p>The size is kept as its raw code: the origin computed {@code code + 1}, which reports code 2
 * (unused) as a 3-byte access; here it is {@link IoAccessSize#UNKNOWN}.
 *
 * @param sizeCode bits 2:0, 0 to 7; {@link #accessSize()} names it
 * @param in bit 3: IN (true) or OUT (false)
 * @param string bit 4
 * @param rep bit 5
 * @param immediateOperand bit 6: the port came from an immediate (true) or DX (false)
 * @param port bits 31:16
 * @param reservedBits bits 15:7 and 63:32 in place (mask {@link #RESERVED_MASK})
 */
public record IoInstructionQualification(
    int sizeCode,
    boolean in,
    boolean string,
    boolean rep,
    boolean immediateOperand,
    int port,
    long reservedBits) implements ExitQualification {

  /** Bits 2:0. */
  public static final int SIZE_BITS = 3;
  /** Bit 3. */
  public static final int DIRECTION_BIT = 3;
  /** Bit 4. */
  public static final int STRING_BIT = 4;
  /** Bit 5. */
  public static final int REP_BIT = 5;
  /** Bit 6. */
  public static final int OPERAND_ENCODING_BIT = 6;
  /** Bits 31:16. */
  public static final int PORT_SHIFT = 16;
  /** Width of the port number. */
  public static final int PORT_BITS = 16;
  /** Bits 15:7 and 63:32. */
  public static final long RESERVED_MASK = 0xFFFF_FFFF_0000_FF80L;

  /** Checks each component fits its bits. */
  public IoInstructionQualification {
    BitField.checkWidth(sizeCode, SIZE_BITS, "size of access (bits 2:0)");
    BitField.checkWidth(port, PORT_BITS, "port number (bits 31:16)");
    BitField.checkMask(reservedBits, RESERVED_MASK, "I/O qualification reserved bits");
  }

  /** Decodes the qualification. Never throws. */
  public static IoInstructionQualification decode(long raw) {
    return new IoInstructionQualification(
        BitField.get(raw, 0, SIZE_BITS),
        BitField.bit(raw, DIRECTION_BIT),
        BitField.bit(raw, STRING_BIT),
        BitField.bit(raw, REP_BIT),
        BitField.bit(raw, OPERAND_ENCODING_BIT),
        BitField.get(raw, PORT_SHIFT, PORT_BITS),
        raw & RESERVED_MASK);
  }

  @Override
  public long encode() {
    return sizeCode
        | BitField.flag(in, DIRECTION_BIT)
        | BitField.flag(string, STRING_BIT)
        | BitField.flag(rep, REP_BIT)
        | BitField.flag(immediateOperand, OPERAND_ENCODING_BIT)
        | BitField.put(port, PORT_SHIFT)
        | reservedBits;
  }

  /** The size of access; {@link IoAccessSize#UNKNOWN} for the codes the SDM does not use. */
  public IoAccessSize accessSize() {
    return IoAccessSize.fromCode(sizeCode);
  }
}
