package dev.vmcscodegen.runtime.entry;

import dev.vmcscodegen.runtime.EntryOutcome;
import static dev.vmcscodegen.runtime.fields.VmcsEncodings.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The guest-state rows (and the address-space rows) as built by each area's {@code rows()}, called
 * directly rather than through {@link EntryChecker#standard()}, whose rows are built once when the class
 * initialises. Checks the shape of the rows against SDM Vol. 3C 27.3.1 (27.2.4 for address-space size):
 * one row per register the SDM names, each row naming its register, declaring its register's fields
 * (Vol. 3D Appendix B encodings) and tripping only for its register.
 */
class GuestStateRowsTest {

  private static final GuestSegment CS = GuestSegment.CS;
  private static final GuestSegment SS = GuestSegment.SS;
  private static final GuestSegment DS = GuestSegment.DS;
  private static final GuestSegment ES = GuestSegment.ES;
  private static final GuestSegment FS = GuestSegment.FS;
  private static final GuestSegment GS = GuestSegment.GS;

  /**
   * Per-register rules and the registers SDM Vol. 3C 27.3.1.2 applies each to: the virtual-8086 base,
   * limit and access-rights rules name CS, SS, DS, ES, FS and GS; "SS, DS, ES. If the register is usable,
   * bits 63:32 of the base address must be 0"; the accessed-type, readable-code and DPL-versus-RPL rules
   * name DS, ES, FS, GS; S, P, reserved bits 11:8 and 31:17 and G apply to CS and to the others when usable.
   */
  private static final Map<String, Set<GuestSegment>> PER_REGISTER = new LinkedHashMap<>();

  static {
    Set<GuestSegment> codeAndData = Set.of(CS, SS, DS, ES, FS, GS);
    Set<GuestSegment> data = Set.of(DS, ES, FS, GS);
    PER_REGISTER.put("guest-v86-base", codeAndData);
    PER_REGISTER.put("guest-v86-limit", codeAndData);
    PER_REGISTER.put("guest-v86-ar", codeAndData);
    PER_REGISTER.put("guest-ss-ds-es-base-high", Set.of(SS, DS, ES));
    PER_REGISTER.put("guest-data-seg-accessed", data);
    PER_REGISTER.put("guest-data-seg-code-readable", data);
    PER_REGISTER.put("guest-seg-s-bit", codeAndData);
    PER_REGISTER.put("guest-data-seg-dpl-ge-rpl", data);
    PER_REGISTER.put("guest-seg-present", codeAndData);
    PER_REGISTER.put("guest-seg-ar-reserved-11-8", codeAndData);
    PER_REGISTER.put("guest-seg-granularity", codeAndData);
    PER_REGISTER.put("guest-seg-ar-reserved-31-17", codeAndData);
  }

  /** The guest-state rows of every guest area, freshly built. */
  private static List<Check> freshGuestRows() {
    List<Check> rows = new ArrayList<>();
    rows.addAll(GuestRegisterChecks.rows());
    rows.addAll(GuestSegmentChecks.rows());
    rows.addAll(GuestDescriptorTableAndRipChecks.rows());
    rows.addAll(GuestNonRegisterChecks.rows());
    rows.addAll(GuestPdpteChecks.rows());
    return rows;
  }

  private static Map<String, Check> byId(List<Check> rows) {
    Map<String, Check> map = new LinkedHashMap<>();
    rows.forEach(check -> map.put(check.id(), check));
    return map;
  }

  private static Set<String> ids(List<Check> rows) {
    return rows.stream().map(Check::id).collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> tripIds(List<Trip> trips) {
    return trips.stream().map(Trip::id).collect(Collectors.toCollection(TreeSet::new));
  }

  private static List<Trip> guestTrips() {
    List<Trip> trips = new ArrayList<>(GuestTrips.all());
    trips.addAll(SegmentTrips.all());
    return trips;
  }

  private static List<Trip> addressSpaceTrips() {
    return HostTrips.all().stream().filter(t -> t.id().startsWith("host-addr-space-")).toList();
  }

  @Test
  void everyGuestRowIsBuiltAndHasATrip() {
    // The trips name each guest check of 27.3.1.1 to 27.3.1.6 once; rows() must build exactly those.
    assertEquals(tripIds(guestTrips()), ids(freshGuestRows()));
  }

  @Test
  void everyAddressSpaceRowIsBuiltAndHasATrip() {
    // SDM Vol. 3C 27.2.4 states seven checks; HostTrips trips each.
    List<Check> rows = AddressSpaceChecks.rows();
    assertEquals(7, rows.size());
    assertEquals(tripIds(addressSpaceTrips()), ids(rows));
  }

  @Test
  void idsAreUniqueAndTextsNonBlank() {
    List<Check> rows = new ArrayList<>(freshGuestRows());
    rows.addAll(AddressSpaceChecks.rows());
    Set<String> seen = new HashSet<>();
    for (Check check : rows) {
      assertTrue(seen.add(check.id()), "duplicate id " + check.id());
      assertFalse(check.rule().isBlank(), check.id() + " has a blank rule");
      assertFalse(check.fix().isBlank(), check.id() + " has a blank fix");
      assertFalse(check.fields().isEmpty(), check.id() + " declares no field");
      assertEquals(check.fields().size(), new HashSet<>(check.fields()).size(),
          check.id() + " declares a field twice: " + check.fields());
    }
  }

  @Test
  void sectionsAreasAndOutcomesFollowTheSdm() {
    // 27.3.1.1 registers, 27.3.1.2 segments, 27.3.1.3 GDTR/IDTR, 27.3.1.4 RIP/RFLAGS, 27.3.1.5 non-register,
    // 27.3.1.6 PDPTEs. A guest-state failure is exit reason 33; SDM Vol. 3C 27.8 gives qualification 2 for
    // PDPTE loading, 3 for NMI injection under blocking by STI, 4 for the VMCS link pointer, 0 otherwise.
    assertSections(GuestRegisterChecks.rows(), Set.of("27.3.1.1"));
    assertSections(GuestSegmentChecks.rows(), Set.of("27.3.1.2"));
    assertSections(GuestSystemSegmentChecks.rows(), Set.of("27.3.1.2"));
    assertSections(GuestDescriptorTableAndRipChecks.rows(), Set.of("27.3.1.3", "27.3.1.4"));
    assertSections(GuestNonRegisterChecks.rows(), Set.of("27.3.1.5"));
    assertSections(GuestPdpteChecks.rows(), Set.of("27.3.1.6"));
    for (Check check : freshGuestRows()) {
      assertEquals(CheckArea.GUEST_STATE, check.area(), check.id());
      long qualification;
      if (check.id().startsWith("guest-pdpte-")) {
        qualification = EntryOutcome.QUALIFICATION_PDPTE;
      } else if (check.id().startsWith("guest-link-ptr-")) {
        qualification = EntryOutcome.QUALIFICATION_LINK_POINTER;
      } else if (check.id().equals("guest-intr-nmi-sti")) {
        qualification = EntryOutcome.QUALIFICATION_NMI_STI;
      } else {
        qualification = 0;
      }
      assertEquals(EntryOutcome.invalidGuestState(qualification), check.outcome(), check.id());
    }
    // 27.2.4 is part of the host-state checks: VMfailValid with error 8 (SDM Vol. 3C 27.2).
    for (Check check : AddressSpaceChecks.rows()) {
      assertEquals("27.2.4", check.sdmSection(), check.id());
      assertEquals(CheckArea.HOST_STATE, check.area(), check.id());
      assertEquals(EntryOutcome.ERROR_8, check.outcome(), check.id());
    }
  }

  private static void assertSections(List<Check> rows, Set<String> sections) {
    assertFalse(rows.isEmpty());
    for (Check check : rows) {
      assertTrue(sections.contains(check.sdmSection()), check.id() + " in " + check.sdmSection());
    }
  }

  @Test
  void systemSegmentRowsAreAmongTheSegmentRows() {
    // TR and LDTR are checked with the other segment registers in 27.3.1.2.
    assertTrue(ids(GuestSegmentChecks.rows()).containsAll(ids(GuestSystemSegmentChecks.rows())));
    assertEquals(Set.of("guest-tr-type", "guest-tr-s", "guest-tr-present", "guest-tr-ar-reserved",
        "guest-tr-granularity", "guest-tr-usable", "guest-ldtr-type", "guest-ldtr-s", "guest-ldtr-present",
        "guest-ldtr-ar-reserved", "guest-ldtr-granularity"), ids(GuestSystemSegmentChecks.rows()));
  }

  @Test
  void perRegisterRowsExistForExactlyTheRegistersTheSdmNames() {
    Map<String, Check> rows = byId(GuestSegmentChecks.rows());
    for (Map.Entry<String, Set<GuestSegment>> rule : PER_REGISTER.entrySet()) {
      for (GuestSegment register : GuestSegment.values()) {
        String id = rule.getKey() + ":" + register.suffix();
        assertEquals(rule.getValue().contains(register), rows.containsKey(id), id);
      }
    }
  }

  @Test
  void perRegisterRowsNameAndDeclareTheirOwnRegister() {
    Map<String, Check> rows = byId(GuestSegmentChecks.rows());
    for (Map.Entry<String, Set<GuestSegment>> rule : PER_REGISTER.entrySet()) {
      for (GuestSegment register : rule.getValue()) {
        Check check = rows.get(rule.getKey() + ":" + register.suffix());
        assertTrue(Pattern.compile("\\b" + register.name() + "\\b").matcher(check.rule()).find(),
            check.id() + " does not name " + register + ": " + check.rule());
        // The register's four fields, SDM Vol. 3D Appendix B (selector 08xxH, limit 48xxH, AR 48xxH, base 68xxH).
        List<Integer> own = List.of(register.selector(), register.base(), register.limit(), register.accessRights());
        assertTrue(check.fields().containsAll(own), check.id() + " declares " + check.fields());
        for (GuestSegment other : GuestSegment.values()) {
          if (other != register) {
            assertFalse(check.fields().contains(other.selector()) || check.fields().contains(other.base())
                || check.fields().contains(other.limit()) || check.fields().contains(other.accessRights()),
                check.id() + " declares a field of " + other);
          }
        }
        // Rules that depend on the mode read RFLAGS.VM (virtual-8086 mode, 27.3.1.2 first paragraph).
        if (!rule.getKey().equals("guest-ss-ds-es-base-high")) {
          assertTrue(check.fields().contains(GUEST_RFLAGS), check.id() + " omits RFLAGS");
        }
      }
    }
  }

  @Test
  void modeDependentSegmentRowsDeclareTheModeFields() {
    // Outside virtual-8086 mode (RFLAGS.VM) and the "unrestricted guest" control (secondary controls, which
    // are in effect only when the primary "activate secondary controls" is 1).
    Set<Integer> mode = Set.of(GUEST_RFLAGS, PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS,
        SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS);
    Map<String, Check> rows = byId(GuestSegmentChecks.rows());
    Map<String, Set<Integer>> own = new LinkedHashMap<>();
    own.put("guest-ss-rpl-eq-cs-rpl", Set.of(GUEST_SS_SELECTOR, GUEST_CS_SELECTOR));
    own.put("guest-cs-type", Set.of(GUEST_CS_ACCESS_RIGHTS));
    own.put("guest-ss-type", Set.of(GUEST_SS_ACCESS_RIGHTS));
    own.put("guest-cs-dpl-type3", Set.of(GUEST_CS_ACCESS_RIGHTS));
    own.put("guest-cs-dpl-nonconforming", Set.of(GUEST_CS_ACCESS_RIGHTS, GUEST_SS_ACCESS_RIGHTS));
    own.put("guest-cs-dpl-conforming", Set.of(GUEST_CS_ACCESS_RIGHTS, GUEST_SS_ACCESS_RIGHTS));
    own.put("guest-ss-dpl-eq-rpl", Set.of(GUEST_SS_SELECTOR, GUEST_SS_ACCESS_RIGHTS));
    own.put("guest-ss-dpl-zero", Set.of(GUEST_CS_ACCESS_RIGHTS, GUEST_CR0, GUEST_SS_ACCESS_RIGHTS));
    own.put("guest-cs-db-with-l", Set.of(VM_ENTRY_CONTROLS, GUEST_CS_ACCESS_RIGHTS));
    for (Map.Entry<String, Set<Integer>> row : own.entrySet()) {
      Set<Integer> expected = new LinkedHashSet<>(mode);
      expected.addAll(row.getValue());
      assertEquals(expected, new HashSet<>(rows.get(row.getKey()).fields()), row.getKey());
    }
  }

  @Test
  void freshRowsDeclareEveryFieldTheyRead() {
    List<Scenario> scenarios = new ArrayList<>(List.of(Baselines.longMode(), Baselines.pae(), Baselines.realMode(),
        Baselines.virtual8086(), Baselines.host32()));
    guestTrips().forEach(trip -> scenarios.add(trip.scenario()));
    addressSpaceTrips().forEach(trip -> scenarios.add(trip.scenario()));
    List<Check> rows = new ArrayList<>(freshGuestRows());
    rows.addAll(AddressSpaceChecks.rows());
    Set<String> problems = new TreeSet<>();
    for (Scenario s : scenarios) {
      for (Check check : rows) {
        Set<Integer> read = EntryChecker.fieldsRead(check, s.image(), s.capabilities(), s.facts(), s.physicalMemory());
        if (!check.fields().containsAll(read)) {
          problems.add(check.id() + " reads " + read + " but declares " + check.fields());
        }
      }
    }
    assertEquals(Set.of(), problems);
  }

  @Test
  void freshGuestRowsTripExactlyAsTheTripsSay() {
    // Each trip changes one thing on a valid baseline; only its row (one register's row for the
    // per-register rules) may fire among the guest rows.
    EntryChecker checker = EntryChecker.of(freshGuestRows());
    Set<String> guestIds = ids(checker.checks());
    for (Trip trip : guestTrips()) {
      Scenario s = trip.scenario();
      EntryReport report = checker.check(s.image(), s.capabilities(), s.facts(), s.physicalMemory());
      Set<String> expected = new LinkedHashSet<>(trip.expected());
      expected.retainAll(guestIds);
      assertEquals(expected, new LinkedHashSet<>(report.violatedIds()), trip.id() + ": " + report.diagnosis());
    }
  }

  @Test
  void freshGuestRowsHoldOnEveryBaseline() {
    EntryChecker checker = EntryChecker.of(freshGuestRows());
    for (Scenario s : List.of(Baselines.longMode(), Baselines.pae(), Baselines.realMode(), Baselines.virtual8086())) {
      EntryReport report = checker.check(s.image(), s.capabilities(), s.facts(), s.physicalMemory());
      assertEquals(List.of(), report.violatedIds(), report.diagnosis());
    }
  }

  @Test
  void freshAddressSpaceRowsTripExactlyAsTheTripsSay() {
    EntryChecker checker = EntryChecker.of(AddressSpaceChecks.rows());
    for (Trip trip : addressSpaceTrips()) {
      Scenario s = trip.scenario();
      EntryReport report = checker.check(s.image(), s.capabilities(), s.facts(), s.physicalMemory());
      assertEquals(trip.expected(), new LinkedHashSet<>(report.violatedIds()), trip.id() + ": " + report.diagnosis());
    }
    for (Scenario s : List.of(Baselines.longMode(), Baselines.host32())) {
      EntryReport report = checker.check(s.image(), s.capabilities(), s.facts(), s.physicalMemory());
      assertEquals(List.of(), report.violatedIds(), report.diagnosis());
    }
  }
}
