package dev.vmcscodegen.cli;

/**
 * Input the command understood but cannot accept: a value too wide for its field, a file that cannot
 * be read, a spec with problems. The command line ends with exit code 1 and the message on one line of
 * stderr; usage errors (unknown options, missing arguments, a word where a number belongs) exit with 2.
 */
public final class InputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** An input error with a message the user can act on. */
  public InputException(String message) {
    super(message);
  }

  /** An input error caused by {@code cause} (such as an {@link java.io.IOException}). */
  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
