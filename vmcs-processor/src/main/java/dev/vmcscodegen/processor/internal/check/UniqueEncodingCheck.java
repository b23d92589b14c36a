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
 * An encoding names one VMCS component (SDM Vol. 3C 25.11.2): listed twice anywhere in a spec, two
 * constants would read and write the same field.
 */
public final class UniqueEncodingCheck implements Check {

  @Override
  public List<Problem> check(SpecFile spec) {
    List<Problem> problems = new ArrayList<>();
    Map<Integer, FieldDef> seen = new HashMap<>();
    for (FieldDef field : spec.fields()) {
      FieldDef first = seen.putIfAbsent(field.encoding(), field);
      if (first != null) {
        problems.add(SpecProblems.atField(Message.DUPLICATE_ENCODING, spec, field, field.encodingHex(),
            first.name(), spec.position(first.line())));
      }
    }
    return problems;
  }
}
