package dev.vmcscodegen.runtime.capability;

import dev.vmcscodegen.problem.Problem;
import dev.vmcscodegen.runtime.control.ControlKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules of SDM Vol. 3D Appendix A that every real processor's capability MSRs obey, checked on a
 * profile so that a value no processor reports (a typo, a corrupted log, all-zero or random bytes read as
 * an msr device) is named instead of decoded as if it were a processor. Each break is a
 * {@link CapabilityProblem#CONTRADICTS_SDM} warning naming the rule; the value is still decoded as given.
 */
final class CapabilityRules {

  /** A.1: the VMCS region is at most 4096 bytes. */
  static final int MAX_VMCS_SIZE = 4096;
  /** A.1: bit 31 of IA32_VMX_BASIC is always 0. */
  static final int BASIC_RESERVED_BIT = 31;

  private CapabilityRules() {}

  /** The breaks of the rules in {@code values} (which hold IA32_VMX_BASIC), at the MSRs' lines. */
  static List<Problem> problems(Map<VmxCapabilityMsr, Long> values, Map<VmxCapabilityMsr, Integer> lines, String file) {
    List<Problem> problems = new ArrayList<>();
    VmxCapabilityMsr basicMsr = VmxCapabilityMsr.IA32_VMX_BASIC;
    VmxBasic basic = new VmxBasic(values.get(basicMsr));
    if ((basic.raw() >>> BASIC_RESERVED_BIT & 1) != 0) {
      problems.add(rule(basicMsr, lines, file, "bit 31 is 1; the SDM says it is always 0 (A.1)"));
    }
    if (basic.vmcsRegionSize() == 0 || basic.vmcsRegionSize() > MAX_VMCS_SIZE) {
      problems.add(rule(basicMsr, lines, file, String.format(
          "reports a VMCS region of %d bytes; the SDM allows 1 to %d (bits 44:32, A.1)", basic.vmcsRegionSize(),
          MAX_VMCS_SIZE)));
    }
    if (basic.memoryType().isEmpty()) {
      problems.add(rule(basicMsr, lines, file, String.format(
          "reports VMCS memory type %d; the SDM uses only 0 (UC) and 6 (WB) (bits 53:50, A.1)",
          basic.memoryTypeValue())));
    }
    for (ControlKind kind : ControlKind.values()) {
      if (kind.width() != Integer.SIZE) {
        continue;
      }
      for (VmxCapabilityMsr msr : new VmxCapabilityMsr[] {kind.capabilityMsr(), kind.trueCapabilityMsr().orElse(null)}) {
        if (msr != null && values.containsKey(msr)) {
          long malformed = AllowedSettings.fromControlMsr(values.get(msr)).malformedBits();
          if (malformed != 0) {
            problems.add(rule(msr, lines, file, String.format(
                "requires bits 0x%X to be 1 (allowed 0-settings) but does not allow them to be 1 (allowed"
                    + " 1-settings) (%s)", malformed, msr.sdmReference())));
          }
        }
      }
    }
    fixed(values, lines, file, VmxCapabilityMsr.IA32_VMX_CR0_FIXED0, VmxCapabilityMsr.IA32_VMX_CR0_FIXED1, problems);
    fixed(values, lines, file, VmxCapabilityMsr.IA32_VMX_CR4_FIXED0, VmxCapabilityMsr.IA32_VMX_CR4_FIXED1, problems);
    return problems;
  }

  private static void fixed(Map<VmxCapabilityMsr, Long> values, Map<VmxCapabilityMsr, Integer> lines, String file,
      VmxCapabilityMsr fixed0, VmxCapabilityMsr fixed1, List<Problem> problems) {
    if (values.containsKey(fixed0) && values.containsKey(fixed1)) {
      long outside = values.get(fixed0) & ~values.get(fixed1);
      if (outside != 0) {
        problems.add(rule(fixed0, lines, file, String.format(
            "fixes bits 0x%X to 1 that %s does not allow to be 1 (%s)", outside, fixed1.name(), fixed0.sdmReference())));
      }
    }
  }

  private static Problem rule(VmxCapabilityMsr msr, Map<VmxCapabilityMsr, Integer> lines, String file, String text) {
    return CapabilityProblem.CONTRADICTS_SDM.at(file, lines.getOrDefault(msr, 0), msr.describe(), text);
  }
}
