package dev.vmcscodegen.runtime.entry;

import dev.vmcscodegen.runtime.EntryOutcome;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One VM-entry check as data: a stable id, the SDM section (current numbering, SDM Vol. 3C chapter 27;
 * chapter 26 in editions before 2023), the fields it reads, the rule in words, how to fix a violation,
 * the predicate, and what the processor does when it fails.
 *
 * @param id stable identifier, lower-case words joined by '-' with an optional ':register' suffix
 * @param sdmSection the section that states the rule, such as {@code 27.3.1.2}
 * @param area where in VM entry the check runs
 * @param fields encodings of every VMCS field the predicate may read, gating controls included
 * @param rule the rule, in words
 * @param fix what to change when the rule is violated
 * @param condition the predicate
 * @param outcome the failure the processor reports
 */
public record Check(String id, String sdmSection, CheckArea area, List<Integer> fields, String rule,
    String fix, Condition condition, EntryOutcome outcome) {

  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(:[a-z0-9]+)?");

  /** Validates every component. */
  public Check {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("check id '" + id + "' is not lower-case words joined by '-'");
    }
    Objects.requireNonNull(sdmSection, "sdmSection");
    Objects.requireNonNull(area, "area");
    fields = List.copyOf(fields);
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(fix, "fix");
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(outcome, "outcome");
    if (outcome instanceof EntryOutcome.Entered) {
      throw new IllegalArgumentException("check " + id + ": a check's outcome is a failure, not " + outcome.code());
    }
  }

  /** A check with the outcome its area implies: error 7, error 8, or exit 33 with qualification 0. */
  static Check of(String id, String sdmSection, CheckArea area, String rule, String fix, Condition condition,
      int... fields) {
    return new Check(id, sdmSection, area, boxed(fields), rule, fix, condition, defaultOutcome(area));
  }

  /** This check with another outcome (a guest check with a non-zero qualification). */
  Check withOutcome(EntryOutcome newOutcome) {
    return new Check(id, sdmSection, area, fields, rule, fix, condition, newOutcome);
  }

  private static EntryOutcome defaultOutcome(CheckArea area) {
    return switch (area) {
      case EXECUTION_CONTROLS, EXIT_CONTROLS, ENTRY_CONTROLS -> EntryOutcome.ERROR_7;
      case HOST_STATE -> EntryOutcome.ERROR_8;
      case GUEST_STATE -> EntryOutcome.invalidGuestState(0);
      case MSR_LOADING -> EntryOutcome.msrLoading(0);
      case BASIC -> throw new IllegalArgumentException("basic checks name their own VM-instruction error");
    };
  }

  private static List<Integer> boxed(int[] fields) {
    Integer[] boxed = new Integer[fields.length];
    for (int i = 0; i < fields.length; i++) {
      boxed[i] = fields[i];
    }
    return List.of(boxed);
  }
}
