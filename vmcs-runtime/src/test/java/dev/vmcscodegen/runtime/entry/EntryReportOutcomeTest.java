package dev.vmcscodegen.runtime.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.runtime.EntryOutcome;
import dev.vmcscodegen.runtime.VmxInstructionError;
import dev.vmcscodegen.runtime.fields.VmcsEncodings;
import dev.vmcscodegen.runtime.image.VmcsImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The report, its outcome ordering and diagnosis text, violations, outcomes and check rows, on small
 * hand-made checks so every count and boundary is exact.
 */
class EntryReportOutcomeTest {

  private static final Condition HOLDS = s -> true;

  private static Check check(String id, CheckArea area) {
    return Check.of(id, area.sdmSection(), area, "Rule of " + id + ".", "Fix " + id + ".", HOLDS);
  }

  private static Violation violation(String id, CheckArea area, EntryOutcome outcome) {
    return new Violation(check(id, area), List.of(), outcome);
  }

  private static Violation violation(String id, CheckArea area) {
    Check check = check(id, area);
    return new Violation(check, List.of(), check.outcome());
  }

  private static NotVerifiable undecided(String id) {
    return new NotVerifiable(check(id, CheckArea.GUEST_STATE), "VmcsGuestNW.RIP (0x681E) is absent");
  }

  // EntryReport: the count invariant.

  @Test
  void checkedMustCountEveryViolationAndUndecidedCheckExactly() {
    List<Violation> one = List.of(violation("a", CheckArea.GUEST_STATE));
    List<NotVerifiable> two = List.of(undecided("b"), undecided("c"));
    assertEquals(3, new EntryReport(one, two, 3).checked());
    IllegalArgumentException low = assertThrows(IllegalArgumentException.class,
        () -> new EntryReport(one, two, 2));
    assertEquals("checked must count every violation and undecided check", low.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new EntryReport(one, List.of(), 0));
  }

  @Test
  void emptyReportEntersWithNothingChecked() {
    EntryReport empty = EntryReport.empty();
    assertTrue(empty.enters());
    assertEquals(0, empty.checked());
    assertEquals(List.of(), empty.violations());
    assertEquals(List.of(), empty.notVerifiable());
    assertEquals(Verdict.ENTERS, empty.verdict());
    assertEquals("VM entry would succeed: every one of the 0 checks was decided and none is violated.\n",
        empty.diagnosis());
  }

  // EntryReport: the outcome is the first failure in the order VM entry runs its checks.

  @Test
  void earlierAreaDecidesTheOutcomeWhateverTheListOrder() {
    // MSR loading (27.4) runs after the guest-state checks (27.3): the guest failure is reported.
    EntryReport report = new EntryReport(List.of(
        violation("msr", CheckArea.MSR_LOADING, EntryOutcome.msrLoading(3)),
        violation("guest", CheckArea.GUEST_STATE, EntryOutcome.invalidGuestState(4))), List.of(), 2);
    assertEquals(EntryOutcome.invalidGuestState(4), report.outcome().orElseThrow());
    // Host state (27.2.2) runs before the guest-state checks: VMfailValid 8.
    EntryReport hostLast = new EntryReport(List.of(violation("guest", CheckArea.GUEST_STATE),
        violation("host", CheckArea.HOST_STATE)), List.of(), 2);
    assertEquals(EntryOutcome.ERROR_8, hostLast.outcome().orElseThrow());
  }

  @Test
  void msrLoadingReportsTheLowestFailingEntry() {
    // SDM Vol. 3C 27.4: MSR loading stops at the first failing entry; 27.8: its 1-based index is the
    // exit qualification.
    EntryReport report = new EntryReport(List.of(
        violation("msr-b", CheckArea.MSR_LOADING, EntryOutcome.msrLoading(5)),
        violation("msr-a", CheckArea.MSR_LOADING, EntryOutcome.msrLoading(2))), List.of(), 2);
    assertEquals(EntryOutcome.msrLoading(2), report.outcome().orElseThrow());
  }

