package dev.vmcscodegen.processor.internal.check;

import dev.vmcscodegen.processor.internal.model.SpecProblems;
import dev.vmcscodegen.encoding.VmcsEncoding;
import dev.vmcscodegen.processor.internal.model.FieldDef;
import dev.vmcscodegen.processor.internal.model.Message;
import dev.vmcscodegen.problem.Problem;
import dev.vmcscodegen.processor.internal.model.SpecFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Bit 0 of an encoding is the access type: 0 full, 1 high (bits 63:32 of a 64-bit field, SDM Vol. 3C
 * 25.11.2, Table 25-21). The spec lists full-access encodings only; the high one is full + 1.
 */
public final class AccessTypeCheck implements Check {

  @Override
  public List<Problem> check(SpecFile spec) {
    List<Problem> problems = new ArrayList<>();
    for (FieldDef field : spec.fields()) {
      if ((field.encoding() & VmcsEncoding.ACCESS_HIGH_BIT) != 0) {
        problems.add(SpecProblems.atField(Message.HIGH_ACCESS_ENCODING, spec, field, field.encodingHex(),
            FieldDef.hex(field.encoding() & ~VmcsEncoding.ACCESS_HIGH_BIT)));
      }
    }
    return problems;
  }
}
