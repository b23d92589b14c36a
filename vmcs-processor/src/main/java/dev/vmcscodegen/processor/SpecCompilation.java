package dev.vmcscodegen.processor;

import com.palantir.javapoet.JavaFile;
import dev.vmcscodegen.processor.check.BaseCollisionCheck;
import dev.vmcscodegen.processor.check.Check;
import dev.vmcscodegen.processor.check.Checks;
import dev.vmcscodegen.processor.check.JavaNameCheck;
import dev.vmcscodegen.processor.codegen.SpecGenerator;
import dev.vmcscodegen.encoding.VmcsCategory;
import dev.vmcscodegen.processor.model.FieldGroup;
import dev.vmcscodegen.processor.model.Message;
import dev.vmcscodegen.processor.model.Problem;
import dev.vmcscodegen.encoding.VmcsWidth;
import dev.vmcscodegen.processor.spec.ReadResult;
import dev.vmcscodegen.processor.spec.SpecReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The phases between the spec's text and the generated files, without javac: read, check, generate.
 * Problems of any phase stop generation: a spec with a problem generates nothing.
 *
 * @param problems everything wrong with the spec, in line order
 * @param files the generated files; empty when there are problems
 */
public record SpecCompilation(List<Problem> problems, List<JavaFile> files) {

  /** How diagnostics name the base spec shipped in the processor jar. */
  public static final String BASE_NAME = "vmcs-fields.spec (base, in vmcs-processor)";

  /** Validates and freezes the parts. */
  public SpecCompilation {
    problems = List.copyOf(problems);
    files = List.copyOf(files);
  }

  /**
   * Compiles a spec.
   *
   * @param fileName how the spec is named in diagnostics and javadoc
   * @param content the spec's text
   * @param base the base spec's text when the spec extends it
   * @param packageName where to generate
   * @param prefix the type name prefix
   */
  public static SpecCompilation compile(String fileName, String content, Optional<String> base,
      String packageName, String prefix) {
    Objects.requireNonNull(fileName, "fileName");
    List<Problem> problems = new ArrayList<>();
    String sampleType = FieldGroup.typeName(prefix, VmcsCategory.GUEST, VmcsWidth.NATURAL);
    if (!JavaNameCheck.isJavaName(sampleType) || !JavaNameCheck.isJavaName(prefix + "Fields")) {
      problems.add(Problem.general(Message.INVALID_PREFIX, fileName, prefix, sampleType));
    }
    ReadResult read = SpecReader.read(fileName, content);
    problems.addAll(read.problems());
    List<Check> checks = new ArrayList<>(Checks.standard());
    base.ifPresent(text -> checks.add(new BaseCollisionCheck(SpecReader.read(BASE_NAME, text).spec())));
    problems.addAll(Checks.run(read.spec(), checks));
    problems.sort(Comparator.comparingInt(Problem::line));
    if (!problems.isEmpty()) {
      return new SpecCompilation(problems, List.of());
    }
    return new SpecCompilation(List.of(), SpecGenerator.generate(read.spec(), packageName, prefix));
  }
}
