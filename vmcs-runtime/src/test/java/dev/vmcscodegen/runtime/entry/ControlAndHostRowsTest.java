package dev.vmcscodegen.runtime.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The row lists of the control, host-state and MSR-load areas, built afresh in the test: well-formed
 * rows, the SDM section of each area, field lists equal to the VMCS encodings the rules read (SDM Vol.
 * 3D Appendix B, in hex), and every tripping case of the area violating exactly its row in the fresh
 * list. {@link EntryChecker#standard()} builds these lists once, in its static initializer; this test
 * builds them again, so a change to the row-building code shows.
 */
class ControlAndHostRowsTest {

  // Encodings, SDM Vol. 3D Appendix B: B.2.1 (64-bit control fields), B.3.1 (32-bit control fields),
  // B.1.3 (16-bit host fields), B.4.4 (natural-width host fields).
  private static final int PIN = 0x4000;
  private static final int PROC = 0x4002;
  private static final int PROC2 = 0x401E;
  private static final int VMFUNC = 0x2018;

  private static Predicate<String> startsWith(String prefix) {
    return id -> id.startsWith(prefix);
  }

  /** Trip ids of ControlTrips that belong to 27.2.1.1: the ctl- rows that are not exit or entry rows. */
  private static final Predicate<String> EXECUTION = id -> id.startsWith("ctl-") && !id.startsWith("ctl-exit")
      && !id.startsWith("ctl-entry") && !id.equals("ctl-save-preempt-needs-activate");
  /** 27.2.1.2: the exit rows, with the preemption-timer rule (a VM-exit control checked against a pin control). */
  private static final Predicate<String> EXIT = id -> id.startsWith("ctl-exit")
      || id.equals("ctl-save-preempt-needs-activate");

  @Test
  void executionControlRowsAreWellFormedAndTripOnTheirCases() {
    List<Check> rows = ExecutionControlChecks.rows();
    assertWellFormed(rows, CheckArea.EXECUTION_CONTROLS, Set.of("27.2.1.1"));
    assertTripsAlone(rows, ControlTrips.all(), EXECUTION);
  }

  @Test
  void exitControlRowsAreWellFormedAndTripOnTheirCases() {
    List<Check> rows = ExitControlChecks.rows();
    assertWellFormed(rows, CheckArea.EXIT_CONTROLS, Set.of("27.2.1.2"));
    assertTripsAlone(rows, ControlTrips.all(), EXIT);
  }

  @Test
  void entryControlRowsAreWellFormedAndTripOnTheirCases() {
    List<Check> rows = EntryControlChecks.rows();
    assertWellFormed(rows, CheckArea.ENTRY_CONTROLS, Set.of("27.2.1.3"));
    assertTripsAlone(rows, ControlTrips.all(), startsWith("ctl-entry"));
  }

  @Test
  void hostStateRowsAreWellFormedAndTripOnTheirCases() {
    List<Check> rows = HostStateChecks.rows();
    // 27.2.2 host control registers and MSRs, 27.2.3 host segment and descriptor-table registers.
    assertWellFormed(rows, CheckArea.HOST_STATE, Set.of("27.2.2", "27.2.3"));
    // The address-space-size rows (27.2.4) live in AddressSpaceChecks.
    assertTripsAlone(rows, HostTrips.all(), id -> id.startsWith("host-") && !id.startsWith("host-addr-space"));
  }

  @Test
  void msrLoadRowsAreWellFormedAndTripOnTheirCases() {
    List<Check> rows = MsrLoadChecks.rows();
    assertWellFormed(rows, CheckArea.MSR_LOADING, Set.of("27.4"));
    assertTripsAlone(rows, MsrLoadTrips.all(), startsWith("msrload-"));
    // Each MSR-load rule reads the VM-entry MSR-load count (4014H) and address (200AH), B.3.1 and B.2.1.
    for (Check row : rows) {
      assertEquals(List.of(0x4014, 0x200A), row.fields(), row.id());
    }
  }

  @Test
  void freshRowsDeclareEveryFieldTheyRead() {
    List<Scenario> scenarios = new ArrayList<>(List.of(Baselines.longMode(), Baselines.pae(),
        Baselines.realMode(), Baselines.virtual8086(), Baselines.host32()));
    ControlTrips.all().forEach(t -> scenarios.add(t.scenario()));
    HostTrips.all().forEach(t -> scenarios.add(t.scenario()));
    MsrLoadTrips.all().forEach(t -> scenarios.add(t.scenario()));
    List<Check> rows = new ArrayList<>();
    rows.addAll(ExecutionControlChecks.rows());
    rows.addAll(ExitControlChecks.rows());
    rows.addAll(EntryControlChecks.rows());
    rows.addAll(HostStateChecks.rows());
    rows.addAll(MsrLoadChecks.rows());
    Set<String> problems = new TreeSet<>();
    for (Scenario s : scenarios) {
      for (Check check : rows) {
        Set<Integer> read = EntryChecker.fieldsRead(check, s.image(), s.capabilities(), s.facts(),
            s.physicalMemory());
        if (!check.fields().containsAll(read)) {
          problems.add(check.id() + " reads " + read + " but declares " + check.fields());
        }
      }
    }
    assertEquals(Set.of(), problems);
  }

  /**
   * The page-address rows of 27.2.1.1 read the gating controls and then the address: each declares exactly
   * the controls of its gate followed by the address field.
   */
  @Test
  void pageAddressRowsDeclareTheirGateAndAddress() {
    Map<String, List<Integer>> expected = new LinkedHashMap<>();
    // "use I/O bitmaps", "use MSR bitmaps", "use TPR shadow": primary controls (4002H) only.
    expected.put("ctl-io-bitmap-a-addr", List.of(PROC, 0x2000));
    expected.put("ctl-io-bitmap-b-addr", List.of(PROC, 0x2002));
    expected.put("ctl-msr-bitmap-addr", List.of(PROC, 0x2004));
    expected.put("ctl-virtual-apic-addr", List.of(PROC, 0x2012));
    // Secondary controls (401EH) are in force only with "activate secondary controls" (primary bit 31).
    expected.put("ctl-apic-access-addr", List.of(PROC, PROC2, 0x2014));
    expected.put("ctl-pml-addr", List.of(PROC, PROC2, 0x200E));
    expected.put("ctl-spptp-addr", List.of(PROC, PROC2, 0x2030));
    expected.put("ctl-eptp-list-addr", List.of(PROC, PROC2, VMFUNC, 0x2024));
    expected.put("ctl-vmread-bitmap-addr", List.of(PROC, PROC2, 0x2026));
    expected.put("ctl-vmwrite-bitmap-addr", List.of(PROC, PROC2, 0x2028));
    expected.put("ctl-ve-info-addr", List.of(PROC, PROC2, 0x202A));
    List<Check> rows = ExecutionControlChecks.rows();
    for (Map.Entry<String, List<Integer>> e : expected.entrySet()) {
      Check row = RowProbe.row(rows, e.getKey());
      assertEquals(e.getValue(), row.fields(), e.getKey());
      assertTrue(row.rule().contains("4-KByte aligned"), e.getKey() + ": " + row.rule());
      assertTrue(row.fix().contains("4-KByte-aligned page below MAXPHYADDR"), e.getKey() + ": " + row.fix());
    }
    assertEquals(List.of(PIN), RowProbe.row(rows, "ctl-pin-allowed0").fields());
  }

  /** 27.2.3: one RPL/TI rule per host selector field, ES to TR (0C00H to 0C0CH, B.1.3). */
  @Test
  void hostSelectorRowsCoverEverySelector() {
    List<Check> rows = HostStateChecks.rows();
    String[] names = {"es", "cs", "ss", "ds", "fs", "gs", "tr"};
    int[] encodings = {0x0C00, 0x0C02, 0x0C04, 0x0C06, 0x0C08, 0x0C0A, 0x0C0C};
    List<String> selectorIds = rows.stream().map(Check::id).filter(id -> id.startsWith("host-sel-rpl-ti:")).toList();
    assertEquals(names.length, selectorIds.size(), selectorIds.toString());
    for (int i = 0; i < names.length; i++) {
      Check row = RowProbe.row(rows, "host-sel-rpl-ti:" + names[i]);
      assertEquals(List.of(encodings[i]), row.fields());
      assertEquals("27.2.3", row.sdmSection());
      assertTrue(row.rule().contains("host " + names[i].toUpperCase(java.util.Locale.ROOT) + " selector"), row.rule());
    }
  }

  /** The canonical-address rows of 27.2.2 and 27.2.3 each read one natural-width host field (B.4.4). */
  @Test
  void hostCanonicalRowsReadTheirBaseField() {
    List<Check> rows = HostStateChecks.rows();
    Map<String, Integer> expected = new LinkedHashMap<>();
    expected.put("host-sysenter-esp-canonical", 0x6C10);
    expected.put("host-sysenter-eip-canonical", 0x6C12);
    expected.put("host-fs-base-canonical", 0x6C06);
    expected.put("host-gs-base-canonical", 0x6C08);
    expected.put("host-tr-base-canonical", 0x6C0A);
    expected.put("host-gdtr-base-canonical", 0x6C0C);
    expected.put("host-idtr-base-canonical", 0x6C0E);
    for (Map.Entry<String, Integer> e : expected.entrySet()) {
      Check row = RowProbe.row(rows, e.getKey());
      assertEquals(List.of(e.getValue()), row.fields(), e.getKey());
      assertTrue(row.rule().endsWith("must be canonical."), row.rule());
      assertTrue(row.fix().contains("canonical address"), row.fix());
    }
  }

  /** The fresh lists are the ones the standard checker runs, in the same order. */
  @Test
  void standardCheckerRunsTheSameRows() {
    Map<CheckArea, List<Check>> fresh = new LinkedHashMap<>();
    fresh.put(CheckArea.EXECUTION_CONTROLS, ExecutionControlChecks.rows());
    fresh.put(CheckArea.EXIT_CONTROLS, ExitControlChecks.rows());
    fresh.put(CheckArea.ENTRY_CONTROLS, EntryControlChecks.rows());
    fresh.put(CheckArea.MSR_LOADING, MsrLoadChecks.rows());
    for (Map.Entry<CheckArea, List<Check>> e : fresh.entrySet()) {
      List<String> standard = EntryChecker.standard().checks().stream().filter(c -> c.area() == e.getKey())
          .map(Check::id).toList();
      assertEquals(standard, e.getValue().stream().map(Check::id).toList(), e.getKey().toString());
    }
    List<String> standardHost = EntryChecker.standard().checks().stream()
        .filter(c -> c.area() == CheckArea.HOST_STATE && !c.id().startsWith("host-addr-space"))
        .map(Check::id).toList();
    assertEquals(standardHost, HostStateChecks.rows().stream().map(Check::id).toList());
  }

  private static void assertWellFormed(List<Check> rows, CheckArea area, Set<String> sections) {
    assertFalse(rows.isEmpty(), area + " has rows");
    Set<String> ids = new LinkedHashSet<>();
    for (Check row : rows) {
      assertNotNull(row, area + " row");
      assertTrue(ids.add(row.id()), "duplicate id " + row.id());
      assertEquals(area, row.area(), row.id());
      assertTrue(sections.contains(row.sdmSection()), row.id() + " cites " + row.sdmSection());
      assertTrue(row.rule().contains(" must ") || row.rule().contains(" may "),
          row.id() + " states a requirement: " + row.rule());
      assertTrue(row.rule().endsWith("."), row.id() + ": " + row.rule());
      assertFalse(row.fix().isBlank(), row.id() + " has a fix");
      assertFalse(row.fields().isEmpty(), row.id() + " reads at least one field");
      assertEquals(new LinkedHashSet<>(row.fields()).size(), row.fields().size(), row.id() + " lists a field twice");
    }
  }

  /**
   * The fresh rows' ids are exactly the ids of the area's tripping cases, and each case violates exactly
   * its row (and the listed companions of this area) among the fresh rows.
   */
  private static void assertTripsAlone(List<Check> rows, List<Trip> allTrips, Predicate<String> inArea) {
    List<Trip> trips = allTrips.stream().filter(t -> inArea.test(t.id())).toList();
    Set<String> rowIds = new TreeSet<>();
    rows.forEach(r -> rowIds.add(r.id()));
    Set<String> tripIds = new TreeSet<>();
    trips.forEach(t -> tripIds.add(t.id()));
    assertEquals(tripIds, rowIds);
    EntryChecker checker = EntryChecker.of(rows);
    for (Trip trip : trips) {
      Scenario s = trip.scenario();
      EntryReport report = checker.check(s.image(), s.capabilities(), s.facts(), s.physicalMemory());
      Set<String> expected = new LinkedHashSet<>(trip.expected());
      expected.retainAll(rowIds);
      assertEquals(expected, new LinkedHashSet<>(report.violatedIds()), trip.id() + ": " + report.diagnosis());
    }
  }
}
