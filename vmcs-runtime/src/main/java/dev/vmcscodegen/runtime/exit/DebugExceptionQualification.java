package dev.vmcscodegen.runtime.exit;

/**
 * Exit qualification for debug exceptions (#DB, basic exit reason 0 with vector 1): SDM Vol. 3C
 * 28.2.1, table "Exit Qualification for Debug Exceptions". It reports what a #DB would have put in DR6.
 *
 * <table>
 *   <caption>Bit layout</caption>
 *   <tr><th>bits</th><th>content</th></tr>
 *   <tr><td>3:0</td><td>B3 to B0: breakpoint condition n was met</td></tr>
 *   <tr><td>10:4</td><td>reserved (cleared to 0)</td></tr>
 *   <tr><td>11</td><td>BLD: a bus lock was asserted with OS bus-lock detection enabled</td></tr>
 *   <tr><td>12</td><td>reserved (cleared to 0)</td></tr>
 *   <tr><td>13</td><td>BD: debug register access detected</td></tr>
 *   <tr><td>14</td><td>BS: single instruction (single-step)</td></tr>
 *   <tr><td>15</td><td>reserved (cleared to 0)</td></tr>
 *   <tr><td>16</td><td>RTM: #DB or #BP inside an RTM region with advanced RTM debugging</td></tr>
 *   <tr><td>63:17</td><td>reserved (cleared to 0)</td></tr>
 * </table>
 *
 * @param breakpointConditions bits 3:0, bit n = Bn
 * @param busLockDetected bit 11 (BLD)
 * @param debugRegisterAccessDetected bit 13 (BD)
 * @param singleInstruction bit 14 (BS)
 * @param rtm bit 16 (RTM)
 * @param reservedBits bits 10:4, 12, 15 and 63:17 in place (mask {@link #RESERVED_MASK})
 */
public record DebugExceptionQualification(
    int breakpointConditions,
    boolean busLockDetected,
    boolean debugRegisterAccessDetected,
    boolean singleInstruction,
    boolean rtm,
    long reservedBits) implements ExitQualification {

  /** Bits 3:0. */
  public static final int BREAKPOINT_CONDITION_BITS = 4;
  /** Bit 11. */
  public static final int BLD_BIT = 11;
  /** Bit 13. */
  public static final int BD_BIT = 13;
  /** Bit 14. */
  public static final int BS_BIT = 14;
  /** Bit 16. */
  public static final int RTM_BIT = 16;
  /** Bits 10:4, 12, 15 and 63:17. */
  public static final long RESERVED_MASK = (-1L << 17) | (1L << 15) | (1L << 12) | 0x7F0L;

  /** Checks each component fits its bits. */
  public DebugExceptionQualification {
    BitField.checkWidth(breakpointConditions, BREAKPOINT_CONDITION_BITS, "B3-B0 (bits 3:0)");
    BitField.checkMask(reservedBits, RESERVED_MASK, "debug-exception qualification reserved bits");
  }

  /** Decodes the qualification. Never throws. */
  public static DebugExceptionQualification decode(long raw) {
    return new DebugExceptionQualification(
        BitField.get(raw, 0, BREAKPOINT_CONDITION_BITS),
        BitField.bit(raw, BLD_BIT),
        BitField.bit(raw, BD_BIT),
        BitField.bit(raw, BS_BIT),
        BitField.bit(raw, RTM_BIT),
        raw & RESERVED_MASK);
  }

  @Override
  public long encode() {
    return breakpointConditions
        | BitField.flag(busLockDetected, BLD_BIT)
        | BitField.flag(debugRegisterAccessDetected, BD_BIT)
        | BitField.flag(singleInstruction, BS_BIT)
        | BitField.flag(rtm, RTM_BIT)
        | reservedBits;
  }

  /**
   * Whether breakpoint condition {@code n} (B0 to B3) was met.
   *
   * @throws IllegalArgumentException if {@code n} is outside 0 to 3
   */
  public boolean breakpointCondition(int n) {
    BitField.checkWidth(n, 2, "breakpoint number");
    return BitField.bit(breakpointConditions, n);
  }
}
