package dev.vmcscodegen.processor.internal.check;

import dev.vmcscodegen.processor.internal.model.SpecProblems;
import dev.vmcscodegen.processor.internal.model.FieldDef;
import dev.vmcscodegen.processor.internal.model.Message;
import dev.vmcscodegen.problem.Problem;
import dev.vmcscodegen.processor.internal.model.SpecFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every field's constant in the generated {@code <prefix>Encodings} class has its own name
 * ({@link FieldDef#encodingConstantName}): a control field named {@code GUEST_CR0} would clash with the
 * guest's {@code CR0}, and so would one name in two widths of a category.
 */
public final class UniqueEncodingConstantCheck implements Check {

  @Override
  public List<Problem> check(SpecFile spec) {
    List<Problem> problems = new ArrayList<>();
    Map<String, FieldDef> seen = new HashMap<>();
    for (FieldDef field : spec.fields()) {
      FieldDef first = seen.putIfAbsent(field.encodingConstantName(), field);
      if (first != null && !first.group().header().equals(field.group().header())) {
        problems.add(SpecProblems.atField(Message.DUPLICATE_ENCODING_CONSTANT, spec, field,
            field.encodingConstantName(), first.name(), first.group().header(), spec.position(first.line())));
      }
    }
    return problems;
  }
}
