package dev.vmcscodegen.runtime.exit;

import static dev.vmcscodegen.runtime.arch.InterruptionInfoLayout.*;

import dev.vmcscodegen.runtime.arch.InterruptionInfoLayout;

/**
 * An interruption-information field, decoded: the VM-exit interruption information (SDM Vol. 3C
 * 25.9.2, table "Format of the VM-Exit Interruption-Information Field") and the IDT-vectoring
 * information (25.9.3, table "Format of the IDT-Vectoring Information Field"), which share this layout.
 * The VM-entry interruption-information field (25.8.3) has it too, except that bit 12 is reserved
 * there and must be 0.
 *
 * <table>
 *   <caption>Bit layout</caption>
 *   <tr><th>bits</th><th>content</th></tr>
 *   <tr><td>7:0</td><td>vector of interrupt or exception</td></tr>
 *   <tr><td>10:8</td><td>interruption type ({@link InterruptionType})</td></tr>
 *   <tr><td>11</td><td>error code valid (the error code is in the matching error-code field)</td></tr>
 *   <tr><td>12</td><td>NMI unblocking due to IRET (VM-exit interruption information; undefined in
 *       IDT-vectoring information)</td></tr>
 *   <tr><td>30:13</td><td>reserved (cleared to 0; kept in {@link #reservedBits})</td></tr>
 *   <tr><td>31</td><td>valid</td></tr>
 * </table>
 *
 * <p>Total: every 32-bit value decodes and {@code decode(x).encode() == x}.
 *
 * @param vector bits 7:0, 0 to 255
 * @param type bits 10:8
 * @param errorCodeValid bit 11
 * @param nmiUnblockingDueToIret bit 12
 * @param reservedBits bits 30:13 in place (mask {@link InterruptionInfoLayout#EXIT_RESERVED})
 * @param valid bit 31
 */
public record InterruptionInformation(
    int vector,
    InterruptionType type,
    boolean errorCodeValid,
    boolean nmiUnblockingDueToIret,
    int reservedBits,
    boolean valid) {

  /** Checks the vector fits 8 bits, the type is given and the reserved bits lie in 30:13. */
  public InterruptionInformation {
    BitField.checkWidth(vector, VECTOR_BITS, "vector (bits 7:0)");
    if (type == null) {
      throw new IllegalArgumentException("interruption type (bits 10:8) must not be null");
    }
    BitField.checkMask(reservedBits, EXIT_RESERVED, "interruption-information reserved bits 30:13");
  }

  /** A valid event of the given vector and type, bits 12 and 30:13 clear. */
  public static InterruptionInformation of(int vector, InterruptionType type, boolean errorCodeValid) {
    return new InterruptionInformation(vector, type, errorCodeValid, false, 0, true);
  }

  /** Decodes the field. Never throws. */
  public static InterruptionInformation decode(int raw) {
    return new InterruptionInformation(
        BitField.get(raw, 0, VECTOR_BITS),
        InterruptionType.fromCode(BitField.get(raw, TYPE_SHIFT, TYPE_BITS)),
        BitField.bit(raw, ERROR_CODE_VALID_BIT),
        BitField.bit(raw, NMI_UNBLOCKING_DUE_TO_IRET_BIT),
        raw & EXIT_RESERVED,
        BitField.bit(raw, VALID_BIT));
  }

  /** The 32-bit field value: {@code decode(x).encode() == x}. */
  public int encode() {
    return (int) (vector
        | BitField.put(type.code(), TYPE_SHIFT)
        | BitField.flag(errorCodeValid, ERROR_CODE_VALID_BIT)
        | BitField.flag(nmiUnblockingDueToIret, NMI_UNBLOCKING_DUE_TO_IRET_BIT)
        | BitField.flag(valid, VALID_BIT))
        | reservedBits;
  }

  /** Whether any of the reserved bits 30:13 is set. */
  public boolean hasReservedBits() {
    return reservedBits != 0;
  }
}
