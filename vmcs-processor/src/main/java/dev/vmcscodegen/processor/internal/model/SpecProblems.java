package dev.vmcscodegen.processor.internal.model;

import dev.vmcscodegen.problem.Problem;

/** Spec problems in the shared problem model: a {@link Message} at a field, a line or the whole spec. */
public final class SpecProblems {

  private SpecProblems() {}

  /** A problem with a field's line: the subject is {@code field NAME}. */
  public static Problem atField(Message message, SpecFile spec, FieldDef field, Object... args) {
    return message.at(spec.fileName(), field.line(), "field " + field.name(), args);
  }

  /** A problem with a line that is not (or not yet) a field. */
  public static Problem atLine(Message message, String file, int line, Object... args) {
    return message.at(file, line, "", args);
  }

  /** A problem of the whole spec, or of no file when {@code file} is empty. */
  public static Problem general(Message message, String file, Object... args) {
    return message.at(file, 0, "", args);
  }
}
