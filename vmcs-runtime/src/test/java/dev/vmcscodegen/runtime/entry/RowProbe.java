package dev.vmcscodegen.runtime.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/**
 * Evaluates one row of a freshly built check list ({@code ExecutionControlChecks.rows()} and the like)
 * on a scenario. Building the rows in the test, not through {@link EntryChecker#standard()}, runs the
 * row-building code each time, so a changed row list shows.
 */
final class RowProbe {

  private RowProbe() {}

  static Check row(List<Check> rows, String id) {
    return rows.stream().filter(r -> r.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no row " + id));
  }

  /** Whether the row's rule holds; the row must be decidable on the scenario. */
  static boolean holds(List<Check> rows, String id, Scenario s) {
    EntryReport report = EntryChecker.of(List.of(row(rows, id))).check(s.image(), s.capabilities(), s.facts(),
        s.physicalMemory());
    assertEquals(List.of(), report.notVerifiableIds(), id + " must be decidable");
    return report.enters();
  }

  static void assertHolds(List<Check> rows, String id, Scenario s, String why) {
    assertTrue(holds(rows, id, s), id + " must hold: " + why);
  }

  static void assertViolated(List<Check> rows, String id, Scenario s, String why) {
    assertFalse(holds(rows, id, s), id + " must be violated: " + why);
  }
}
