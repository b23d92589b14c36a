package dev.vmcscodegen.problem;

/**
 * One entry of a catalogue of diagnostics: a stable id ({@code VmcsDuplicateEncoding}), a
 * {@link String#format} template, a severity and, where a rule of the SDM is behind it, the citation.
 * Each reader keeps its catalogue as an enum implementing this interface; ids never change meaning,
 * since build logs, scripts and tests match on them.
 */
public interface ProblemKind {

  /** The id, template, citation and severity the constant declares. */
  ProblemDefinition definition();

  /** The stable id, such as {@code VmcsDuplicateEncoding}. */
  default String id() {
    return definition().id();
  }

  /** The {@link String#format} template of the text. */
  default String template() {
    return definition().template();
  }

  /** The SDM text behind the rule, such as {@code SDM Vol. 3C 25.11.2, Table 25-21}; empty if none. */
  default String citation() {
    return definition().citation();
  }

  /** Whether a problem of this kind stops the input from being used. */
  default Severity severity() {
    return definition().severity();
  }

  /** {@code [id] text (citation)} for the given template arguments. */
  default String format(Object... args) {
    String text = "[" + id() + "] " + String.format(template(), args);
    return citation().isEmpty() ? text : text + " (" + citation() + ")";
  }

  /**
   * A problem of this kind.
   *
   * @param file the input's name, empty if none
   * @param line the 1-based line, 0 if the problem is not on one line
   * @param subject what on the line it is about ({@code field CR0}), empty if the line itself
   * @param args the template's arguments
   */
  default Problem at(String file, int line, String subject, Object... args) {
    return new Problem(this, file, line, subject, String.format(template(), args));
  }
}
