package dev.vmcscodegen.runtime.entry;

import dev.vmcscodegen.runtime.EntryOutcome;
import java.util.List;
import java.util.Objects;

/**
 * A check the VMCS image fails.
 *
 * @param check the check
 * @param fields the fields the check reads, with the values seen
 * @param outcome what the processor does when only this check fails
 */
public record Violation(Check check, List<FieldValue> fields, EntryOutcome outcome) {

  /** Validates and copies. */
  public Violation {
    Objects.requireNonNull(check, "check");
    fields = List.copyOf(fields);
    Objects.requireNonNull(outcome, "outcome");
  }

  /** One line: id, section, rule and the values seen. */
  public String message() {
    StringBuilder text = new StringBuilder();
    text.append(check.rule());
    if (!fields.isEmpty()) {
      text.append(" Seen: ");
      for (int i = 0; i < fields.size(); i++) {
        text.append(i == 0 ? "" : ", ").append(fields.get(i));
      }
      text.append('.');
    }
    return text.toString();
  }
}
