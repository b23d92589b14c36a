package dev.vmcscodegen.runtime.resolve;

import dev.vmcscodegen.runtime.VmxInstructions;
import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.control.ControlBit;
import dev.vmcscodegen.runtime.control.ControlKind;
import dev.vmcscodegen.runtime.control.ControlSetter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The result of {@link ControlResolver#resolve}: the value of each control field and, for every bit of
 * every field, its value and why.
 *
 * @param intents the intents resolved
 * @param values the value of each control field the processor has (a field whose capability MSR does
 *     not exist is absent), in {@link ControlKind} order
 * @param decisions every bit of every field, in field and bit order
 */
public record ResolvedControls(ControlIntents intents, Map<ControlKind, Long> values, List<BitDecision> decisions) {

  /** Copies the map and the list. */
  public ResolvedControls {
    Objects.requireNonNull(intents, "intents");
    values = Collections.unmodifiableMap(new EnumMap<>(values));
    decisions = List.copyOf(decisions);
  }

  static ResolvedControls of(VmxCapabilities capabilities, ControlIntents intents, Assignment assignment) {
    Map<ControlKind, Long> values = new EnumMap<>(ControlKind.class);
    List<BitDecision> decisions = new ArrayList<>();
    for (ControlKind kind : ControlKind.values()) {
      long value = 0;
      for (int bit = 0; bit < kind.width(); bit++) {
        int index = Assignment.index(kind, bit);
        BitDecision decision;
        if (assignment.isOne(index)) {
          decision = new BitDecision(kind, bit, true, assignment.oneReason(index), assignment.oneWhy(index));
          value |= 1L << bit;
        } else if (assignment.isZero(index)) {
          decision = new BitDecision(kind, bit, false, assignment.zeroReason(index), assignment.zeroWhy(index));
        } else {
          decision = new BitDecision(kind, bit, false, Reason.DEFAULT, "default setting 0");
        }
        decisions.add(decision);
      }
      if (capabilities.controlCapability(kind).isPresent()) {
        values.put(kind, value);
      }
    }
    return new ResolvedControls(intents, values, decisions);
  }

  /** The value of a control field; 0 for a field the processor does not have. */
  public long value(ControlKind kind) {
    return values.getOrDefault(kind, 0L);
  }

  /** Whether the processor has the field (its capability MSR exists). */
  public boolean hasField(ControlKind kind) {
    return values.containsKey(kind);
  }

  /** Whether a control is 1. */
  public boolean isSet(ControlBit bit) {
    return (value(bit.kind()) & bit.mask()) != 0;
  }

  /** The decision about one named control. */
  public BitDecision decision(ControlBit bit) {
    return decision(bit.kind(), bit.bit());
  }

  /** The decision about one bit of a field. */
  public BitDecision decision(ControlKind kind, int bit) {
    int offset = 0;
    for (ControlKind before : ControlKind.values()) {
      if (before == kind) {
        return decisions.get(offset + bit);
      }
      offset += before.width();
    }
    throw new IllegalArgumentException(kind.toString());
  }

  /** The decisions worth explaining: every bit that is 1, and every 0 an intent, a rule or the VMM's context decided. */
  public List<BitDecision> notableDecisions() {
    List<BitDecision> notable = new ArrayList<>();
    for (BitDecision decision : decisions) {
      if (decision.value() || (decision.reason() != Reason.DEFAULT && decision.reason() != Reason.UNSUPPORTED)
          || decision.control().map(control -> !intents.intentsOf(control).isEmpty()).orElse(false)) {
        notable.add(decision);
      }
    }
    return notable;
  }

  /** The value of each field by VMCS encoding, for a VMCS image or a VMWRITE loop. */
  public Map<Integer, Long> fieldValues() {
    Map<Integer, Long> byEncoding = new LinkedHashMap<>();
    values.forEach((kind, value) -> byEncoding.put(kind.encoding(), value));
    return byEncoding;
  }

  /** Writes every field the processor has through {@code vmx}. */
  public void writeTo(VmxInstructions vmx) {
    values.forEach((kind, value) -> ControlSetter.write(vmx, kind, value));
  }

  /**
   * Why these control values would fail VM entry's checks of the allowed settings on another processor
   * (SDM Vol. 3C 27.2.1.1 to 27.2.1.3): for each field in force (a secondary or tertiary field only while
   * its activating control is 1, {@link ControlKind#activatedBy()}), a field the other processor lacks,
   * bits set that its allowed-1 settings forbid and bits clear that its allowed-0 settings require.
   * Empty when the values run there as they are.
   */
  public List<String> problemsOn(VmxCapabilities other) {
    List<String> problems = new ArrayList<>();
    for (ControlKind kind : ControlKind.values()) {
      boolean inForce = kind.activatedBy().map(this::isSet).orElse(true);
      if (!inForce || !hasField(kind)) {
        continue;
      }
      var capability = other.controlCapability(kind);
      if (capability.isEmpty()) {
        problems.add("the " + kind.sdmName() + " are in use but the processor has no " + kind.capabilityMsr().name());
        continue;
      }
      long value = value(kind);
      long forbidden = value & ~capability.get().allowed().allowed1() & kind.widthMask();
      long required = capability.get().allowed().allowed0() & ~value;
      if (forbidden != 0) {
        problems.add(kind.sdmName() + ": " + kind.describeBits(forbidden) + " set, but "
            + capability.get().msr().name() + " allows only 0");
      }
      if (required != 0) {
        problems.add(kind.sdmName() + ": " + kind.describeBits(required) + " clear, but "
            + capability.get().msr().name() + " allows only 1");
      }
    }
    return problems;
  }

  /**
   * The explanation: per field its value, then each notable bit ({@link #notableDecisions()}) with its
   * value and reason, unnamed bits of the same value and reason on one line; fields the processor does
   * not have are named as such.
   */
  public String explain() {
    StringBuilder text = new StringBuilder();
    for (ControlKind kind : ControlKind.values()) {
      if (!hasField(kind)) {
        text.append(kind.sdmName()).append(": not supported by this processor\n");
        continue;
      }
      text.append(kind.sdmName()).append(" = ").append(String.format(kind.width() == 64 ? "0x%016X" : "0x%08X",
          value(kind))).append('\n');
      Map<String, List<Integer>> unnamed = new LinkedHashMap<>();
      for (BitDecision decision : notableDecisions()) {
        if (decision.kind() != kind) {
          continue;
        }
        if (decision.control().isPresent()) {
          text.append("  ").append(decision.describe()).append('\n');
        } else {
          unnamed.computeIfAbsent((decision.value() ? 1 : 0) + ": " + decision.why(), key -> new ArrayList<>())
              .add(decision.bit());
        }
      }
      unnamed.forEach((why, bits) -> text.append("  ").append(bits.size() == 1 ? "bit " : "bits ")
          .append(bits.stream().map(String::valueOf).collect(Collectors.joining(", "))).append(" = ").append(why)
          .append('\n'));
    }
    return text.toString();
  }
}
