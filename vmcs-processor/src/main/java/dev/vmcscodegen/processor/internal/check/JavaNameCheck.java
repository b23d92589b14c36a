package dev.vmcscodegen.processor.internal.check;

import dev.vmcscodegen.processor.internal.model.SpecProblems;
import dev.vmcscodegen.processor.internal.model.FieldDef;
import dev.vmcscodegen.processor.internal.model.Message;
import dev.vmcscodegen.problem.Problem;
import dev.vmcscodegen.processor.internal.model.SpecFile;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.SourceVersion;

/**
 * A field name becomes an enum constant, so it must be a Java identifier and not a keyword (JLS 3.8,
 * 3.9), nor the name of a field the generated enum declares itself; and it has no code point javac ignores
 * in identifiers (JLS 3.8: two names differing only by one would collide in the generated code).
 */
public final class JavaNameCheck implements Check {

  /**
   * The fields every generated enum has besides its constants: the private fields of
   * {@code codegen.FieldEnumGenerator}.
   */
  public static final List<String> GENERATED_FIELDS = List.of("encoding", "doc", "sdmReference");

  @Override
  public List<Problem> check(SpecFile spec) {
    List<Problem> problems = new ArrayList<>();
    for (FieldDef field : spec.fields()) {
      int ignorable = field.name().codePoints().filter(Character::isIdentifierIgnorable).findFirst().orElse(-1);
      if (ignorable >= 0) {
        problems.add(SpecProblems.atField(Message.IGNORABLE_IN_NAME, spec, field, quote(field.name()), ignorable));
      } else if (!isJavaName(field.name()) || GENERATED_FIELDS.contains(field.name())) {
        problems.add(SpecProblems.atField(Message.INVALID_NAME, spec, field, quote(field.name()),
            String.join(", ", GENERATED_FIELDS)));
      }
    }
    return problems;
  }

  /** Whether {@code name} can name a Java constant or type: an identifier that is no keyword or literal. */
  public static boolean isJavaName(String name) {
    return SourceVersion.isIdentifier(name) && !SourceVersion.isKeyword(name, SourceVersion.RELEASE_17);
  }

  private static String quote(String name) {
    return "\"" + name + "\"";
  }
}
