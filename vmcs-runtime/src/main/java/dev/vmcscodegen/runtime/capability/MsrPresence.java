package dev.vmcscodegen.runtime.capability;

import dev.vmcscodegen.problem.Problem;
import dev.vmcscodegen.runtime.control.ControlKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which capability MSRs exist, by the rules of SDM Vol. 3D Appendix A that {@link VmxCapabilityMsr}
 * records, and the problems of a set of MSR values that breaks them.
 */
final class MsrPresence {

  /** Whether an MSR exists, as far as the MSR values at hand tell. */
  enum Status {
    /** The processor has it. */
    EXISTS,
    /** The processor cannot have it. */
    ABSENT,
    /** The MSR whose bits decide it is itself unknown. */
    UNKNOWN
  }

  private MsrPresence() {}

  /** Whether {@code msr} exists on a processor whose capability MSRs read so far are {@code known}. */
  static boolean exists(VmxCapabilityMsr msr, Map<VmxCapabilityMsr, Long> known) {
    return status(msr, known) == Status.EXISTS;
  }

  /** Whether {@code msr} exists, cannot exist, or depends on an MSR missing from {@code known}. */
  static Status status(VmxCapabilityMsr msr, Map<VmxCapabilityMsr, Long> known) {
    if (msr.alwaysExists()) {
      return Status.EXISTS;
    }
    VmxCapabilityMsr condition = msr.condition().orElseThrow();
    Status conditionStatus = status(condition, known);
    if (conditionStatus != Status.EXISTS) {
      return conditionStatus;
    }
    Long value = known.get(condition);
    if (value == null) {
      return Status.UNKNOWN;
    }
    return (value & msr.conditionBits()) != 0 ? Status.EXISTS : Status.ABSENT;
  }

  /**
   * The problems of {@code values} read from {@code file} for the strict readers: MSRs that
   * must exist but are absent (line 0) and MSRs present that cannot exist (at their line from
   * {@code lines}, 0 if absent there).
   */
  static List<Problem> problems(Map<VmxCapabilityMsr, Long> values, Map<VmxCapabilityMsr, Integer> lines,
      String file) {
    List<Problem> problems = new ArrayList<>();
    for (VmxCapabilityMsr msr : VmxCapabilityMsr.values()) {
      boolean present = values.containsKey(msr);
      Status status = status(msr, values);
      if (status == Status.EXISTS && !present) {
        problems.add(CapabilityProblem.MISSING_MSR.at(file, 0, msr.describe(), reason(msr, true), msr.decides()));
      } else if (present && status == Status.ABSENT) {
        problems.add(impossible(msr, lines.getOrDefault(msr, 0), file));
      }
    }
    return problems;
  }

  /** The warning for an MSR given at {@code line} that cannot exist. */
  static Problem impossible(VmxCapabilityMsr msr, int line, String file) {
    return CapabilityProblem.IMPOSSIBLE_MSR.at(file, line, msr.describe(), reason(msr, false));
  }

  /** The warning for an MSR that exists but is absent from {@code values}: a TRUE MSR falls back. */
  static Problem missing(VmxCapabilityMsr msr, Map<VmxCapabilityMsr, Long> values, String file) {
    for (ControlKind kind : ControlKind.values()) {
      if (kind.trueCapabilityMsr().filter(msr::equals).isPresent() && values.containsKey(kind.capabilityMsr())) {
        return CapabilityProblem.TRUE_MSR_FALLBACK.at(file, 0, msr.describe(), kind.capabilityMsr().name());
      }
    }
    return CapabilityProblem.MISSING_MSR.at(file, 0, msr.describe(), reason(msr, true), msr.decides());
  }

  private static String reason(VmxCapabilityMsr msr, boolean exists) {
    if (msr.alwaysExists()) {
      return "every processor with VMX has it (" + msr.sdmReference() + ")";
    }
    VmxCapabilityMsr condition = msr.condition().orElseThrow();
    List<String> bits = new ArrayList<>();
    for (int bit = 0; bit < 64; bit++) {
      if ((msr.conditionBits() >>> bit & 1) != 0) {
        bits.add(Integer.toString(bit));
      }
    }
    String which = bits.size() == 1 ? "bit " + bits.get(0) : "any of bits " + String.join(", ", bits);
    return exists
        ? String.format("%s has %s set (%s)", condition.describe(), which, msr.sdmReference())
        : String.format("it exists only if %s has %s set, and it is absent or has not (%s)", condition.describe(),
            which, msr.sdmReference());
  }
}
