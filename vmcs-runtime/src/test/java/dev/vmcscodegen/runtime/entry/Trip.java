package dev.vmcscodegen.runtime.entry;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One tripping case: a valid baseline with one change that must violate exactly the check {@code id}
 * (plus {@code alsoViolated} where the SDM's rules make a lone violation impossible, each explained).
 */
record Trip(String id, Scenario scenario, List<String> alsoViolated) {

  static Trip of(String id, Scenario scenario, String... alsoViolated) {
    return new Trip(id, scenario, List.of(alsoViolated));
  }

  Set<String> expected() {
    Set<String> ids = new LinkedHashSet<>();
    ids.add(id);
    ids.addAll(alsoViolated);
    return ids;
  }

  @Override
  public String toString() {
    return id;
  }
}
