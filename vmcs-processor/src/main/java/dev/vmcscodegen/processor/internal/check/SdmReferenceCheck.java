package dev.vmcscodegen.processor.internal.check;

import dev.vmcscodegen.processor.internal.model.SpecProblems;
import dev.vmcscodegen.processor.internal.model.FieldDef;
import dev.vmcscodegen.processor.internal.model.Message;
import dev.vmcscodegen.problem.Problem;
import dev.vmcscodegen.processor.internal.model.SpecFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Every field says where the SDM defines it (SDM Vol. 3D Appendix B lists them all): its own
 * reference after {@code |}, or its group header's.
 */
public final class SdmReferenceCheck implements Check {

  @Override
  public List<Problem> check(SpecFile spec) {
    List<Problem> problems = new ArrayList<>();
    for (FieldDef field : spec.fields()) {
      if (field.sdmReference().isBlank()) {
        problems.add(SpecProblems.atField(Message.MISSING_SDM_REFERENCE, spec, field, field.group().header()));
      }
    }
    return problems;
  }
}
