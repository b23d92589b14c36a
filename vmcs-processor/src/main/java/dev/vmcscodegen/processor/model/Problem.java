package dev.vmcscodegen.processor.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Something wrong with a spec, found by the reader or a check: a value, never an exception.
 *
 * @param message which diagnostic
 * @param file the spec's name, empty if the problem is not in a file
 * @param line the 1-based line, 0 if the problem is not on one line
 * @param field the field's name, empty if the problem is not about one field
 * @param args the arguments of the message template
 */
public record Problem(Message message, String file, int line, String field, List<Object> args) {

  /** Validates and freezes the parts. */
  public Problem {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(field, "field");
    if (line < 0) {
      throw new IllegalArgumentException("line " + line + " is negative");
    }
    args = List.copyOf(args);
  }

  /** A problem with a field's line. */
  public static Problem atField(Message message, SpecFile spec, FieldDef field, Object... args) {
    return new Problem(message, spec.fileName(), field.line(), field.name(), Arrays.asList(args));
  }

  /** A problem with a line that is not (or not yet) a field. */
  public static Problem atLine(Message message, String file, int line, Object... args) {
    return new Problem(message, file, line, "", Arrays.asList(args));
  }

  /** A problem of the whole spec or of no file. */
  public static Problem general(Message message, String file, Object... args) {
    return new Problem(message, file, 0, "", Arrays.asList(args));
  }

  /** {@code FILE:LINE: [VmcsRuleId] field NAME: what is wrong (citation)}, leaving out what does not apply. */
  public String render() {
    StringBuilder text = new StringBuilder();
    if (!file.isEmpty()) {
      text.append(file);
      if (line > 0) {
        text.append(':').append(line);
      }
      text.append(": ");
    }
    String formatted = message.format(args.toArray());
    if (field.isEmpty()) {
      text.append(formatted);
    } else {
      int afterId = formatted.indexOf("] ") + 2;
      text.append(formatted, 0, afterId).append("field ").append(field).append(": ")
          .append(formatted.substring(afterId));
    }
    return text.toString();
  }
}
