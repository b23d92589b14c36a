package dev.vmcscodegen.runtime.resolve;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.runtime.capability.TestProfiles;
import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.control.ControlBit;
import dev.vmcscodegen.runtime.control.ControlKind;
import dev.vmcscodegen.runtime.entry.EntryCapabilities;
import dev.vmcscodegen.runtime.entry.EntryChecker;
import dev.vmcscodegen.runtime.entry.EntryReport;
import dev.vmcscodegen.runtime.entry.ProcessorFacts;
import dev.vmcscodegen.runtime.entry.Violation;
import dev.vmcscodegen.runtime.image.VmcsImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The VM-entry checker as the oracle of the resolver: for random intents on every test profile, a
 * resolution either fails with conflicts or gives control fields that trip none of the checks that
 * read only control fields (the allowed settings, the rules between controls, SDM Vol. 3C 27.2.1.1 to
 * 27.2.1.3 and 27.2.4). Seeded, so a failure repeats.
 */
class ControlResolverEntryCheckTest {

  private static final long SEED = 0x13_2026L;
  private static final int ROUNDS = 250;
  private static final Set<Integer> CONTROL_FIELDS = controlFields();
  /** The standard checker's rows that read nothing but control fields. */
  private static final EntryChecker CONTROL_CHECKS = EntryChecker.of(EntryChecker.standard().checks().stream()
      .filter(check -> CONTROL_FIELDS.containsAll(check.fields())).toList());

  private static Set<Integer> controlFields() {
    Set<Integer> encodings = new HashSet<>();
    for (ControlKind kind : ControlKind.values()) {
      encodings.add(kind.encoding());
    }
    return encodings;
  }

  private static List<ControlBit> allBits() {
    List<ControlBit> bits = new ArrayList<>();
    for (ControlKind kind : ControlKind.values()) {
      bits.addAll(kind.bits());
    }
    return bits;
  }

  @Test
  void theOracleHasTheControlRows() {
    // The allowed-settings rows of 27.2.1.1 to 27.2.1.3, the rules between controls and 27.2.4's
    // address-space rows: at least one of each, by the ids docs/ENTRY-CHECKS.md lists.
    List<String> ids = CONTROL_CHECKS.checks().stream().map(check -> check.id()).toList();
    for (String id : List.of("ctl-pin-allowed1", "ctl-proc2-allowed0", "ctl-proc3-allowed1", "ctl-exit2-allowed1",
        "ctl-entry-allowed0", "ctl-nmi-exiting-for-virtual-nmis", "ctl-x2apic-excludes-apic-access",
        "ctl-pt-gpa-needs", "ctl-save-preempt-needs-activate", "ctl-entry-smm-outside-smm",
        "host-addr-space-inside-ia32e", "host-addr-space-0-guest")) {
      assertTrue(ids.contains(id), id);
    }
  }

  @Test
  void aResolvedResultNeverTripsAControlCheck() {
    Random random = new Random(SEED);
    List<ControlBit> bits = allBits();
    int resolvedCount = 0;
    int conflictCount = 0;
    for (Map.Entry<String, VmxCapabilities> profile : TestProfiles.all().entrySet()) {
      VmxCapabilities caps = profile.getValue();
      for (int round = 0; round < ROUNDS; round++) {
        ControlIntents intents = randomIntents(random, bits, round % 2 == 0 ? 0.02 : 0.08);
        try {
          ResolvedControls resolved = ControlResolver.resolve(caps, intents);
          resolvedCount++;
          assertEntersControlChecks(profile.getKey(), caps, intents, resolved);
          assertIntentsKept(intents, resolved);
        } catch (ControlConflictException conflict) {
          conflictCount++;
          assertFalse(conflict.conflicts().isEmpty());
          // Only the hard intents can conflict: without them the same profile always resolves.
          ControlIntents soft = new ControlIntents(Set.of(), intents.preferred(), Set.of(), intents.vmmInIa32eMode());
          assertDoesNotThrow(() -> ControlResolver.resolve(caps, soft), profile.getKey() + ": " + soft);
        }
      }
    }
    // Both outcomes are exercised, so the oracle sees many results.
    assertTrue(resolvedCount > ROUNDS, "resolved " + resolvedCount);
    assertTrue(conflictCount > 0, "conflicts " + conflictCount);
  }

  private static ControlIntents randomIntents(Random random, List<ControlBit> bits, double rate) {
    ControlIntents intents = ControlIntents.none().withVmmInIa32eMode(random.nextInt(4) != 0);
    for (ControlBit bit : bits) {
      double draw = random.nextDouble();
      if (draw < rate / 4) {
        intents = intents.require(bit);
      } else if (draw < 3 * rate) {
        intents = intents.prefer(bit);
      } else if (draw < 3.5 * rate) {
        intents = intents.forbid(bit);
      }
    }
    return intents;
  }

  private static void assertEntersControlChecks(String profile, VmxCapabilities caps, ControlIntents intents,
      ResolvedControls resolved) {
    ProcessorFacts facts = ProcessorFacts.defaults().withVmmInIa32eMode(intents.vmmInIa32eMode());
    EntryReport report = CONTROL_CHECKS.check(VmcsImage.of(resolved.fieldValues()),
        EntryCapabilities.of(caps), facts);
    for (Violation violation : report.violations()) {
      throw new AssertionError(profile + ": " + violation.check().id() + " " + violation.message()
          + "\nintents " + intents + "\n" + resolved.explain());
    }
  }

  private static void assertIntentsKept(ControlIntents intents, ResolvedControls resolved) {
    for (ControlBit bit : intents.required()) {
      assertTrue(resolved.isSet(bit), bit.sdmName());
    }
    for (ControlBit bit : intents.forbidden()) {
      assertFalse(resolved.isSet(bit), bit.sdmName());
    }
    for (ControlBit bit : intents.preferred()) {
      BitDecision decision = resolved.decision(bit);
      assertEquals(decision.value(), resolved.isSet(bit));
      if (decision.reason() == Reason.PREFERRED_GRANTED) {
        assertTrue(decision.value());
      }
    }
  }
}
