package dev.vmcscodegen.processor.check;

import dev.vmcscodegen.processor.model.Category;
import dev.vmcscodegen.processor.model.FieldDef;
import dev.vmcscodegen.processor.model.Message;
import dev.vmcscodegen.processor.model.Problem;
import dev.vmcscodegen.processor.model.SpecFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Bits 11:10 of an encoding give the field's type: 0 control, 1 VM-exit information (read-only),
 * 2 guest state, 3 host state (SDM Vol. 3C 25.11.2, Table 25-21). They must agree with the group.
 */
public final class TypeBitsCheck implements Check {

  /** Bits 11:10 (Table 25-21). */
  public static final int TYPE_SHIFT = 10;

  @Override
  public List<Problem> check(SpecFile spec) {
    List<Problem> problems = new ArrayList<>();
    for (FieldDef field : spec.fields()) {
      Category encoded = Category.fromTypeBits(field.encoding() >>> TYPE_SHIFT);
      if (encoded != field.category()) {
        problems.add(Problem.atField(Message.TYPE_MISMATCH, spec, field, field.encodingHex(),
            encoded.typeBits(), encoded.specName(), field.group().header(), field.category().typeBits()));
      }
    }
    return problems;
  }
}
