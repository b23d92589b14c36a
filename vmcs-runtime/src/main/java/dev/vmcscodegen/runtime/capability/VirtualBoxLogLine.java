package dev.vmcscodegen.runtime.capability;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A capability line of a VirtualBox release log ({@code VBox.log}): {@code TAG: MSR_IA32_VMX_NAME = VALUE},
 * whatever precedes the tag (the log's time stamp, a quote mark {@code >} of a forum or e-mail).
 *
 * <p>The forms VirtualBox printed, from its {@code LogRel} calls and the public logs our tests quote:
 * <ul>
 *   <li>the tag is {@code HM:} (VirtualBox 4.3 and later, {@code src/VBox/VMM/VMMR3/HM.cpp}) or
 *       {@code HWACCM:} (before, {@code HWACCM.cpp});</li>
 *   <li>the value is {@code %#RX64} ({@code 0x} and hex digits, the later versions) or {@code %RX64} /
 *       {@code %VX64} (hex digits alone, the earlier ones);</li>
 *   <li>older versions name IA32_VMX_BASIC {@code MSR_IA32_VMX_BASIC_INFO} and the {@code HWACCM:} ones
 *       IA32_VMX_EPT_VPID_CAP {@code MSR_IA32_VMX_EPT_VPID_CAPS}; a version 5 log names IA32_VMX_VMFUNC
 *       {@code MSR_A32_VMX_VMFUNC} (without the {@code I});</li>
 *   <li>that version 5 also logs the fields of an MSR under its name, indented:
 *       {@code HM:   MSR_IA32_VMX_MISC_MAX_MSR = 512} is a field of IA32_VMX_MISC, not an MSR.</li>
 * </ul>
 *
 * @param name the name after {@code MSR_IA32_VMX_}, as logged ({@code BASIC_INFO})
 * @param msr the capability MSR that name is, empty if none
 * @param value the value as logged, unchecked
 */
record VirtualBoxLogLine(String name, Optional<VmxCapabilityMsr> msr, String value) {

  private static final Pattern LINE = Pattern.compile(
      "(?:^|\\s)(?:HM|HWACCM):\\s+MSR_(?:IA32|A32)_VMX_([A-Z0-9_]+)\\s*=\\s*(\\S*)");
  /** The names older VirtualBox versions gave capability MSRs, by the name after {@code MSR_IA32_VMX_}. */
  private static final Map<String, VmxCapabilityMsr> OLD_NAMES = Map.of(
      "BASIC_INFO", VmxCapabilityMsr.IA32_VMX_BASIC,
      "EPT_VPID_CAPS", VmxCapabilityMsr.IA32_VMX_EPT_VPID_CAP);
  private static final String PREFIX = "IA32_VMX_";

  /**
   * The capability line {@code text} holds, if any; empty for every other line of a log, a detail line
   * of VirtualBox 5.0 included.
   */
  static Optional<VirtualBoxLogLine> of(String text) {
    Matcher matcher = LINE.matcher(text);
    if (!matcher.find()) {
      return Optional.empty();
    }
    String name = matcher.group(1);
    Optional<VmxCapabilityMsr> msr = byName(name);
    if (msr.isEmpty() && isDetailOfAnMsr(name)) {
      return Optional.empty();
    }
    return Optional.of(new VirtualBoxLogLine(name, msr, matcher.group(2)));
  }

  /** Whether any line of {@code lines} is a VirtualBox capability line. */
  static boolean isLog(String[] lines) {
    for (String line : lines) {
      if (of(line).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /** The name as the log spells it, for a warning: {@code MSR_IA32_VMX_NAME}. */
  String loggedName() {
    return "MSR_" + PREFIX + name;
  }

  private static Optional<VmxCapabilityMsr> byName(String name) {
    VmxCapabilityMsr old = OLD_NAMES.get(name);
    if (old != null) {
      return Optional.of(old);
    }
    for (VmxCapabilityMsr msr : VmxCapabilityMsr.values()) {
      if (msr.name().equals(PREFIX + name)) {
        return Optional.of(msr);
      }
    }
    return Optional.empty();
  }

  /** {@code MISC_MAX_MSR}: a known MSR's name, then {@code _} and the field (VirtualBox 5.0). */
  private static boolean isDetailOfAnMsr(String name) {
    for (VmxCapabilityMsr msr : VmxCapabilityMsr.values()) {
      if (name.startsWith(msr.name().substring(PREFIX.length()) + "_")) {
        return true;
      }
    }
    return false;
  }
}
