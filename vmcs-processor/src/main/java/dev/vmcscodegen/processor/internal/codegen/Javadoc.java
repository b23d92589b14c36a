package dev.vmcscodegen.processor.internal.codegen;

import java.util.Locale;

/** Makes spec text safe inside generated javadoc: HTML, javadoc tags, comment ends, unicode escapes. */
final class Javadoc {

  private Javadoc() {}

  /** The text ending with a full stop, as the first sentence of a javadoc comment should. */
  static String sentence(String text) {
    return text.endsWith(".") || text.endsWith("!") || text.endsWith("?") ? text : text + ".";
  }

  /**
   * The text as javadoc shows it literally: {@code < > &} as HTML entities, {@code @}, braces, the
   * {@code /} of a comment end and {@code \} as character references (no tag, no comment end, no
   * unicode escape can start), control and non-ASCII characters as character references (ASCII source;
   * a Unicode line separator would make JavaPoet break the line). JavaPoet's {@code $} is safe because
   * the result is passed as a {@code $L} argument.
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '@' -> out.append("&#64;");
        case '/' -> out.append(i > 0 && text.charAt(i - 1) == '*' ? "&#47;" : "/");
        case '\\' -> out.append("&#92;");
        case '{', '}' -> out.append(c == '{' ? "&#123;" : "&#125;");
        default -> {
          if (c < 0x20 || c >= 0x7F) {
            out.append("&#x").append(Integer.toHexString(c).toUpperCase(Locale.ROOT)).append(';');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
