package dev.vmcscodegen.problem;

/**
 * The problems of reading an input file as text ({@link TextInput}), before any reader sees a line:
 * errors, since a reader cannot work on text it does not have. Ids never change meaning.
 */
public enum InputProblem implements ProblemKind {
  /** The input is larger than the reader's bound (such as {@code /dev/zero}). */
  TOO_LARGE("InputTooLarge", "larger than %d bytes, the most this reader accepts; is it the right file?"),
  /** A byte sequence that is not UTF-8. */
  NOT_UTF8("InputNotUtf8", "byte %d of the line (byte %d of the file) is not UTF-8: 0x%02X");

  private final ProblemDefinition definition;

  InputProblem(String id, String template) {
    this.definition = new ProblemDefinition(id, template, "", Severity.ERROR);
  }

  @Override
  public ProblemDefinition definition() {
    return definition;
  }
}
