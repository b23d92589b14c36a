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
 * A name is unique within its category and width: they become constants of one enum (the guest's and
 * the host's {@code CR0} live in different enums and may share it).
 */
public final class UniqueNameCheck implements Check {

  @Override
  public List<Problem> check(SpecFile spec) {
    List<Problem> problems = new ArrayList<>();
    Map<String, FieldDef> seen = new HashMap<>();
    for (FieldDef field : spec.fields()) {
      String key = field.group().header() + " " + field.name();
      FieldDef first = seen.putIfAbsent(key, field);
      if (first != null) {
        problems.add(SpecProblems.atField(Message.DUPLICATE_NAME, spec, field, field.group().header(),
            spec.position(first.line())));
      }
    }
    return problems;
  }
}
