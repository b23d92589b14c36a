package dev.vmcscodegen.runtime.entry;

import dev.vmcscodegen.runtime.fields.VmcsFields;
import dev.vmcscodegen.runtime.EntryOutcome;
import dev.vmcscodegen.runtime.image.VmcsImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The offline VM-entry checker: runs every check of SDM Vol. 3C 27.1 to 27.3 (26.1 to 26.3 in editions
 * before 2023) on a VMCS image and reports every violation at once, each with its check id, SDM
 * section, fields and values, rule, fix and the failure the processor would report.
 *
 * <p>Checks are rows of data held by one class per area ({@link BasicChecks}, {@link
 * ExecutionControlChecks}, ...); the order is the SDM's, so reports are deterministic.
 */
public final class EntryChecker {

  private static final EntryChecker STANDARD = new EntryChecker(allChecks());

  private final List<Check> checks;

  private EntryChecker(List<Check> checks) {
    this.checks = List.copyOf(checks);
    Set<String> ids = new HashSet<>();
    for (Check check : this.checks) {
      if (!ids.add(check.id())) {
        throw new IllegalArgumentException("two checks have the id " + check.id());
      }
    }
  }

  /** The checker with every implemented check. */
  public static EntryChecker standard() {
    return STANDARD;
  }

  private static List<Check> allChecks() {
    List<Check> all = new ArrayList<>();
    all.addAll(BasicChecks.ROWS);
    all.addAll(ExecutionControlChecks.rows());
    all.addAll(ExitControlChecks.rows());
    all.addAll(EntryControlChecks.rows());
    all.addAll(HostStateChecks.rows());
    all.addAll(AddressSpaceChecks.rows());
    all.addAll(GuestRegisterChecks.rows());
    all.addAll(GuestSegmentChecks.rows());
    all.addAll(GuestDescriptorTableAndRipChecks.rows());
    all.addAll(GuestNonRegisterChecks.rows());
    all.addAll(GuestPdpteChecks.rows());
    all.addAll(MsrLoadChecks.rows());
    return all;
  }

  /** A checker running only the given checks, in the given order. */
  public static EntryChecker of(List<Check> checks) {
    return new EntryChecker(checks);
  }

  /** Every check, in order. */
  public List<Check> checks() {
    return checks;
  }

  /** Checks an image without physical memory: checks that read memory are not verifiable. */
  public EntryReport check(VmcsImage image, EntryCapabilities capabilities, ProcessorFacts facts) {
    return check(image, capabilities, facts, null);
  }

  /**
   * Checks an image.
   *
   * @param memory physical memory, or null when none is available
   */
  public EntryReport check(VmcsImage image, EntryCapabilities capabilities, ProcessorFacts facts,
      PhysicalMemory memory) {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(capabilities, "capabilities");
    Objects.requireNonNull(facts, "facts");
    List<Violation> violations = new ArrayList<>();
    List<NotVerifiable> notVerifiable = new ArrayList<>();
    for (Check check : checks) {
      EntryState state = new EntryState(image, capabilities, facts, memory);
      try {
        if (!check.condition().holds(state)) {
          EntryOutcome outcome = check.outcome();
          if (state.qualification().isPresent()) {
            if (!(outcome instanceof EntryOutcome.EntryFailure failure)) {
              throw new IllegalStateException(check.id() + " sets an exit qualification but fails with "
                  + outcome.describe());
            }
            outcome = failure.withExitQualification(state.qualification().getAsLong());
          }
          violations.add(new Violation(check, seen(check, image), outcome));
        }
      } catch (MissingInputException missing) {
        notVerifiable.add(new NotVerifiable(check, missing.getMessage()));
      }
    }
    return new EntryReport(violations, notVerifiable, checks.size());
  }

  /** The fields a check read while evaluating it on the inputs: for tests of the declared field lists. */
  static Set<Integer> fieldsRead(Check check, VmcsImage image, EntryCapabilities capabilities,
      ProcessorFacts facts, PhysicalMemory memory) {
    EntryState state = new EntryState(image, capabilities, facts, memory);
    try {
      check.condition().holds(state);
    } catch (MissingInputException missing) {
      // The reads up to the missing input are still the check's.
    }
    return state.reads();
  }

  private static List<FieldValue> seen(Check check, VmcsImage image) {
    return check.fields().stream()
        .map(encoding -> new FieldValue(encoding, VmcsFields.CATALOG.nameOf(encoding), image.value(encoding)))
        .collect(Collectors.toList());
  }

  /** How many checks each SDM section has, in check order. */
  public Map<String, Long> countBySection() {
    return checks.stream().collect(Collectors.groupingBy(Check::sdmSection,
        java.util.LinkedHashMap::new, Collectors.counting()));
  }
}
