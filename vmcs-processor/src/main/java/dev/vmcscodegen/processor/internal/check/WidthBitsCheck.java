package dev.vmcscodegen.processor.internal.check;

import dev.vmcscodegen.processor.internal.model.SpecProblems;
import dev.vmcscodegen.processor.internal.model.FieldDef;
import dev.vmcscodegen.processor.internal.model.Message;
import dev.vmcscodegen.problem.Problem;
import dev.vmcscodegen.processor.internal.model.SpecFile;
import dev.vmcscodegen.encoding.VmcsWidth;
import java.util.ArrayList;
import java.util.List;

/**
 * Bits 14:13 of an encoding give the field's width: 0 16-bit, 1 64-bit, 2 32-bit, 3 natural-width
 * (SDM Vol. 3C 25.11.2, Table 25-21). They must agree with the group the field is listed in.
 */
public final class WidthBitsCheck implements Check {

  @Override
  public List<Problem> check(SpecFile spec) {
    List<Problem> problems = new ArrayList<>();
    for (FieldDef field : spec.fields()) {
      VmcsWidth encoded = VmcsWidth.ofEncoding(field.encoding());
      if (encoded != field.width()) {
        problems.add(SpecProblems.atField(Message.WIDTH_MISMATCH, spec, field, field.encodingHex(),
            encoded.widthBits(), encoded.specName(), field.group().header(), field.width().widthBits()));
      }
    }
    return problems;
  }
}
