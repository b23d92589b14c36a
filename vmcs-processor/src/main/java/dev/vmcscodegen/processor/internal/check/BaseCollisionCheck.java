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
import java.util.Objects;

/**
 * An extension spec ({@code extendsBase = true}) adds fields to the base spec: it may not reuse a base
 * encoding (one component, one encoding; SDM Vol. 3C 25.11.2) nor a base name in the same group (the
 * two catalogs are combined with {@code VmcsCatalog.plus}).
 */
public final class BaseCollisionCheck implements Check {

  private final SpecFile base;

  /** A check against {@code base}, the spec shipped with the processor. */
  public BaseCollisionCheck(SpecFile base) {
    this.base = Objects.requireNonNull(base, "base");
  }

  @Override
  public List<Problem> check(SpecFile spec) {
    Map<Integer, FieldDef> byEncoding = new HashMap<>();
    Map<String, FieldDef> byName = new HashMap<>();
    for (FieldDef field : base.fields()) {
      byEncoding.putIfAbsent(field.encoding(), field);
      byName.putIfAbsent(field.group().header() + " " + field.name(), field);
    }
    List<Problem> problems = new ArrayList<>();
    for (FieldDef field : spec.fields()) {
      FieldDef sameEncoding = byEncoding.get(field.encoding());
      if (sameEncoding != null) {
        problems.add(SpecProblems.atField(Message.BASE_ENCODING_COLLISION, spec, field, field.encodingHex(),
            sameEncoding.group().typeName("Vmcs") + "." + sameEncoding.name(), base.position(sameEncoding.line())));
      }
      FieldDef sameName = byName.get(field.group().header() + " " + field.name());
      if (sameName != null) {
        problems.add(SpecProblems.atField(Message.BASE_NAME_COLLISION, spec, field, field.name(),
            field.group().header(), base.position(sameName.line())));
      }
    }
    return problems;
  }
}
