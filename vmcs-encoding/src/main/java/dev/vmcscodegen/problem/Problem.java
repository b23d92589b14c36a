package dev.vmcscodegen.problem;

import java.util.Objects;

/**
 * Something wrong with an input (a spec, a capability profile, an image text, a dump), found by a
 * reader or a check: a value, never an exception. Every input the project reads reports through this
 * one type, so every problem renders the same way: {@code FILE:LINE: [Id] subject: text (citation)},
 * with {@code warning: } before the id of a warning.
 *
 * @param kind which diagnostic (its id, severity and citation)
 * @param file the input's name, empty if the problem is not in a file
 * @param line the 1-based line, 0 if the problem is not on one line
 * @param subject what the problem is about ({@code field CR0}, {@code MSR 0x481}), empty for the line itself
 * @param text the formatted text, without id or citation
 */
public record Problem(ProblemKind kind, String file, int line, String subject, String text) {

  /** How many characters of an input line a problem quotes at most ({@link #excerpt}). */
  public static final int EXCERPT_LENGTH = 80;

  /** Validates the parts. */
  public Problem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
    if (line < 0) {
      throw new IllegalArgumentException("line " + line + " is negative");
    }
  }

  /** The stable id of the kind. */
  public String id() {
    return kind.id();
  }

  /** The kind's severity. */
  public Severity severity() {
    return kind.severity();
  }

  /** Whether the problem stops the input from being used. */
  public boolean isError() {
    return kind.severity() == Severity.ERROR;
  }

  /** {@code FILE:LINE: [Id] subject: text (citation)}, leaving out what does not apply. */
  public String render() {
    StringBuilder out = new StringBuilder();
    if (!file.isEmpty()) {
      out.append(file);
      if (line > 0) {
        out.append(':').append(line);
      }
      out.append(": ");
    }
    if (!isError()) {
      out.append("warning: ");
    }
    out.append('[').append(kind.id()).append("] ");
    if (!subject.isEmpty()) {
      out.append(subject).append(": ");
    }
    out.append(text);
    if (!kind.citation().isEmpty()) {
      out.append(" (").append(kind.citation()).append(')');
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return render();
  }

  /**
   * An input line as a problem may quote it: at most {@link #EXCERPT_LENGTH} characters (longer ones cut
   * with {@code ...}), control characters shown as {@code \\uXXXX}, so a huge or binary line cannot
   * flood a terminal or a log.
   */
  public static String excerpt(String line) {
    StringBuilder out = new StringBuilder();
    int end = Math.min(line.length(), EXCERPT_LENGTH);
    for (int i = 0; i < end; i++) {
      char c = line.charAt(i);
      if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    if (line.length() > EXCERPT_LENGTH) {
      out.append("...");
    }
    return out.toString();
  }
}
