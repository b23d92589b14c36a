package dev.vmcscodegen.runtime.capability;

import dev.vmcscodegen.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which capability MSRs exist, by the rules of SDM Vol. 3D Appendix A that {@link VmxCapabilityMsr}
 * records, and the problems of a set of MSR values that breaks them.
 */
final class MsrPresence {

  private MsrPresence() {}

  /** Whether {@code msr} exists on a processor whose capability MSRs read so far are {@code known}. */
  static boolean exists(VmxCapabilityMsr msr, Map<VmxCapabilityMsr, Long> known) {
    if (msr.alwaysExists()) {
      return true;
    }
    VmxCapabilityMsr condition = msr.condition().orElseThrow();
    Long value = known.get(condition);
    return value != null && exists(condition, known) && (value & msr.conditionBits()) != 0;
  }

  /**
   * The problems of {@code values} read from {@code file}: MSRs that must exist but are absent (line 0)
   * and MSRs present that cannot exist (at their line from {@code lines}, 0 if absent there).
   */
  static List<Problem> problems(Map<VmxCapabilityMsr, Long> values, Map<VmxCapabilityMsr, Integer> lines,
      String file) {
    List<Problem> problems = new ArrayList<>();
    for (VmxCapabilityMsr msr : VmxCapabilityMsr.values()) {
      boolean present = values.containsKey(msr);
      boolean exists = exists(msr, values);
      if (exists && !present) {
        problems.add(CapabilityProblem.MISSING_MSR.at(file, 0, msr.describe(), reason(msr, true)));
      } else if (present && !exists) {
        problems.add(CapabilityProblem.IMPOSSIBLE_MSR.at(file, lines.getOrDefault(msr, 0), msr.describe(),
            reason(msr, false)));
      }
    }
    return problems;
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
    return String.format("it exists only if %s has %s set, and %s (%s)", condition.describe(), which,
        exists ? "it has" : "it is absent or has not", msr.sdmReference());
  }
}