  // EntryReport: the diagnosis text.

  @Test
  void undecidedDiagnosisCountsOnlyDecidedChecksAndListsWhatWouldDecideTheRest() {
    EntryReport report = new EntryReport(List.of(), List.of(undecided("guest-rip-canonical"),
        undecided("guest-link-ptr-align")), 5);
    assertEquals(Verdict.UNDECIDED, report.verdict());
    assertEquals(List.of("VmcsGuestNW.RIP (0x681E) is absent"), report.missingInputs());
    assertEquals("""
        VM entry undecided: none of the 3 decided checks is violated, but 2 could not be decided; they need:
          VmcsGuestNW.RIP (0x681E) is absent

        2 checks could not be decided:
          guest-rip-canonical: VmcsGuestNW.RIP (0x681E) is absent
          guest-link-ptr-align: VmcsGuestNW.RIP (0x681E) is absent
        """, report.diagnosis());
  }

  @Test
  void failingDiagnosisSaysCheckIsForOneAndChecksAreForTwo() {
    Violation vpid = violation("ctl-vpid-nonzero", CheckArea.EXECUTION_CONTROLS);
    String one = new EntryReport(List.of(vpid), List.of(), 4).diagnosis();
    // SDM Vol. 3C 31.4, Table 31-1: error 7 = VM entry with invalid control field(s).
    assertEquals("""
        VM entry would fail: VMfailValid(7): VM entry with invalid control field(s).
        1 check is violated:

        ctl-vpid-nonzero (SDM Vol. 3C 27.2.1.1): Rule of ctl-vpid-nonzero. The processor would report \
        VMfailValid(7): VM entry with invalid control field(s). Fix: Fix ctl-vpid-nonzero.
        """, one);
    String two = new EntryReport(List.of(vpid, violation("host-tr-nonzero", CheckArea.HOST_STATE)), List.of(), 4)
        .diagnosis();
    assertTrue(two.contains("\n2 checks are violated:\n"), two);
    assertTrue(two.contains("\nhost-tr-nonzero (SDM Vol. 3C 27.2.2-27.2.4): "), two);
    assertFalse(two.contains("could not be decided"), two);
  }

  @Test
  void toStringNamesVerdictAndIds() {
    EntryReport report = new EntryReport(List.of(violation("guest-rflags-bit1", CheckArea.GUEST_STATE)),
        List.of(undecided("guest-rip-canonical")), 2);
    assertEquals("EntryReport[enters=false, violations=[guest-rflags-bit1], notVerifiable=[guest-rip-canonical]]",
        report.toString());
  }

  // Violation.

  @Test
  void violationMessageListsTheSeenFieldsCommaSeparated() {
    Check check = check("guest-cr0-fixed", CheckArea.GUEST_STATE);
    Violation two = new Violation(check, List.of(
        new FieldValue(0x6800, "VmcsGuestNW.CR0", OptionalLong.of(0x30)),
        new FieldValue(0x681E, "VmcsGuestNW.RIP", OptionalLong.empty())), check.outcome());
    assertEquals("Rule of guest-cr0-fixed. Seen: VmcsGuestNW.CR0 (0x6800) = 0x30, VmcsGuestNW.RIP (0x681E) = absent.",
        two.message());
    assertEquals("Rule of guest-cr0-fixed.", new Violation(check, List.of(), check.outcome()).message());
  }

  // EntryOutcome.

  @Test
  void onlyVmEntryFailuresCarryAQualification() {
    // VMfailValid has no exit qualification (SDM Vol. 3C 31.2): the type has none, and a check that sets
    // one while failing with VMfailValid is a bug in the check, reported as such.
    assertEquals(4, EntryOutcome.invalidGuestState(4).exitQualification());
    assertEquals(EntryOutcome.entryFailure(34, 9),
        EntryOutcome.msrLoading(1).withExitQualification(9));
    Check qualifiedControl = Check.of("ctl-q", "27.2.1.1", CheckArea.EXECUTION_CONTROLS, "rule", "fix", s -> {
      s.qualify(1);
      return false;
    });
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> EntryChecker.of(
        List.of(qualifiedControl)).check(VmcsImage.empty(), Baselines.capabilities(), ProcessorFacts.defaults()));
    assertEquals("ctl-q sets an exit qualification but fails with VMfailValid(7): VM entry with invalid"
        + " control field(s)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> EntryOutcome.vmFailValid(null));
  }

