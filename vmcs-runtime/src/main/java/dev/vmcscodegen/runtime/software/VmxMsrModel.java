package dev.vmcscodegen.runtime.software;

import dev.vmcscodegen.runtime.control.SecondaryProcessorBasedControl;
import dev.vmcscodegen.runtime.capability.VmxMisc;
import dev.vmcscodegen.runtime.capability.VmxCapabilityMsr;
import dev.vmcscodegen.runtime.capability.VmxBasic;
import dev.vmcscodegen.runtime.capability.AllowedSettings;
import java.util.Map;

/**
 * What the modelled processor's VMX capability MSRs say about its VMX instructions (SDM Vol. 3D
 * Appendix A). A capability MSR not given reads as 0.
 *
 * @param revisionIdentifier IA32_VMX_BASIC bits 30:0, the VMCS revision identifier VMPTRLD expects
 * @param physicalAddressWidth how many bits a VMCS address may have: 32 if IA32_VMX_BASIC bit 48 is set,
 *     else the configured physical-address width
 * @param vmwriteAnyField IA32_VMX_MISC bit 29: VMWRITE may write read-only fields
 * @param shadowVmcsAllowed IA32_VMX_PROCBASED_CTLS2 bit 46: VMPTRLD accepts the shadow-VMCS indicator
 */
record VmxMsrModel(int revisionIdentifier, int physicalAddressWidth, boolean vmwriteAnyField,
    boolean shadowVmcsAllowed) {

  /** Reads the model from the MSRs a software VMCS was given, decoded by the capability model. */
  static VmxMsrModel from(Map<Integer, Long> msrs, int configuredPhysicalAddressWidth) {
    VmxBasic basic = new VmxBasic(value(msrs, VmxCapabilityMsr.IA32_VMX_BASIC));
    AllowedSettings secondary = AllowedSettings.fromControlMsr(value(msrs, VmxCapabilityMsr.IA32_VMX_PROCBASED_CTLS2));
    return new VmxMsrModel(
        basic.revisionId(),
        basic.physicalAddressesLimitedTo32Bits() ? Integer.SIZE : configuredPhysicalAddressWidth,
        new VmxMisc(value(msrs, VmxCapabilityMsr.IA32_VMX_MISC)).vmwriteAnyField(),
        secondary.allowsOne(SecondaryProcessorBasedControl.VMCS_SHADOWING.bit()));
  }

  private static long value(Map<Integer, Long> msrs, VmxCapabilityMsr msr) {
    return msrs.getOrDefault(msr.address(), 0L);
  }
}
