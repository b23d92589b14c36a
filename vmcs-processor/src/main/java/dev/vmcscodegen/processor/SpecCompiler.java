package dev.vmcscodegen.processor;

import com.palantir.javapoet.JavaFile;
import dev.vmcscodegen.encoding.VmcsCategory;
import dev.vmcscodegen.encoding.VmcsWidth;
import dev.vmcscodegen.problem.Problem;
import dev.vmcscodegen.problem.Problems;
import dev.vmcscodegen.processor.internal.check.BaseCollisionCheck;
import dev.vmcscodegen.processor.internal.check.Check;
import dev.vmcscodegen.processor.internal.check.Checks;
import dev.vmcscodegen.processor.internal.check.JavaNameCheck;
import dev.vmcscodegen.processor.internal.codegen.SpecGenerator;
import dev.vmcscodegen.processor.internal.model.FieldDef;
import dev.vmcscodegen.processor.internal.model.FieldGroup;
import dev.vmcscodegen.processor.internal.model.Message;
import dev.vmcscodegen.processor.internal.model.SpecFile;
import dev.vmcscodegen.processor.internal.model.SpecProblems;
import dev.vmcscodegen.processor.internal.spec.ReadResult;
import dev.vmcscodegen.processor.internal.spec.SpecReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The processor's one entry point besides javac: check a spec, or check it and generate its sources.
 * {@link VmcsProcessor}, the {@code vmcs fields --spec} command and any other tool call this, so the
 * same spec gives the same problems, in the same words, everywhere. The phases behind it (read, check,
 * generate, in {@code processor.internal}) are not API.
 */
public final class SpecCompiler {

  /** How problems name the base spec shipped in the processor jar. */
  public static final String BASE_NAME = "vmcs-fields.spec (base, in vmcs-processor)";

  private SpecCompiler() {}

  /**
   * Reads and checks a spec without generating anything.
   *
   * @param fileName how the spec is named in problems ({@code FILE:LINE})
   * @param content the spec's text
   * @param extendsBase whether the spec adds fields to the base spec (then it must reuse none of its
   *     encodings, nor a name within a group)
   * @param prefix the type-name prefix the generated types would get, such as {@code Vmcs}
   * @return every problem, by line, and the fields that were read; no sources
   */
  public static SpecCompilation check(String fileName, String content, boolean extendsBase, String prefix) {
    return run(fileName, content, extendsBase, prefix, null);
  }

  /**
   * Reads and checks a spec and, when it has no problem, generates its sources.
   *
   * @param packageName the package to generate into, empty for the unnamed package
   * @return every problem, by line, the fields, and the generated sources (none when there are problems)
   * @see #check
   */
  public static SpecCompilation compile(String fileName, String content, boolean extendsBase,
      String packageName, String prefix) {
    return run(fileName, content, extendsBase, prefix, Objects.requireNonNull(packageName, "packageName"));
  }

  /**
   * Sources for a spec that has problems, for a compiler that goes on after them (javac): the types
   * generated from the field lines that have no problem, so that code naming the generated types is not
   * buried under {@code cannot find symbol} errors that only repeat the spec's problems. They are never
   * the spec's output: the caller reports every problem as an error, so nothing compiled from them is
   * ever used. Dropping lines only removes fields, so what is left breaks no rule (a duplicate's second
   * line is the one dropped). Empty when a problem concerns the whole spec (prefix, unreadable, empty)
   * rather than lines; the regular sources when the spec has no problem.
   *
   * @see #compile
   */
  public static List<GeneratedSource> recoverySources(String fileName, String content, boolean extendsBase,
      String packageName, String prefix) {
    SpecCompilation compiled = compile(fileName, content, extendsBase, packageName, prefix);
    if (compiled.succeeded()) {
      return compiled.sources();
    }
    Set<Integer> badLines = new HashSet<>();
    for (Problem problem : compiled.problems()) {
      if (problem.line() == 0 || problem.kind() == Message.EMPTY_SPEC) {
        return List.of();
      }
      badLines.add(problem.line());
    }
    SpecFile read = SpecReader.read(fileName, content).spec();
    SpecFile clean = new SpecFile(read.fileName(), read.groups(),
        read.fields().stream().filter(field -> !badLines.contains(field.line())).toList());
    return sources(clean, packageName, prefix);
  }

  /**
   * The problem of a spec that could not be read, for a tool that reads spec files itself (the Maven
   * plugin): {@code FILE: [VmcsSpecUnreadable] cannot read spec file FILE: REASON}.
   *
   * @param fileName how the spec is named in problems
   * @param reason why it could not be read, such as "no such file"
   */
  public static Problem unreadable(String fileName, String reason) {
    return SpecProblems.general(Message.SPEC_UNREADABLE, fileName, fileName, reason);
  }

  private static SpecCompilation run(String fileName, String content, boolean extendsBase, String prefix,
      String packageName) {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(prefix, "prefix");
    List<Problem> problems = new ArrayList<>();
    String sampleType = FieldGroup.typeName(prefix, VmcsCategory.GUEST, VmcsWidth.NATURAL);
    if (!JavaNameCheck.isJavaName(sampleType) || !JavaNameCheck.isJavaName(prefix + "Fields")) {
      problems.add(SpecProblems.general(Message.INVALID_PREFIX, fileName, prefix, sampleType));
    }
    ReadResult read = SpecReader.read(fileName, content);
    problems.addAll(read.problems());
    List<Check> checks = new ArrayList<>(Checks.standard());
    if (extendsBase) {
      try {
        checks.add(new BaseCollisionCheck(SpecReader.read(BASE_NAME, BaseSpec.read()).spec()));
      } catch (IOException e) {
        problems.add(SpecProblems.general(Message.SPEC_UNREADABLE, "", BaseSpec.RESOURCE, e.getMessage()));
      }
    }
    problems.addAll(Checks.run(read.spec(), checks));
    List<SpecField> fields = read.spec().fields().stream().map(field -> field(field, prefix)).toList();
    List<Problem> sorted = Problems.sorted(problems);
    if (!sorted.isEmpty() || packageName == null) {
      return new SpecCompilation(sorted, fields, List.of());
    }
    return new SpecCompilation(List.of(), fields, sources(read.spec(), packageName, prefix));
  }

  private static List<GeneratedSource> sources(SpecFile spec, String packageName, String prefix) {
    List<GeneratedSource> sources = new ArrayList<>();
    for (JavaFile file : SpecGenerator.generate(spec, packageName, prefix)) {
      String name = file.packageName().isEmpty() ? file.typeSpec().name()
          : file.packageName() + "." + file.typeSpec().name();
      sources.add(new GeneratedSource(name, file.toString()));
    }
    return sources;
  }

  private static SpecField field(FieldDef field, String prefix) {
    return new SpecField(field.name(), field.encoding(), field.category(), field.width(),
        field.group().typeName(prefix), field.encodingConstantName(), field.doc(), field.sdmReference(),
        field.line());
  }
}
