package dev.vmcscodegen.runtime.exit;

/** Bit extraction shared by the decoders: branch-free shifts and masks, nothing allocated. */
final class BitField {

  private BitField() {}

  /** Bits {@code lsb + width - 1 : lsb} of {@code raw}, right-aligned. */
  static int get(long raw, int lsb, int width) {
    return (int) ((raw >>> lsb) & ((1L << width) - 1));
  }

  /** Whether bit {@code bit} of {@code raw} is set. */
  static boolean bit(long raw, int bit) {
    return ((raw >>> bit) & 1L) != 0;
  }

  /** {@code value} placed at bit {@code lsb}. */
  static long put(long value, int lsb) {
    return value << lsb;
  }

  /** 1 at bit {@code bit} when {@code set}, else 0. */
  static long flag(boolean set, int bit) {
    return set ? 1L << bit : 0L;
  }

  /**
   * Checks a decoded component against its width: the values records are built from must fit the bits
   * they came from, or {@code encode()} would lose them.
   *
   * @throws IllegalArgumentException naming the component and its bits
   */
  static int checkWidth(int value, int width, String component) {
    if (value < 0 || value >= (1 << width)) {
      throw new IllegalArgumentException(component + " must fit " + width + " bits (0 to "
          + ((1 << width) - 1) + "), was " + value);
    }
    return value;
  }

  /**
   * Checks that {@code bits} lies within {@code mask}: the reserved-bits component of a record holds only
   * the positions the SDM reserves.
   *
   * @throws IllegalArgumentException naming the component and the stray bits
   */
  static void checkMask(long bits, long mask, String component) {
    if ((bits & ~mask) != 0) {
      throw new IllegalArgumentException(String.format(
          "%s may only hold bits 0x%x, had 0x%x outside them", component, mask, bits & ~mask));
    }
  }

  /**
   * {@link #checkMask(long, long, String)} for the 32-bit fields: both values are taken unsigned, so a
   * stray bit 31 is reported as {@code 0x80000000}, not sign-extended into bits 63:32 the field lacks.
   */
  static void checkMask(int bits, int mask, String component) {
    checkMask(Integer.toUnsignedLong(bits), Integer.toUnsignedLong(mask), component);
  }
}
