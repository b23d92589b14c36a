package dev.vmcscodegen.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a number argument: hexadecimal with {@code 0x} ({@code 0x681E}) or decimal ({@code 26654}),
 * 0 to 2^64 - 1, returned as the unsigned bits in a {@code long}. A value that is not such a number is
 * a usage error (exit code 2); whether it fits the field it is meant for is each command's check
 * ({@link Numbers#requireBits}).
 */
public final class UnsignedNumberConverter implements ITypeConverter<Long> {

  private static final String HEX_PREFIX = "0x";
  private static final int HEX_RADIX = 16;
  private static final int DECIMAL_RADIX = 10;

  @Override
  public Long convert(String text) {
    return parse(text);
  }

  /**
   * Parses {@code text} as {@code 0x}-prefixed hex or decimal.
   *
   * @throws TypeConversionException if it is neither, is negative, or exceeds 64 bits
   */
  public static long parse(String text) {
    String trimmed = text.strip();
    boolean hex = trimmed.regionMatches(true, 0, HEX_PREFIX, 0, HEX_PREFIX.length());
    String digits = hex ? trimmed.substring(HEX_PREFIX.length()) : trimmed;
    if (digits.isEmpty() || digits.charAt(0) == '+' || digits.charAt(0) == '-') {
      throw notANumber(text);
    }
    try {
      return Long.parseUnsignedLong(digits, hex ? HEX_RADIX : DECIMAL_RADIX);
    } catch (NumberFormatException e) {
      throw notANumber(text);
    }
  }

  private static TypeConversionException notANumber(String text) {
    return new TypeConversionException("'" + text
        + "' is not a number from 0 to 2^64-1 (write hex as 0x1F or decimal as 31)");
  }
}
