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
 * bits). What the checker adds to that model: an MSR absent from the map that the processor cannot have
 * (by the presence rules of SDM Vol. 3D Appendix A) reports no capability (all its allowed-1 bits 0); an
 * MSR absent that the processor has, or may have, is unknown, and a check that needs it is not
 * verifiable, never a violation. {@link #unknown()} knows no MSR at all: the checks that need no
 * capability still run. A TRUE control MSR missing while IA32_VMX_BASIC bit 55 is 1 leaves that control
 * field's allowed settings unknown (the plain MSR does not say which default-1 bits may be 0).
 *
 * @param msrs raw MSR values by address; any subset
 */
public record EntryCapabilities(Map<Integer, Long> msrs) {

  /** What a check that compares with a capability MSR needs when no MSR at all is known. */
  public static final String NO_PROFILE = "a capability profile of the processor (none was given)";

  /** Copies the map (sorted). */
  public EntryCapabilities {
    msrs = Map.copyOf(new TreeMap<>(msrs));
  }

  /** No capability MSR known: every check that compares with one is not verifiable. */
  public static EntryCapabilities unknown() {
    return new EntryCapabilities(Map.of());
  }

  /** The profile of a {@link VmxCapabilities} (read from a processor or parsed from a profile file). */
  public static EntryCapabilities of(VmxCapabilities capabilities) {
    return new EntryCapabilities(capabilities.msrs());
  }

  /**
   * Whether the MSR's value is known, or known not to exist (then its value reads 0); false when the
   * processor has or may have it and the map lacks it.
   */
  public boolean knows(VmxCapabilityMsr msr) {
    return msrs.containsKey(msr.address()) || msr.cannotExist(msrs);
  }

  /**
   * The raw value of an MSR, 0 when the processor cannot have it (no such capability).
   *
   * @throws MissingInputException (ending the check as not verifiable) when it is unknown
   */
  public long value(VmxCapabilityMsr msr) {
    Long value = msrs.get(msr.address());
    if (value != null) {
      return value;
    }
    if (msrs.isEmpty()) {
      throw new MissingInputException(NO_PROFILE);
    }
    if (!msr.cannotExist(msrs)) {
      throw new MissingInputException("capability MSR " + msr.describe() + " is not in the profile");
    }
    return 0;
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
   * IA32_VMX_BASIC bit 55, SDM Vol. 3D A.2); nothing may be 1 when the processor cannot have that MSR.
   *
   * @throws MissingInputException (ending the check as not verifiable) when that MSR is unknown
   */
  public AllowedSettings controls(ControlKind kind) {
    return AllowedSettings.fromMsr(value(kind.capabilityMsrInForce(basic().trueControls())), kind.width());
  }
}
