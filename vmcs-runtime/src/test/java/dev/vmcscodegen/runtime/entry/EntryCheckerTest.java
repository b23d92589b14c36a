package dev.vmcscodegen.runtime.entry;

import dev.vmcscodegen.runtime.fields.VmcsEncodings;
import dev.vmcscodegen.runtime.EntryOutcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every check trips on exactly one change to a valid baseline; the baselines enter. */
class EntryCheckerTest {

  static Stream<Trip> trips() {
    List<Trip> all = new ArrayList<>();
    all.addAll(ControlTrips.all());
    all.addAll(HostTrips.all());
    all.addAll(GuestTrips.all());
    all.addAll(SegmentTrips.all());
    all.addAll(MsrLoadTrips.all());
    return all.stream();
  }

  static Stream<Scenario> baselines() {
    return Stream.of(Baselines.longMode(), Baselines.pae(), Baselines.realMode(), Baselines.virtual8086(),
        Baselines.host32());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("trips")
  void eachCheckTripsAlone(Trip trip) {
    EntryReport report = trip.scenario().check();
    assertEquals(trip.expected(), new LinkedHashSet<>(report.violatedIds()), report.diagnosis());
  }

  @ParameterizedTest
  @MethodSource("baselines")
  void baselinesEnterWithEveryCheckDecided(Scenario baseline) {
    EntryReport report = baseline.check();
    assertTrue(report.enters(), report.diagnosis());
    assertEquals(List.of(), report.notVerifiableIds());
  }

  @Test
  void msrLoadFailureReportsTheFirstFailingEntry() {
    EntryReport report = MsrLoadTrips.area(0xC000_0101L).check();
    // SDM Vol. 3C 27.8: exit reason 34, qualification = index of the failing entry (1-based): 2.
    assertEquals(EntryOutcome.msrLoading(2), report.outcome().orElseThrow());
    assertEquals("exit-34", report.violations().get(0).outcome().code());
  }

  @Test
  void msrLoadAreaWithoutMemoryIsNotVerifiable() {
    EntryReport report = Baselines.longMode().set(VmcsEncodings.VM_ENTRY_MSR_LOAD_COUNT, 1)
        .set(VmcsEncodings.VM_ENTRY_MSR_LOAD_ADDRESS, MsrLoadTrips.AREA).check();
    assertTrue(report.enters());
    assertEquals(List.of("msrload-fs-gs-base", "msrload-x2apic", "msrload-smm-only", "msrload-reserved"),
        report.notVerifiableIds());
  }

  @Test
  void everyCheckHasATrippingTest() {
    Set<String> tested = new TreeSet<>();
    trips().forEach(trip -> tested.add(trip.id()));
    Set<String> all = new TreeSet<>();
    EntryChecker.standard().checks().forEach(check -> all.add(check.id()));
    Set<String> untested = new TreeSet<>(all);
    untested.removeAll(tested);
    assertEquals(Set.of(), untested, "checks without a tripping test");
    Set<String> unknown = new TreeSet<>(tested);
    unknown.removeAll(all);
    assertEquals(Set.of(), unknown, "tripping tests for checks that do not exist");
  }

  @Test
  void checksDeclareEveryFieldTheyRead() {
    List<Scenario> scenarios = new ArrayList<>(baselines().toList());
    trips().forEach(trip -> scenarios.add(trip.scenario()));
    Set<String> problems = new TreeSet<>();
    for (Scenario s : scenarios) {
      PhysicalMemory memory = s.physicalMemory();
      for (Check check : EntryChecker.standard().checks()) {
        Set<Integer> read = EntryChecker.fieldsRead(check, s.image(), s.capabilities(), s.facts(), memory);
        if (!check.fields().containsAll(read)) {
          problems.add(check.id() + " reads " + read + " but declares " + check.fields());
        }
      }
    }
    assertEquals(Set.of(), problems);
  }
}
