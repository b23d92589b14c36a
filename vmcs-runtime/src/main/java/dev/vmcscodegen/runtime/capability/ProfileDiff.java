package dev.vmcscodegen.runtime.capability;

import dev.vmcscodegen.runtime.control.ControlKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Two capability profiles side by side (SDM Vol. 3D Appendix A): every field of IA32_VMX_BASIC, every
 * control bit's allowed settings (from the MSR in force, TRUE or not), every EPT/VPID capability, every
 * IA32_VMX_MISC field, every fixed CR0 and CR4 bit, the VMCS enumeration and the VM-function controls
 * that differ, in that order. What KVM developers do by diffing two {@code vmxcap} outputs by hand.
 *
 * @param differences every difference, in the order above
 */
public record ProfileDiff(List<ProfileDifference> differences) {

  /** Copies the list. */
  public ProfileDiff {
    differences = List.copyOf(differences);
  }

  /** Whether the profiles report the same capabilities. */
  public boolean same() {
    return differences.isEmpty();
  }

  /** The differences between {@code first} and {@code second}. */
  public static ProfileDiff compare(VmxCapabilities first, VmxCapabilities second) {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
    List<ProfileDifference> differences = new ArrayList<>();
    values(differences, "IA32_VMX_BASIC", "SDM Vol. 3D, A.1", basic(first.basic()), basic(second.basic()));
    for (ControlKind kind : ControlKind.values()) {
      controls(differences, kind, first.controlCapability(kind), second.controlCapability(kind));
    }
    values(differences, "IA32_VMX_EPT_VPID_CAP", "SDM Vol. 3D, A.10", eptVpid(first), eptVpid(second));
    values(differences, "IA32_VMX_MISC", "SDM Vol. 3D, A.6", misc(first.misc()), misc(second.misc()));
    fixed(differences, "CR0", "SDM Vol. 3D, A.7", first.cr0Fixed(), second.cr0Fixed());
    fixed(differences, "CR4", "SDM Vol. 3D, A.8", first.cr4Fixed(), second.cr4Fixed());
    values(differences, "IA32_VMX_VMCS_ENUM", "SDM Vol. 3D, A.9",
        Map.of("highest index", String.valueOf(first.vmcsEnumeration().highestIndex())),
        Map.of("highest index", String.valueOf(second.vmcsEnumeration().highestIndex())));
    vmFunctions(differences, first.vmFunctionControls(), second.vmFunctionControls());
    return new ProfileDiff(differences);
  }

  private static Map<String, String> basic(VmxBasic basic) {
    Map<String, String> items = new LinkedHashMap<>();
    items.put("VMCS revision identifier", String.format("0x%X", basic.revisionId()));
    items.put("VMCS region size", basic.vmcsRegionSize() + " bytes");
    items.put("32-bit physical addresses (bit 48)", yesNo(basic.physicalAddressesLimitedTo32Bits()));
    items.put("dual-monitor treatment (bit 49)", yesNo(basic.dualMonitorTreatment()));
    items.put("VMCS memory type (bits 53:50)", String.valueOf(basic.memoryTypeValue()));
    items.put("INS/OUTS instruction information (bit 54)", yesNo(basic.insOutsInstructionInformation()));
    items.put("TRUE capability MSRs (bit 55)", yesNo(basic.trueControls()));
    items.put("exception error code optional (bit 56)", yesNo(basic.entryWithoutErrorCode()));
    return items;
  }

  private static Map<String, String> misc(VmxMisc misc) {
    Map<String, String> items = new LinkedHashMap<>();
    items.put("VMX-preemption timer rate (bits 4:0)", String.valueOf(misc.preemptionTimerRate()));
    items.put("EFER.LMA stored on VM exit (bit 5)", yesNo(misc.storesEferLmaOnExit()));
    items.put("activity state HLT (bit 6)", yesNo(misc.supportsActivityHlt()));
    items.put("activity state shutdown (bit 7)", yesNo(misc.supportsActivityShutdown()));
    items.put("activity state wait-for-SIPI (bit 8)", yesNo(misc.supportsActivityWaitForSipi()));
    items.put("Intel PT in VMX operation (bit 14)", yesNo(misc.intelPtInVmx()));
    items.put("RDMSR of IA32_SMBASE in SMM (bit 15)", yesNo(misc.rdmsrSmbaseInSmm()));
    items.put("CR3-target values (bits 24:16)", String.valueOf(misc.cr3TargetCount()));
    items.put("maximum MSR-list size (bits 27:25)", String.valueOf(misc.maxMsrListSize()));
    items.put("IA32_SMM_MONITOR_CTL bit 2 (bit 28)", yesNo(misc.smmMonitorCtlBit2()));
    items.put("VMWRITE to any field (bit 29)", yesNo(misc.vmwriteAnyField()));
    items.put("zero-length injection (bit 30)", yesNo(misc.zeroLengthInjection()));
    items.put("MSEG revision identifier (bits 63:32)", String.format("0x%X", misc.msegRevisionId()));
    return items;
  }

