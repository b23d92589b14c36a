package dev.vmcscodegen.cli;

import dev.vmcscodegen.processor.BaseSpec;

import dev.vmcscodegen.processor.check.BaseCollisionCheck;
import dev.vmcscodegen.processor.check.Check;
import dev.vmcscodegen.processor.check.Checks;
import dev.vmcscodegen.processor.check.JavaNameCheck;
import dev.vmcscodegen.encoding.VmcsCategory;
import dev.vmcscodegen.processor.model.FieldGroup;
import dev.vmcscodegen.processor.model.FieldDef;
import dev.vmcscodegen.processor.model.Message;
import dev.vmcscodegen.processor.model.Problem;
import dev.vmcscodegen.processor.model.SpecFile;
import dev.vmcscodegen.encoding.VmcsWidth;
import dev.vmcscodegen.processor.spec.ReadResult;
import dev.vmcscodegen.processor.spec.SpecReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The fields of a spec file, read and checked with the annotation processor's own reader and rules
 * (the same problems javac would report for {@code @VmcsSpec} on that file), as {@link FieldRow}s.
 */
final class SpecFileFields {

  /** How problems name the base spec when an extension collides with it. */
  static final String BASE_SPEC_NAME = "vmcs-fields.spec (base)";

  private SpecFileFields() {}

  /**
   * Reads and checks {@code file}; with {@code extendsBase}, also checks that it reuses no encoding or
   * name of the base spec. Group names use {@code prefix} as the generated enums would.
   *
   * @throws InputException if the file cannot be read, or with every problem as {@code FILE:LINE: message}
   */
  static List<FieldRow> read(Path file, boolean extendsBase, String prefix) {
    String content = readFile(file);
    ReadResult read = SpecReader.read(file.toString(), content);
    List<Check> checks = new ArrayList<>(Checks.standard());
    if (extendsBase) {
      checks.add(new BaseCollisionCheck(SpecReader.read(BASE_SPEC_NAME, baseSpec()).spec()));
    }
    List<Problem> problems = new ArrayList<>(read.problems());
    String sampleType = FieldGroup.typeName(prefix, VmcsCategory.GUEST, VmcsWidth.NATURAL);
    if (!JavaNameCheck.isJavaName(sampleType) || !JavaNameCheck.isJavaName(prefix + "Fields")) {
      problems.add(Problem.general(Message.INVALID_PREFIX, file.toString(), prefix, sampleType));
    }
    problems.addAll(Checks.run(read.spec(), checks));
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparingInt(Problem::line));
      throw InputException.problems(problems.stream().map(Problem::render).toList());
    }
    return rows(read.spec(), prefix);
  }

  private static List<FieldRow> rows(SpecFile spec, String prefix) {
    List<FieldRow> rows = new ArrayList<>();
    for (FieldDef field : spec.fields()) {
      rows.add(new FieldRow(field.encoding(), field.name(), field.group().typeName(prefix),
          field.category(), field.width(),
          field.doc(), field.sdmReference()));
    }
    return rows;
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

  private static String baseSpec() {
    try {
      return BaseSpec.read();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the base spec " + BaseSpec.RESOURCE, e);
    }
  }
}
