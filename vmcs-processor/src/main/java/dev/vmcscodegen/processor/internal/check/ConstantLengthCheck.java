package dev.vmcscodegen.processor.internal.check;

import dev.vmcscodegen.problem.Problem;
import dev.vmcscodegen.processor.internal.model.FieldDef;
import dev.vmcscodegen.processor.internal.model.Message;
import dev.vmcscodegen.processor.internal.model.SpecFile;
import dev.vmcscodegen.processor.internal.model.SpecProblems;
import java.util.ArrayList;
import java.util.List;

/**
 * A field's name, doc and SDM reference become string constants of the generated class, and a
 * class-file constant holds at most 65535 bytes of modified UTF-8 (JVMS 4.4.7): longer, javac rejects
 * the generated code ("constant string too long").
 */
public final class ConstantLengthCheck implements Check {

  /** The most bytes a CONSTANT_Utf8_info holds (its length is a u2). */
  public static final int MAX_CONSTANT_BYTES = 65535;

  @Override
  public List<Problem> check(SpecFile spec) {
    List<Problem> problems = new ArrayList<>();
    for (FieldDef field : spec.fields()) {
      check(spec, field, "name", field.name(), problems);
      check(spec, field, "doc", field.doc(), problems);
      check(spec, field, "SDM reference", field.sdmReference(), problems);
    }
    return problems;
  }

  private static void check(SpecFile spec, FieldDef field, String what, String text, List<Problem> problems) {
    long bytes = modifiedUtf8Length(text);
    if (bytes > MAX_CONSTANT_BYTES) {
      problems.add(SpecProblems.atField(Message.CONSTANT_TOO_LONG, spec, field, what, bytes));
    }
  }

  /** The length of {@code text} in modified UTF-8 (JVMS 4.4.7): U+0000 and U+0080..U+07FF two bytes, others above three. */
  static long modifiedUtf8Length(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      bytes += c >= 0x0001 && c <= 0x007F ? 1 : c <= 0x07FF ? 2 : 3;
    }
    return bytes;
  }
}
