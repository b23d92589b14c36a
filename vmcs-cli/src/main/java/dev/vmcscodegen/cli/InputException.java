package dev.vmcscodegen.cli;

import java.util.List;

/**
 * Input the command understood but cannot accept: a value too wide for its field, a file that cannot
 * be read, a spec with problems. The command line ends with exit code 1 and the message on stderr:
 * one line, or for a file with problems one {@code FILE:LINE: message} line each. Usage errors
 * (unknown options, missing arguments, a word where a number belongs) exit with 2 instead.
 */
public final class InputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The lines to print as they are (a problem list), empty for a one-line message. */
  private final transient List<String> problemLines;

  /** An input error with a message the user can act on. */
  public InputException(String message) {
    this(message, (Throwable) null);
  }

  /** An input error caused by {@code cause} (such as an {@link java.io.IOException}). */
  public InputException(String message, Throwable cause) {
    super(message, cause);
    this.problemLines = List.of();
  }

  private InputException(List<String> problemLines) {
    super(String.join(System.lineSeparator(), problemLines));
    this.problemLines = List.copyOf(problemLines);
  }

  /**
   * Every problem of a file, each already rendered as {@code FILE:LINE: message}.
   *
   * @throws IllegalArgumentException if there is no problem
   */
  public static InputException problems(List<String> lines) {
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("a problem list needs at least one problem");
    }
    return new InputException(lines);
  }

  /** The problem lines to print as they are; empty for a one-line message. */
  public List<String> problemLines() {
    return problemLines;
  }
}
