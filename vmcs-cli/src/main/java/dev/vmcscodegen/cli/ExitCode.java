package dev.vmcscodegen.cli;

/**
 * The exit codes of every {@code vmcs} command, in one place: commands return {@link #code()} of one of
 * these, and the picocli handlers in {@link VmcsCli} map usage errors and input errors to theirs.
 */
public enum ExitCode {
  /** The command did what it was asked ({@code vmcs check}: every check was decided and the image would enter). */
  OK(0),
  /**
   * The input cannot be accepted: a value too wide for its field, a file that cannot be read, a spec,
   * profile, image or dump with problems (each printed on stderr), an output that cannot be written
   * (a full disk, a closed pipe), or any failure inside a command.
   */
  BAD_INPUT(1),
  /** The command line itself is wrong: an unknown option, a missing argument, a word where a number belongs. */
  USAGE(2),
  /** {@code vmcs check}: VM entry would fail with the image. */
  WOULD_FAIL(3),
  /**
   * {@code vmcs check}: no decided check fails, but some could not be decided (fields absent from the image,
   * capability MSRs unknown or no profile given); the report lists what input would decide them.
   */
  UNDECIDED(4);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  /** The process exit code. */
  public int code() {
    return code;
  }
}
