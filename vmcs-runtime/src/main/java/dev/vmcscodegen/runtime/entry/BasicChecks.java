package dev.vmcscodegen.runtime.entry;

import dev.vmcscodegen.runtime.LaunchState;
import dev.vmcscodegen.runtime.EntryOutcome;
import java.util.List;

/**
 * The basic VM-entry checks, SDM Vol. 3C 27.1 (26.1 before 2023): processor state, not VMCS fields.
 * They fail with VMfailValid before any check of 27.2.
 */
final class BasicChecks {

  private static final String SECTION = "27.1";

  static final List<Check> ROWS = List.of(
      new Check("basic-movss-blocking", SECTION, CheckArea.BASIC, List.of(),
          "Events must not be blocked by MOV SS at the VMLAUNCH or VMRESUME instruction.",
          "Do not place VMLAUNCH/VMRESUME directly after MOV SS or POP SS.",
          s -> !s.facts().eventsBlockedByMovSs(), EntryOutcome.ERROR_26),
      new Check("basic-vmlaunch-launch-state", SECTION, CheckArea.BASIC, List.of(),
          "VMLAUNCH requires the current VMCS to be clear.",
          "Use VMRESUME for a launched VMCS, or VMCLEAR and reload it before VMLAUNCH.",
          s -> s.facts().instruction() != EntryInstruction.VMLAUNCH || s.facts().launchState() == LaunchState.CLEAR,
          EntryOutcome.ERROR_4),
      new Check("basic-vmresume-launch-state", SECTION, CheckArea.BASIC, List.of(),
          "VMRESUME requires the current VMCS to be launched.",
          "Use VMLAUNCH for the first entry with a VMCS after VMCLEAR.",
          s -> s.facts().instruction() != EntryInstruction.VMRESUME
              || s.facts().launchState() == LaunchState.LAUNCHED,
          EntryOutcome.ERROR_5));

  private BasicChecks() {}

  /**
   * Whether a check is one of the two launch-state checks, which a software VMCS makes itself: the basic
   * checks failing with VM-instruction error 4 (VMLAUNCH with a non-clear VMCS) or 5 (VMRESUME with a
   * non-launched VMCS), SDM Vol. 3C 31.4.
   */
  static boolean isLaunchState(Check check) {
    return check.area() == CheckArea.BASIC
        && (check.outcome().equals(EntryOutcome.ERROR_4) || check.outcome().equals(EntryOutcome.ERROR_5));
  }
}
