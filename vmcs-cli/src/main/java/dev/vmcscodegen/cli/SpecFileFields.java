package dev.vmcscodegen.cli;

import dev.vmcscodegen.problem.Problem;
import dev.vmcscodegen.processor.SpecCompilation;
import dev.vmcscodegen.processor.SpecCompiler;
import dev.vmcscodegen.processor.SpecField;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The fields of a spec file, read and checked by the processor's own façade ({@link SpecCompiler}), so
 * {@code vmcs fields --spec} reports exactly the problems, in exactly the words, that javac reports for
 * {@code @VmcsSpec} on that file.
 */
final class SpecFileFields {

  private SpecFileFields() {}

  /**
   * Reads and checks {@code file}; with {@code extendsBase}, also checks that it reuses no encoding or
   * name of the base spec. Group names use {@code prefix} as the generated enums would.
   *
   * @throws InputException if the file cannot be read, or with every problem as {@code FILE:LINE: message}
   */
  static List<FieldRow> read(Path file, boolean extendsBase, String prefix) {
    SpecCompilation checked = SpecCompiler.check(file.toString(), readFile(file), extendsBase, prefix);
    if (!checked.succeeded()) {
      throw InputException.problems(checked.problems().stream().map(Problem::render).toList());
    }
    return checked.fields().stream().map(SpecFileFields::row).toList();
  }

  private static FieldRow row(SpecField field) {
    return new FieldRow(field.encoding(), field.name(), field.typeName(), field.category(), field.width(),
        field.doc(), field.sdmReference());
  }

  private static String readFile(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InputException(file + ": no such file");
    } catch (IOException e) {
      throw new InputException(file + ": cannot read: " + e.getMessage(), e);
    }
  }
}
