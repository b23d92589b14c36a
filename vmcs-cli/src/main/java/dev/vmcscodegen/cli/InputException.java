package dev.vmcscodegen.cli;

import java.util.List;

/**
 * Input the command understood but cannot accept: a value too wide for its field, a file that cannot
 * be read, control intents that conflict, a guest mode the processor cannot run. The command line ends
 * with exit code 1 and the message on stderr: one line, or a heading and the lines that explain it.
 * Usage errors (unknown options, missing arguments, a word where a number belongs) exit with 2 instead.
 * An input with problems of the problem model (a spec, a profile, an image, a dump) is a
 * {@link dev.vmcscodegen.problem.ProblemException} instead, each problem with its id.
 */
public final class InputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The lines to print as they are, empty for a one-line message. */
  private final transient List<String> lines;

  /** An input error with a message the user can act on. */
  public InputException(String message) {
    this(message, (Throwable) null);
  }

  /** An input error caused by {@code cause} (such as an {@link java.io.IOException}). */
  public InputException(String message, Throwable cause) {
    super(message, cause);
    this.lines = List.of();
  }

  private InputException(List<String> lines) {
    super(String.join(System.lineSeparator(), lines));
    this.lines = List.copyOf(lines);
  }

  /**
   * An input error of several lines, printed as they are: a heading naming the input, then (indented)
   * each reason, such as each conflict of the control intents.
   *
   * @throws IllegalArgumentException if there is no line
   */
  public static InputException lines(List<String> lines) {
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("an input error needs at least one line");
    }
    return new InputException(lines);
  }

  /** The lines to print as they are; empty for a one-line message. */
  public List<String> lines() {
    return lines;
  }
}
