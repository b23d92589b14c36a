package dev.vmcscodegen.processor.internal.check;

import dev.vmcscodegen.processor.internal.model.SpecProblems;
import dev.vmcscodegen.encoding.VmcsCategory;
import dev.vmcscodegen.processor.internal.model.FieldDef;
import dev.vmcscodegen.processor.internal.model.Message;
import dev.vmcscodegen.problem.Problem;
import dev.vmcscodegen.processor.internal.model.SpecFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Bits 11:10 of an encoding give the field's type: 0 control, 1 VM-exit information (read-only),
 * 2 guest state, 3 host state (SDM Vol. 3C 25.11.2, Table 25-21). They must agree with the group.
 */
public final class TypeBitsCheck implements Check {

  @Override
  public List<Problem> check(SpecFile spec) {
    List<Problem> problems = new ArrayList<>();
    for (FieldDef field : spec.fields()) {
      VmcsCategory encoded = VmcsCategory.ofEncoding(field.encoding());
      if (encoded != field.category()) {
        problems.add(SpecProblems.atField(Message.TYPE_MISMATCH, spec, field, field.encodingHex(),
            encoded.typeBits(), encoded.specName(), field.group().header(), field.category().typeBits()));
      }
    }
    return problems;
  }
}
