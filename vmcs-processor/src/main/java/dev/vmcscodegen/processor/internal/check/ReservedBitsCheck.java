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
 * Bits 12, 15 and 31:16 of a VMCS component encoding are reserved and must be 0 (SDM Vol. 3C 25.11.2,
 * Table 25-21 "Structure of VMCS Component Encoding").
 */
public final class ReservedBitsCheck implements Check {

  @Override
  public List<Problem> check(SpecFile spec) {
    List<Problem> problems = new ArrayList<>();
    for (FieldDef field : spec.fields()) {
      int reserved = VmcsEncoding.reservedBits(field.encoding());
      if (reserved != 0) {
        problems.add(SpecProblems.atField(Message.RESERVED_ENCODING_BITS, spec, field, field.encodingHex(),
            bitList(reserved)));
      }
    }
    return problems;
  }

  /** The set bits of {@code bits} as {@code "12, 16"}, lowest first. */
  static String bitList(int bits) {
    StringBuilder list = new StringBuilder();
    for (int bit = 0; bit < Integer.SIZE; bit++) {
      if ((bits & (1 << bit)) != 0) {
        list.append(list.length() == 0 ? "" : ", ").append(bit);
      }
    }
    return list.toString();
  }
}
