package dev.vmcscodegen.runtime.entry;

import dev.vmcscodegen.runtime.capability.AllowedSettings;
import dev.vmcscodegen.runtime.capability.EptVpidCapability;
import dev.vmcscodegen.runtime.capability.FixedBits;
import dev.vmcscodegen.runtime.capability.VmxBasic;
import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.capability.VmxCapabilityMsr;
import dev.vmcscodegen.runtime.capability.VmxMisc;
import dev.vmcscodegen.runtime.control.ControlKind;
import java.util.Map;
import java.util.TreeMap;

/**
 * The VMX capability MSRs the VM-entry checks compare a VMCS with, as raw values by MSR address, read
 * through the capability model ({@link VmxCapabilityMsr} for the MSRs, {@link VmxBasic},
 * {@link VmxMisc}, {@link AllowedSettings}, {@link FixedBits}, {@link EptVpidCapability} for their
 * bits). What the checker adds to that model: an optional MSR absent from the map reports no
 * capability (all its allowed-1 bits 0), as on a processor where it does not exist, and only the MSRs
 * every VM entry consults must be present (SDM Vol. 3D Appendix A; Vol. 3C 27.2.1).
 *
 * @param msrs raw MSR values by address; must hold every MSR each processor with VMX has, and the TRUE
 *     control MSRs when IA32_VMX_BASIC bit 55 is 1
 */
public record EntryCapabilities(Map<Integer, Long> msrs) {

  /** Validates that the MSRs every VM entry consults are present and copies the map (sorted). */
  public EntryCapabilities {
    msrs = Map.copyOf(new TreeMap<>(msrs));
    for (VmxCapabilityMsr msr : VmxCapabilityMsr.values()) {
      if (msr.alwaysExists()) {
        requirePresent(msrs, msr, "every processor with VMX has it");
      }
    }
    VmxBasic basic = new VmxBasic(msrs.get(VmxCapabilityMsr.IA32_VMX_BASIC.address()));
    if (basic.trueControls()) {
      for (ControlKind kind : ControlKind.values()) {
        if (kind.trueCapabilityMsr().isPresent()) {
          requirePresent(msrs, kind.trueCapabilityMsr().get(), "IA32_VMX_BASIC bit 55 is 1");
        }
      }
    }
  }

  private static void requirePresent(Map<Integer, Long> msrs, VmxCapabilityMsr msr, String why) {
    if (!msrs.containsKey(msr.address())) {
      throw new IllegalArgumentException(String.format(
          "capability MSR 0x%X is missing from the profile (%s; SDM Vol. 3D Appendix A)", msr.address(), why));
    }
  }

  /** The profile of a {@link VmxCapabilities} (read from a processor or parsed from a profile file). */
  public static EntryCapabilities of(VmxCapabilities capabilities) {
    return new EntryCapabilities(capabilities.msrs());
  }

  /** The raw value of an MSR, 0 when absent (no such capability). */
  public long value(VmxCapabilityMsr msr) {
    return msrs.getOrDefault(msr.address(), 0L);
  }

  /** IA32_VMX_BASIC, decoded. */
  public VmxBasic basic() {
    return new VmxBasic(value(VmxCapabilityMsr.IA32_VMX_BASIC));
  }

  /** IA32_VMX_MISC, decoded. */
  public VmxMisc misc() {
    return new VmxMisc(value(VmxCapabilityMsr.IA32_VMX_MISC));
  }

  /** IA32_VMX_CR0_FIXED0 and IA32_VMX_CR0_FIXED1. */
  public FixedBits cr0Fixed() {
    return new FixedBits(value(VmxCapabilityMsr.IA32_VMX_CR0_FIXED0), value(VmxCapabilityMsr.IA32_VMX_CR0_FIXED1));
  }

  /** IA32_VMX_CR4_FIXED0 and IA32_VMX_CR4_FIXED1. */
  public FixedBits cr4Fixed() {
    return new FixedBits(value(VmxCapabilityMsr.IA32_VMX_CR4_FIXED0), value(VmxCapabilityMsr.IA32_VMX_CR4_FIXED1));
  }

  /** IA32_VMX_EPT_VPID_CAP, decoded; no capability when absent. */
  public EptVpidCapability eptVpid() {
    return new EptVpidCapability(value(VmxCapabilityMsr.IA32_VMX_EPT_VPID_CAP));
  }

  /** The allowed 1-settings of the VM-function controls (IA32_VMX_VMFUNC); none when absent. */
  public AllowedSettings vmFunctions() {
    return AllowedSettings.fromAllowed1Mask(value(VmxCapabilityMsr.IA32_VMX_VMFUNC));
  }

  /**
   * The allowed settings of a control field from the capability MSR in force (TRUE or plain, by
   * IA32_VMX_BASIC bit 55, SDM Vol. 3D A.2); nothing may be 1 when that MSR is absent.
   */
  public AllowedSettings controls(ControlKind kind) {
    return AllowedSettings.fromMsr(value(kind.capabilityMsrInForce(basic().trueControls())), kind.width());
  }
}
