package dev.vmcscodegen.runtime.resolve;

import dev.vmcscodegen.runtime.control.ControlBit;
import dev.vmcscodegen.runtime.control.ControlDependency;
import dev.vmcscodegen.runtime.control.ControlKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bits the resolution has decided so far: for each position, why it must be 1 and why it must be
 * 0 (either may be unknown). Marking a bit 1 marks what it needs 1 and what it excludes 0, transitively
 * ({@link ControlDependency}, {@link ControlKind#activatedBy()}, and a field's fixed-1 bits once it
 * is activated). A position with both reasons is a conflict.
 */
final class Assignment {

  private static final int FIELD_BITS = Long.SIZE;
  private static final ControlKind[] KINDS = ControlKind.values();

  /** The rules that act when the bit at an index becomes 1: it is their subject, or either side of an exclusion. */
  private static final Map<Integer, List<ControlDependency>> RULES_BY_BIT = rulesByBit();
  /** The fields each gate index activates ({@link ControlKind#activatedBy()}). */
  private static final Map<Integer, List<ControlKind>> GATED_BY = gatedBy();

  private final Reason[] oneReason;
  private final String[] oneWhy;
  private final Reason[] zeroReason;
  private final String[] zeroWhy;
  /** The fixed-1 bits of each field that exists, applied when an activated field's gate becomes 1. */
  private final Map<ControlKind, Long> fixedOne;

  Assignment(Map<ControlKind, Long> fixedOne) {
    int size = KINDS.length * FIELD_BITS;
    this.oneReason = new Reason[size];
    this.oneWhy = new String[size];
    this.zeroReason = new Reason[size];
    this.zeroWhy = new String[size];
    this.fixedOne = fixedOne;
  }

  private Assignment(Assignment other) {
    this.oneReason = other.oneReason.clone();
    this.oneWhy = other.oneWhy.clone();
    this.zeroReason = other.zeroReason.clone();
    this.zeroWhy = other.zeroWhy.clone();
    this.fixedOne = other.fixedOne;
  }

  private static Map<Integer, List<ControlDependency>> rulesByBit() {
    Map<Integer, List<ControlDependency>> byBit = new HashMap<>();
    for (int index = 0; index < KINDS.length * FIELD_BITS; index++) {
      byBit.put(index, new ArrayList<>());
    }
    for (ControlDependency rule : ControlDependency.values()) {
      byBit.get(index(rule.subject())).add(rule);
      if (rule.relation() == ControlDependency.Relation.EXCLUDES) {
        byBit.get(index(rule.other())).add(rule);
      }
    }
    byBit.replaceAll((index, rules) -> List.copyOf(rules));
    return Map.copyOf(byBit);
  }

  private static Map<Integer, List<ControlKind>> gatedBy() {
    Map<Integer, List<ControlKind>> byGate = new HashMap<>();
    for (ControlKind kind : KINDS) {
      kind.activatedBy().ifPresent(gate -> byGate.computeIfAbsent(index(gate), g -> new ArrayList<>()).add(kind));
    }
    byGate.replaceAll((gate, kinds) -> List.copyOf(kinds));
    return Map.copyOf(byGate);
  }

  Assignment copy() {
    return new Assignment(this);
  }

  static int index(ControlKind kind, int bit) {
    return kind.ordinal() * FIELD_BITS + bit;
  }

  static int index(ControlBit bit) {
    return index(bit.kind(), bit.bit());
  }

  boolean isOne(int index) {
    return oneReason[index] != null;
  }

  boolean isZero(int index) {
    return zeroReason[index] != null;
  }

  Reason oneReason(int index) {
    return oneReason[index];
  }

  String oneWhy(int index) {
    return oneWhy[index];
  }

  Reason zeroReason(int index) {
    return zeroReason[index];
  }

  String zeroWhy(int index) {
    return zeroWhy[index];
  }

  /** Marks a bit 0 (no propagation: a 0 constrains nothing by itself); the first reason stays. */
  void markZero(int index, Reason reason, String why) {
    if (zeroReason[index] == null) {
      zeroReason[index] = reason;
      zeroWhy[index] = why;
    }
  }

  /** Marks a bit 0 with this reason in place of any earlier one: a refused preference says why it was refused. */
  void refuse(int index, Reason reason, String why) {
    zeroReason[index] = reason;
    zeroWhy[index] = why;
  }

  /** Marks a bit 1 and everything that follows from it; the first reason of each bit stays. */
  void markOne(int index, Reason reason, String why) {
    Deque<Integer> work = new ArrayDeque<>();
    if (setOne(index, reason, why)) {
      work.add(index);
    }
    while (!work.isEmpty()) {
      int current = work.poll();
      ControlKind kind = KINDS[current / FIELD_BITS];
      int bit = current % FIELD_BITS;
      for (ControlDependency rule : RULES_BY_BIT.get(current)) {
        follow(rule, current, work);
      }
      Optional<ControlBit> gate = kind.activatedBy();
      if (gate.isPresent() && setOne(index(gate.get()), Reason.IMPLIED, String.format(
          "implied by \"%s\": the %s apply only when \"%s\" is 1 (%s)", name(kind, bit), kind.sdmName(),
          gate.get().sdmName(), gate.get().kind() == ControlKind.PRIMARY_VM_EXIT_CONTROLS
              ? "SDM Vol. 3C, 25.7.1" : "SDM Vol. 3C, 25.6.2"))) {
        work.add(index(gate.get()));
      }
      for (ControlKind gated : GATED_BY.getOrDefault(current, List.of())) {
        for (long rest = fixedOne.getOrDefault(gated, 0L); rest != 0; rest &= rest - 1) {
          int fixed = index(gated, Long.numberOfTrailingZeros(rest));
          if (setOne(fixed, Reason.FIXED_BY_CPU, "fixed to 1 by the capability MSR (allowed-0 is 1), in force"
              + " because \"" + name(kind, bit) + "\" activates the " + gated.sdmName() + " (SDM Vol. 3D A.3)")) {
            work.add(fixed);
          }
        }
      }
    }
  }

  private static String name(ControlKind kind, int bit) {
    return kind.bit(bit).map(ControlBit::sdmName).orElse(kind.describeBit(bit));
  }

  /** Applies one rule that names the bit at {@code current}, which has just become 1. */
  private void follow(ControlDependency rule, int current, Deque<Integer> work) {
    int subject = index(rule.subject());
    int other = index(rule.other());
    if (subject == current && rule.relation() == ControlDependency.Relation.REQUIRES) {
      if (setOne(other, Reason.IMPLIED, "implied by \"" + rule.subject().sdmName() + "\": " + rule.describe())) {
        work.add(other);
      }
    } else if (rule.relation() == ControlDependency.Relation.EXCLUDES) {
      ControlBit cause = subject == current ? rule.subject() : rule.other();
      markZero(subject == current ? other : subject, Reason.EXCLUDED,
          "excluded by \"" + cause.sdmName() + "\": " + rule.describe());
    }
  }

  private boolean setOne(int index, Reason reason, String why) {
    if (oneReason[index] != null) {
      return false;
    }
    oneReason[index] = reason;
    oneWhy[index] = why;
    return true;
  }

  /** Every position that must be both 1 and 0, by field and bit. */
  List<ControlConflict> conflicts() {
    List<ControlConflict> conflicts = new ArrayList<>();
    for (int index = 0; index < oneReason.length; index++) {
      if (oneReason[index] != null && zeroReason[index] != null) {
        conflicts.add(new ControlConflict(KINDS[index / FIELD_BITS], index % FIELD_BITS, oneWhy[index],
            zeroWhy[index]));
      }
    }
    return conflicts;
  }

  @Override
  public String toString() {
    return "Assignment" + Arrays.toString(oneReason);
  }
}
