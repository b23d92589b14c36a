package dev.vmcscodegen.processor.internal.codegen;

/**
 * Java string literals that stay ASCII: the generated source then reads the same whatever encoding
 * javac writes it in, and no spec character (a Unicode line separator, which JavaPoet would break the
 * line at) can end a literal early.
 */
final class Literals {

  private Literals() {}

  /**
   * {@code text} as a quoted Java string literal: quote and backslash escaped, other ASCII control
   * characters as octal escapes (a <code>&#92;u000A</code> escape would become a real line end), everything
   * outside ASCII as a <code>&#92;u</code> escape.
   */
  static String string(String text) {
    StringBuilder literal = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        literal.append('\\').append(c);
      } else if (c == '\t') {
        literal.append("\\t");
      } else if (c < 0x20 || c == 0x7F) {
        literal.append(String.format("\\%03o", (int) c));
      } else if (c > 0x7F) {
        literal.append(String.format("\\u%04x", (int) c));
      } else {
        literal.append(c);
      }
    }
    return literal.append('"').toString();
  }
}
