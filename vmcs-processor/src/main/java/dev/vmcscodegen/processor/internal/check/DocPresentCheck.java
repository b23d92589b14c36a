package dev.vmcscodegen.processor.internal.check;

import dev.vmcscodegen.processor.internal.model.SpecProblems;
import dev.vmcscodegen.processor.internal.model.FieldDef;
import dev.vmcscodegen.processor.internal.model.Message;
import dev.vmcscodegen.problem.Problem;
import dev.vmcscodegen.processor.internal.model.SpecFile;
import java.util.ArrayList;
import java.util.List;

/** Every field has a one-line doc: it becomes the constant's javadoc and {@code doc()} (docs/DESIGN.md). */
public final class DocPresentCheck implements Check {

  @Override
  public List<Problem> check(SpecFile spec) {
    List<Problem> problems = new ArrayList<>();
    for (FieldDef field : spec.fields()) {
      if (field.doc().isBlank()) {
        problems.add(SpecProblems.atField(Message.MISSING_DOC, spec, field));
      }
    }
    return problems;
  }
}
