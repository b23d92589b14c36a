package dev.vmcscodegen.cli;

import java.math.BigInteger;
import java.util.Locale;

/** Range checks and formatting of the unsigned values the commands read and print. */
public final class Numbers {

  private Numbers() {}

  /**
   * Returns {@code value} if it fits in {@code bits} unsigned bits.
   *
   * @throws InputException naming {@code what} if a bit above {@code bits} is set (nothing is cut)
   */
  public static long requireBits(long value, int bits, String what) {
    if (bits < Long.SIZE && (value >>> bits) != 0) {
      throw new InputException(String.format("%s %s does not fit in %d bits", what, hex(value), bits));
    }
    return value;
  }

  /** {@code 0x} and upper-case hex digits, no padding. */
  public static String hex(long value) {
    return "0x" + Long.toHexString(value).toUpperCase(Locale.ROOT);
  }

  /** {@code 0x} and upper-case hex digits, zero-padded to {@code digits}. */
  public static String hex(long value, int digits) {
    String text = Long.toHexString(value).toUpperCase(Locale.ROOT);
    return "0x" + "0".repeat(Math.max(0, digits - text.length())) + text;
  }

  /** The unsigned value of the 64 bits as a JSON number (a plain integer, never negative). */
  public static Number unsigned(long value) {
    return value >= 0 ? Long.valueOf(value) : new BigInteger(Long.toUnsignedString(value));
  }
}
