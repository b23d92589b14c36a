package dev.vmcscodegen.runtime.entry;

import dev.vmcscodegen.runtime.EntryOutcome;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The result of checking a VMCS image: every violated check, in SDM order, and every check that could
 * not be decided. The {@link #verdict()} is {@link Verdict#ENTERS} only when every check was decided and
 * none is violated; with no violation but undecided checks it is {@link Verdict#UNDECIDED}, and
 * {@link #missingInputs()} says what would decide them.
 *
 * @param violations the violated checks, in check order
 * @param notVerifiable the checks whose inputs were missing, in check order
 * @param checked how many checks were evaluated in all
 */
public record EntryReport(List<Violation> violations, List<NotVerifiable> notVerifiable, int checked) {

  /** Validates and copies. */
  public EntryReport {
    violations = List.copyOf(violations);
    notVerifiable = List.copyOf(notVerifiable);
    if (checked < violations.size() + notVerifiable.size()) {
      throw new IllegalArgumentException("checked must count every violation and undecided check");
    }
  }

  /** Whether no decided check is violated (entry may still be undecided: see {@link #verdict()}). */
  public boolean enters() {
    return violations.isEmpty();
  }

  /** Fails with any violation; enters only when every check was decided; else undecided. */
  public Verdict verdict() {
    if (!violations.isEmpty()) {
      return Verdict.FAILS;
    }
    return notVerifiable.isEmpty() ? Verdict.ENTERS : Verdict.UNDECIDED;
  }

  /** What the undecided checks lacked, each input once, in check order: the inputs that would decide them. */
  public List<String> missingInputs() {
    return notVerifiable.stream().map(NotVerifiable::missing).distinct().toList();
  }

  /**
   * What the processor reports: the outcome of the first violation in the order VM entry runs its
   * checks (27.1, then the control checks, then host state, then guest state, then MSR loading; the
   * SDM lets 27.2's checks run in any order, and this follows Bochs and KVM: controls first). Empty
   * when the image would enter.
   */
  public Optional<EntryOutcome> outcome() {
    Optional<Violation> first = violations.stream()
        .min((a, b) -> Integer.compare(a.check().area().ordinal(), b.check().area().ordinal()));
    if (first.isPresent() && first.get().check().area() == CheckArea.MSR_LOADING) {
      // MSR loading stops at the first failing entry (27.4): the lowest index is reported.
      return violations.stream().filter(v -> v.check().area() == CheckArea.MSR_LOADING)
          .map(Violation::outcome).min(Comparator.comparingLong(EntryReport::exitQualification));
    }
    return first.map(Violation::outcome);
  }

  /** The ids of the violated checks. */
  public List<String> violatedIds() {
    return violations.stream().map(v -> v.check().id()).toList();
  }

  /** The ids of the checks that could not be decided. */
  public List<String> notVerifiableIds() {
    return notVerifiable.stream().map(n -> n.check().id()).toList();
  }

  /**
   * The report as a diagnosis: the verdict, one paragraph per violation (what the SDM requires, the
   * values seen, what the processor does, how to fix it), then the checks that could not be decided.
   */
  public String diagnosis() {
    StringBuilder text = new StringBuilder();
    if (verdict() == Verdict.ENTERS) {
      text.append("VM entry would succeed: every one of the ").append(checked)
          .append(" checks was decided and none is violated.\n");
    } else if (verdict() == Verdict.UNDECIDED) {
      text.append("VM entry undecided: none of the ").append(checked - notVerifiable.size())
          .append(" decided checks is violated, but ").append(notVerifiable.size())
          .append(" could not be decided; they need:\n");
      missingInputs().forEach(input -> text.append("  ").append(input).append('\n'));
    } else {
      text.append("VM entry would fail: ").append(outcome().orElseThrow().describe()).append(".\n")
          .append(violations.size()).append(violations.size() == 1 ? " check is" : " checks are")
          .append(" violated:\n");
      for (Violation violation : violations) {
        Check check = violation.check();
        text.append('\n').append(check.id()).append(" (SDM Vol. 3C ").append(check.sdmSection()).append("): ")
            .append(violation.message()).append(" The processor would report ")
            .append(violation.outcome().describe()).append(". Fix: ").append(check.fix()).append('\n');
      }
    }
    if (!notVerifiable.isEmpty()) {
      text.append('\n').append(notVerifiable.size()).append(" checks could not be decided:\n");
      for (NotVerifiable undecided : notVerifiable) {
        text.append("  ").append(undecided.check().id()).append(": ").append(undecided.missing()).append('\n');
      }
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return "EntryReport[enters=" + enters() + ", violations=" + violatedIds() + ", notVerifiable="
        + notVerifiableIds() + "]";
  }

  private static long exitQualification(EntryOutcome outcome) {
    return outcome instanceof EntryOutcome.EntryFailure failure ? failure.exitQualification() : 0;
  }

  /** A report with no checks (for tests and empty check lists). */
  static EntryReport empty() {
    return new EntryReport(List.of(), List.of(), 0);
  }

}
