package dev.vmcscodegen.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.vmcscodegen.runtime.control.ControlBit;
import dev.vmcscodegen.runtime.control.ControlKind;
import dev.vmcscodegen.runtime.resolve.BitDecision;
import dev.vmcscodegen.runtime.resolve.ControlConflict;
import dev.vmcscodegen.runtime.resolve.ControlConflictException;
import dev.vmcscodegen.runtime.resolve.ResolvedControls;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How {@code vmcs controls} and {@code vmcs init} show resolved controls and conflicts. */
final class ControlsReport {

  private ControlsReport() {}

  /**
   * {@code {"vmm_ia32e", "fields":[{"field","name","encoding","supported","value"}],
   * "bits":[{"field","bit","name","value","reason","why"}]}}: every bit of every field.
   */
  static JsonObject json(ResolvedControls resolved) {
    JsonObject report = new JsonObject();
    report.addProperty("vmm_ia32e", resolved.intents().vmmInIa32eMode());
    JsonArray fields = new JsonArray();
    for (ControlKind kind : ControlKind.values()) {
      JsonObject field = new JsonObject();
      field.addProperty("field", CapsReport.jsonKey(kind));
      field.addProperty("name", kind.sdmName());
      field.addProperty("encoding", kind.encoding());
      field.addProperty("supported", resolved.hasField(kind));
      field.addProperty("value", resolved.hasField(kind) ? Numbers.unsigned(resolved.value(kind)) : null);
      fields.add(field);
    }
    report.add("fields", fields);
    JsonArray bits = new JsonArray();
    for (BitDecision decision : resolved.decisions()) {
      JsonObject bit = new JsonObject();
      bit.addProperty("field", CapsReport.jsonKey(decision.kind()));
      bit.addProperty("bit", decision.bit());
      bit.addProperty("name", decision.control().map(ControlBit::sdmName).orElse(null));
      bit.addProperty("value", decision.value() ? 1 : 0);
      bit.addProperty("reason", decision.reason().name().toLowerCase(Locale.ROOT));
      bit.addProperty("why", decision.why());
      bits.add(bit);
    }
    report.add("bits", bits);
    return report;
  }

  /** The input error of intents that conflict: a heading line naming the profile, then one line a conflict. */
  static InputException conflicts(String profile, ControlConflictException conflicts) {
    List<String> lines = new ArrayList<>();
    lines.add(profile + ": the control intents cannot be satisfied (" + conflicts.conflicts().size()
        + (conflicts.conflicts().size() == 1 ? " conflict)" : " conflicts)"));
    for (ControlConflict conflict : conflicts.conflicts()) {
      lines.add("  " + conflict.describe());
    }
    return InputException.lines(lines);
  }
}