  private static Map<String, String> eptVpid(VmxCapabilities profile) {
    Map<String, String> items = new LinkedHashMap<>();
    Optional<EptVpidCapability> capability = profile.eptVpidCapability();
    items.put("MSR present", yesNo(capability.isPresent()));
    for (EptVpidCapabilityBit bit : EptVpidCapabilityBit.values()) {
      items.put(bit.name() + " (bit " + bit.bit() + ")", yesNo(capability.map(c -> c.supports(bit)).orElse(false)));
    }
    items.put("maximum HLAT prefix size (bits 53:48)", String.valueOf(capability.map(EptVpidCapability::maxHlatPrefixSize).orElse(0)));
    return items;
  }

  private static void values(List<ProfileDifference> differences, String area, String reference,
      Map<String, String> first, Map<String, String> second) {
    first.forEach((item, value) -> {
      String other = second.get(item);
      if (!value.equals(other)) {
        differences.add(new ProfileDifference(area, item, value, other, reference));
      }
    });
  }

  private static void controls(List<ProfileDifference> differences, ControlKind kind,
      Optional<ControlCapability> first, Optional<ControlCapability> second) {
    String reference = first.or(() -> second).map(c -> c.msr().sdmReference()).orElse(kind.capabilityMsr().sdmReference());
    if (first.isPresent() != second.isPresent()) {
      differences.add(new ProfileDifference(kind.sdmName(), "field", supported(first), supported(second), reference));
    }
    if (first.isEmpty() && second.isEmpty()) {
      return;
    }
    for (int bit = 0; bit < kind.width(); bit++) {
      String a = setting(first, bit);
      String b = setting(second, bit);
      if (!a.equals(b)) {
        differences.add(new ProfileDifference(kind.sdmName(), kind.describeBit(bit), a, b, reference));
      }
    }
  }

  private static String supported(Optional<ControlCapability> capability) {
    return capability.map(c -> "supported (" + c.msr().name() + ")").orElse("not supported");
  }

  /** A bit's allowed settings; a field that does not exist allows only 0. */
  private static String setting(Optional<ControlCapability> capability, int bit) {
    if (capability.isEmpty()) {
      return "0 only";
    }
    AllowedSettings allowed = capability.get().allowed();
    boolean zero = allowed.allowsZero(bit);
    boolean one = allowed.allowsOne(bit);
    return zero && one ? "0 or 1" : zero ? "0 only" : one ? "1 only" : "neither (malformed)";
  }

  private static void fixed(List<ProfileDifference> differences, String register, String reference, FixedBits first,
      FixedBits second) {
    Function<FixedBits, Function<Integer, String>> setting = fixed -> bit -> {
      boolean one = (fixed.mustBeOne() >>> bit & 1) != 0;
      boolean zero = (fixed.mustBeZero() >>> bit & 1) != 0;
      return one && zero ? "neither (malformed)" : one ? "fixed to 1" : zero ? "fixed to 0" : "0 or 1";
    };
    for (int bit = 0; bit < Long.SIZE; bit++) {
      String a = setting.apply(first).apply(bit);
      String b = setting.apply(second).apply(bit);
      if (!a.equals(b)) {
        differences.add(new ProfileDifference(register + " in VMX operation", register + " bit " + bit, a, b, reference));
      }
    }
  }

  private static void vmFunctions(List<ProfileDifference> differences, Optional<AllowedSettings> first,
      Optional<AllowedSettings> second) {
    for (int bit = 0; bit < Long.SIZE; bit++) {
      int position = bit;
      String a = first.map(allowed -> allowed.allowsOne(position) ? "0 or 1" : "0 only").orElse("0 only");
      String b = second.map(allowed -> allowed.allowsOne(position) ? "0 or 1" : "0 only").orElse("0 only");
      if (!a.equals(b)) {
        differences.add(new ProfileDifference("VM-function controls", "bit " + bit, a, b, "SDM Vol. 3D, A.11"));
      }
    }
  }

  private static String yesNo(boolean value) {
    return value ? "yes" : "no";
  }
}
