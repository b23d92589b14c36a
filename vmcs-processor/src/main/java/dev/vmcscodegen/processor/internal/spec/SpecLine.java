package dev.vmcscodegen.processor.internal.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One line of a spec file with its position.
 *
 * @param number the 1-based line number
 * @param text the line without its line terminator
 */
public record SpecLine(int number, String text) {

  /** Validates the parts. */
  public SpecLine {
    Objects.requireNonNull(text, "text");
    if (number < 1) {
      throw new IllegalArgumentException("line " + number + " is not a 1-based line number");
    }
  }

  /**
   * Splits a file's text into numbered lines at {@code \n}, {@code \r\n} or {@code \r}. A final line
   * terminator does not start another line.
   */
  public static List<SpecLine> split(String content) {
    List<SpecLine> lines = new ArrayList<>();
    int start = 0;
    int number = 1;
    int length = content.length();
    while (start < length) {
      int end = start;
      while (end < length && content.charAt(end) != '\n' && content.charAt(end) != '\r') {
        end++;
      }
      lines.add(new SpecLine(number++, content.substring(start, end)));
      if (end < length && content.charAt(end) == '\r' && end + 1 < length && content.charAt(end + 1) == '\n') {
        end++;
      }
      start = end + 1;
    }
    return lines;
  }

  /**
   * The line without its comment: a {@code #} at the start of the line or after white space starts a
   * comment that runs to the end of the line.
   */
  public String withoutComment() {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '#' && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
        return text.substring(0, i);
      }
    }
    return text;
  }
}
