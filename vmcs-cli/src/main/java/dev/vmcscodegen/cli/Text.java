package dev.vmcscodegen.cli;

/** Small wordings shared by the readable outputs. */
final class Text {

  private Text() {}

  /** {@code yes} or {@code no}. */
  static String yesNo(boolean value) {
    return value ? "yes" : "no";
  }

  /** {@code none set} or the set bits in hex, naming where the reserved bits lie. */
  static String reservedBits(long setBits, String where) {
    return setBits == 0 ? "none set (" + where + ")"
        : Numbers.hex(setBits) + " set (" + where + " are reserved)";
  }
}
