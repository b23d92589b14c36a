package dev.vmcscodegen.runtime.exit;

/**
 * Exit qualification for APIC-access VM exits from linear and guest-physical accesses (basic exit
 * reason 44): SDM Vol. 3C 28.2.1, table "Exit Qualification for APIC-Access VM Exits from Linear
 * Accesses and Guest-Physical Accesses". (For APIC-access VM exits from physical accesses the
 * qualification is undefined; decoding it still never fails.)
 *
 * <table>
 *   <caption>Bit layout</caption>
 *   <tr><th>bits</th><th>content</th></tr>
 *   <tr><td>11:0</td><td>for a linear access, the offset of the access within the APIC page;
 *       undefined for a guest-physical access</td></tr>
 *   <tr><td>15:12</td><td>access type ({@link ApicAccessType})</td></tr>
 *   <tr><td>16</td><td>asynchronous to instruction execution and not part of event delivery</td></tr>
 *   <tr><td>63:17</td><td>reserved (cleared to 0)</td></tr>
 * </table>
 *
 * @param offset bits 11:0
 * @param accessTypeCode bits 15:12, kept raw; {@link #accessType()} names it
 * @param asynchronous bit 16
 * @param reservedBits bits 63:17 in place (mask {@link #RESERVED_MASK})
 */
public record ApicAccessQualification(int offset, int accessTypeCode, boolean asynchronous, long reservedBits)
    implements ExitQualification {

  /** Bits 11:0. */
  public static final int OFFSET_BITS = 12;
  /** Bits 15:12. */
  public static final int ACCESS_TYPE_SHIFT = 12;
  /** Bit 16. */
  public static final int ASYNCHRONOUS_BIT = 16;
  /** Bits 63:17. */
  public static final long RESERVED_MASK = -1L << 17;

  /** Checks each component fits its bits. */
  public ApicAccessQualification {
    BitField.checkWidth(offset, OFFSET_BITS, "APIC-page offset (bits 11:0)");
    BitField.checkWidth(accessTypeCode, ApicAccessType.BITS, "APIC access type (bits 15:12)");
    BitField.checkMask(reservedBits, RESERVED_MASK, "APIC-access qualification reserved bits");
  }

  /** Decodes the qualification. Never throws. */
  public static ApicAccessQualification decode(long raw) {
    return new ApicAccessQualification(
        BitField.get(raw, 0, OFFSET_BITS),
        BitField.get(raw, ACCESS_TYPE_SHIFT, ApicAccessType.BITS),
        BitField.bit(raw, ASYNCHRONOUS_BIT),
        raw & RESERVED_MASK);
  }

  @Override
  public long encode() {
    return offset
        | BitField.put(accessTypeCode, ACCESS_TYPE_SHIFT)
        | BitField.flag(asynchronous, ASYNCHRONOUS_BIT)
        | reservedBits;
  }

  /** The access type; {@link ApicAccessType#UNKNOWN} for codes the SDM does not use. */
  public ApicAccessType accessType() {
    return ApicAccessType.fromCode(accessTypeCode);
  }
}