  @Test
  void checkOutcomeIsAFailure() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Check("c", "27.1",
        CheckArea.BASIC, List.of(), "rule", "fix", HOLDS, EntryOutcome.entered()));
    assertEquals("check c: a check's outcome is a failure, not entered", e.getMessage());
  }

  @Test
  void failValidIsVmFailValidWithoutQualification() {
    // SDM Vol. 3C 31.4, Table 31-1: 12 = VMREAD/VMWRITE from/to unsupported VMCS component.
    EntryOutcome twelve = EntryOutcome.vmFailValid(VmxInstructionError.fromNumber(12));
    assertEquals(new EntryOutcome.VmFailValid(VmxInstructionError.UNSUPPORTED_VMCS_COMPONENT), twelve);
    assertEquals("error-12", twelve.code());
    assertEquals("VMfailValid(12): VMREAD/VMWRITE from/to unsupported VMCS component", twelve.describe());
  }

  @Test
  void entryFailureDescriptionNamesReasonAndQualification() {
    // SDM Vol. 3C 27.8: exit reason bit 31 set over basic reason 33 (0x21) or 34 (0x22).
    assertEquals("VM exit with exit reason 0x80000022 (VM-entry failure due to MSR loading, entry 2)",
        EntryOutcome.msrLoading(2).describe());
    // Table 28-1: qualification 4 = invalid VMCS link pointer.
    assertEquals("VM exit with exit reason 0x80000021 (VM-entry failure due to invalid guest state,"
        + " exit qualification 4)", EntryOutcome.invalidGuestState(4).describe());
  }

  // Check and CheckArea.

  @Test
  void checkIdMustBeLowerCaseWordsWithAnOptionalRegister() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Check("Guest_CR0", "27.3.1.1",
        CheckArea.GUEST_STATE, List.of(), "rule", "fix", HOLDS, EntryOutcome.invalidGuestState(0)));
    assertEquals("check id 'Guest_CR0' is not lower-case words joined by '-'", e.getMessage());
    assertEquals("guest-ar-type:cs", new Check("guest-ar-type:cs", "27.3.1.2", CheckArea.GUEST_STATE, List.of(),
        "rule", "fix", HOLDS, EntryOutcome.invalidGuestState(0)).id());
  }

  @Test
  void checkOfKeepsTheFieldsInOrderAndTakesTheOutcomeOfItsArea() {
    Check vpid = Check.of("ctl-x", "27.2.1.1", CheckArea.EXECUTION_CONTROLS, "rule", "fix", HOLDS,
        VmcsEncodings.PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS, VmcsEncodings.VIRTUAL_PROCESSOR_ID);
    assertEquals(List.of(VmcsEncodings.PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS, VmcsEncodings.VIRTUAL_PROCESSOR_ID),
        vpid.fields());
    assertEquals(List.of(VmcsEncodings.GUEST_RIP),
        Check.of("g", "27.3.1.4", CheckArea.GUEST_STATE, "r", "f", HOLDS, VmcsEncodings.GUEST_RIP).fields());
    assertEquals(List.of(), Check.of("g", "27.3.1.4", CheckArea.GUEST_STATE, "r", "f", HOLDS).fields());
    // SDM Vol. 3C 27.2: control checks fail with error 7, host-state checks with error 8; 27.8: guest
    // state with exit reason 33, MSR loading with exit reason 34.
    Map<CheckArea, EntryOutcome> expected = new LinkedHashMap<>();
    expected.put(CheckArea.EXECUTION_CONTROLS, EntryOutcome.ERROR_7);
    expected.put(CheckArea.EXIT_CONTROLS, EntryOutcome.ERROR_7);
    expected.put(CheckArea.ENTRY_CONTROLS, EntryOutcome.ERROR_7);
    expected.put(CheckArea.HOST_STATE, EntryOutcome.ERROR_8);
    expected.put(CheckArea.GUEST_STATE, new EntryOutcome.EntryFailure(33, 0));
    expected.put(CheckArea.MSR_LOADING, new EntryOutcome.EntryFailure(34, 0));
    expected.forEach((area, outcome) ->
        assertEquals(outcome, Check.of("c", "x", area, "r", "f", HOLDS).outcome(), area.name()));
    assertThrows(IllegalArgumentException.class, () -> Check.of("c", "27.1", CheckArea.BASIC, "r", "f", HOLDS));
  }

  @Test
  void withOutcomeChangesOnlyTheOutcome() {
    Check link = Check.of("guest-link", "27.3.1.5", CheckArea.GUEST_STATE, "rule", "fix", HOLDS,
        VmcsEncodings.GUEST_VMCS_LINK_POINTER);
    Check four = link.withOutcome(EntryOutcome.invalidGuestState(EntryOutcome.QUALIFICATION_LINK_POINTER));
    assertEquals(new Check("guest-link", "27.3.1.5", CheckArea.GUEST_STATE, List.of(VmcsEncodings.GUEST_VMCS_LINK_POINTER),
        "rule", "fix", HOLDS, EntryOutcome.invalidGuestState(4)), four);
  }

  @Test
  void areasNameTheirSdmSections() {
    // SDM Vol. 3C 27.1 basic checks; 27.2.1.1-3 controls; 27.2.2-27.2.4 host state; 27.3.1 guest
    // state; 27.4 MSR loading.
    assertEquals(List.of("27.1", "27.2.1.1", "27.2.1.2", "27.2.1.3", "27.2.2-27.2.4", "27.3.1", "27.4"),
        java.util.Arrays.stream(CheckArea.values()).map(CheckArea::sdmSection).toList());
  }

  // EntryChecker on a hand-made list.

  @Test
  void customCheckerRunsItsChecksInOrderAndCountsBySection() {
    Check a = check("ctl-a", CheckArea.EXECUTION_CONTROLS);
    Check b = check("guest-b", CheckArea.GUEST_STATE);
    Check c = check("ctl-c", CheckArea.EXECUTION_CONTROLS);
    EntryChecker checker = EntryChecker.of(List.of(a, b, c));
    assertEquals(List.of(a, b, c), checker.checks());
    Map<String, Long> expected = new LinkedHashMap<>();
    expected.put("27.2.1.1", 2L);
    expected.put("27.3.1", 1L);
    assertEquals(expected, checker.countBySection());
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(checker.countBySection().keySet()));
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> EntryChecker.of(List.of(a, b, a)));
    assertEquals("two checks have the id ctl-a", twice.getMessage());
  }

  @Test
  void fieldsReadIncludesTheReadThatWasMissing() {
    Check rip = Check.of("guest-two-reads", "27.3.1.4", CheckArea.GUEST_STATE, "r", "f",
        s -> s.field(VmcsEncodings.GUEST_CR0) != 0 && s.field(VmcsEncodings.GUEST_RIP) != 0,
        VmcsEncodings.GUEST_CR0, VmcsEncodings.GUEST_RIP);
    VmcsImage image = VmcsImage.empty().with(VmcsEncodings.GUEST_CR0, 0x31);
    assertEquals(Set.of(VmcsEncodings.GUEST_CR0, VmcsEncodings.GUEST_RIP),
        EntryChecker.fieldsRead(rip, image, Baselines.capabilities(), ProcessorFacts.defaults(), null));
    EntryReport report = EntryChecker.of(List.of(rip)).check(image, Baselines.capabilities(),
        ProcessorFacts.defaults());
    assertEquals(List.of("guest-two-reads"), report.notVerifiableIds());
    assertEquals("VmcsGuestNW.RIP (0x681E) is absent", report.notVerifiable().get(0).missing());
  }
}
