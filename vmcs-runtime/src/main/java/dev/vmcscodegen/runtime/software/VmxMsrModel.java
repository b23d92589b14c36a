package dev.vmcscodegen.runtime.software;

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

  /** IA32_VMX_BASIC, SDM Vol. 3D A.1. */
  static final int IA32_VMX_BASIC = 0x480;
  /** IA32_VMX_MISC, SDM Vol. 3D A.6. */
  static final int IA32_VMX_MISC = 0x485;
  /** IA32_VMX_PROCBASED_CTLS2, SDM Vol. 3D A.3.3. */
  static final int IA32_VMX_PROCBASED_CTLS2 = 0x48B;
  /** IA32_VMX_BASIC bits 30:0: the VMCS revision identifier (SDM Vol. 3D A.1). */
  private static final long BASIC_REVISION_IDENTIFIER = 0x7FFF_FFFFL;
  /** IA32_VMX_BASIC bit 48: VMXON-region and VMCS addresses are limited to 32 bits (SDM Vol. 3D A.1). */
  private static final long BASIC_32_BIT_ADDRESSES = 1L << 48;
  /** IA32_VMX_MISC bit 29: VMWRITE may write any supported field, read-only ones included (SDM Vol. 3D A.6). */
  private static final long MISC_VMWRITE_ANY_FIELD = 1L << 29;
  /**
   * IA32_VMX_PROCBASED_CTLS2 bit 46: the allowed-1 setting of secondary processor-based control bit 14,
   * "VMCS shadowing" (SDM Vol. 3D A.3.3; Vol. 3C 25.6.2).
   */
  private static final long CTLS2_ALLOWS_VMCS_SHADOWING = 1L << (32 + 14);

  /** Reads the model from the MSRs a software VMCS was given. */
  static VmxMsrModel from(Map<Integer, Long> msrs, int configuredPhysicalAddressWidth) {
    long basic = msrs.getOrDefault(IA32_VMX_BASIC, 0L);
    return new VmxMsrModel(
        (int) (basic & BASIC_REVISION_IDENTIFIER),
        (basic & BASIC_32_BIT_ADDRESSES) != 0 ? Integer.SIZE : configuredPhysicalAddressWidth,
        (msrs.getOrDefault(IA32_VMX_MISC, 0L) & MISC_VMWRITE_ANY_FIELD) != 0,
        (msrs.getOrDefault(IA32_VMX_PROCBASED_CTLS2, 0L) & CTLS2_ALLOWS_VMCS_SHADOWING) != 0);
  }
}
