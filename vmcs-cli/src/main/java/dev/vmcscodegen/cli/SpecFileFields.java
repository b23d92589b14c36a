package dev.vmcscodegen.cli;

import dev.vmcscodegen.problem.ProblemException;
import dev.vmcscodegen.problem.TextInput;
import dev.vmcscodegen.processor.SpecCompilation;
import dev.vmcscodegen.processor.SpecCompiler;
import dev.vmcscodegen.processor.SpecField;
import java.nio.file.Path;
import java.util.List;

/**
 * The fields of a spec file, read and checked by the processor's own façade ({@link SpecCompiler}), so
 * {@code vmcs fields --spec} reports exactly the problems, in exactly the words, that javac reports for
 * {@code @VmcsSpec} on that file. The file is read through {@link TextInput}, as the processor reads it.
 */
final class SpecFileFields {

  private SpecFileFields() {}

  /**
   * Reads and checks {@code file}; with {@code extendsBase}, also checks that it reuses no encoding or
   * name of the base spec. Group names use {@code prefix} as the generated enums would.
   *
   * @throws InputException if the file cannot be read
   * @throws ProblemException with every problem of the spec, or the file's {@code InputProblem}
   */
  static List<FieldRow> read(Path file, boolean extendsBase, String prefix) {
    String text = InputFiles.read(file, TextInput::read);
    SpecCompilation checked = SpecCompiler.check(file.toString(), text, extendsBase, prefix);
    if (!checked.succeeded()) {
      throw new ProblemException(checked.problems());
    }
    return checked.fields().stream().map(SpecFileFields::row).toList();
  }

  private static FieldRow row(SpecField field) {
    return new FieldRow(field.encoding(), field.name(), field.typeName(), field.category(), field.width(),
        field.doc(), field.sdmReference());
  }
}
