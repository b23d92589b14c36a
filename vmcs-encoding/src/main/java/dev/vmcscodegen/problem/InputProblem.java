package dev.vmcscodegen.problem;

/**
 * The problems of reading an input file as text, before any reader sees a line. A file read whole
 * ({@link TextInput}) is refused on them: errors, since a reader cannot work on text it does not have. A
 * log streamed line by line ({@link TextLines}) degrades: a byte that is not UTF-8 is read as U+FFFD and is
 * a warning. Ids never change meaning.
 */
public enum InputProblem implements ProblemKind {
  /** The input is larger than the reader's bound (such as {@code /dev/zero}). */
  TOO_LARGE("InputTooLarge", "larger than %d bytes, the most this reader accepts; is it the right file?",
      Severity.ERROR),
  /** A byte sequence that is not UTF-8, in a file read whole. */
  NOT_UTF8("InputNotUtf8", Text.NOT_UTF8, Severity.ERROR),
  /** A byte sequence that is not UTF-8 on a line of a streamed log: read as U+FFFD, the line still read. */
  NOT_UTF8_REPLACED("InputNotUtf8Replaced", Text.NOT_UTF8 + "; read as U+FFFD", Severity.WARNING),
  /**
   * A streamed input that is no log at all ({@code /dev/zero}, {@code /dev/urandom}, a binary file): a line
   * of megabytes, or most lines not UTF-8. The one thing that stops a stream, so it cannot run forever.
   */
  NOT_TEXT("InputNotText", "not a text log: %s; is it the right file?", Severity.ERROR);

  private final ProblemDefinition definition;

  InputProblem(String id, String template, Severity severity) {
    this.definition = new ProblemDefinition(id, template, "", severity);
  }

  @Override
  public ProblemDefinition definition() {
    return definition;
  }

  /** The text both UTF-8 problems share: the line, byte of the line, byte of the file, and the byte. */
  private static final class Text {
    static final String NOT_UTF8 = "byte %d of the line (byte %d of the file) is not UTF-8: 0x%02X";
  }
}
