package dev.vmcscodegen.runtime.control;

/**
 * The secondary processor-based VM-execution controls, SDM Vol. 3C 25.6.2, Table "Definitions of
 * Secondary Processor-Based VM-Execution Controls". They apply only when the primary control
 * "activate secondary controls" is 1. Bit 29 has no name here (printed as {@code bit 29}).
 */
public enum SecondaryProcessorBasedControl implements ControlBit {
  /** Bit 0: virtualize APIC accesses. */
  VIRTUALIZE_APIC_ACCESSES(0, "virtualize APIC accesses"),
  /** Bit 1: enable EPT. */
  ENABLE_EPT(1, "enable EPT"),
  /** Bit 2: descriptor-table exiting. */
  DESCRIPTOR_TABLE_EXITING(2, "descriptor-table exiting"),
  /** Bit 3: enable RDTSCP. */
  ENABLE_RDTSCP(3, "enable RDTSCP"),
  /** Bit 4: virtualize x2APIC mode. */
  VIRTUALIZE_X2APIC_MODE(4, "virtualize x2APIC mode"),
  /** Bit 5: enable VPID. */
  ENABLE_VPID(5, "enable VPID"),
  /** Bit 6: WBINVD exiting. */
  WBINVD_EXITING(6, "WBINVD exiting"),
  /** Bit 7: unrestricted guest. */
  UNRESTRICTED_GUEST(7, "unrestricted guest"),
  /** Bit 8: APIC-register virtualization. */
  APIC_REGISTER_VIRTUALIZATION(8, "APIC-register virtualization"),
  /** Bit 9: virtual-interrupt delivery. */
  VIRTUAL_INTERRUPT_DELIVERY(9, "virtual-interrupt delivery"),
  /** Bit 10: PAUSE-loop exiting. */
  PAUSE_LOOP_EXITING(10, "PAUSE-loop exiting"),
  /** Bit 11: RDRAND exiting. */
  RDRAND_EXITING(11, "RDRAND exiting"),
  /** Bit 12: enable INVPCID. */
  ENABLE_INVPCID(12, "enable INVPCID"),
  /** Bit 13: enable VM functions. */
  ENABLE_VM_FUNCTIONS(13, "enable VM functions"),
  /** Bit 14: VMCS shadowing. */
  VMCS_SHADOWING(14, "VMCS shadowing"),
  /** Bit 15: enable ENCLS exiting. */
  ENABLE_ENCLS_EXITING(15, "enable ENCLS exiting"),
  /** Bit 16: RDSEED exiting. */
  RDSEED_EXITING(16, "RDSEED exiting"),
  /** Bit 17: enable PML. */
  ENABLE_PML(17, "enable PML"),
  /** Bit 18: EPT-violation #VE. */
  EPT_VIOLATION_VE(18, "EPT-violation #VE"),
  /** Bit 19: conceal VMX from PT. */
  CONCEAL_VMX_FROM_PT(19, "conceal VMX from PT"),
  /** Bit 20: enable XSAVES/XRSTORS. */
  ENABLE_XSAVES_XRSTORS(20, "enable XSAVES/XRSTORS"),
  /** Bit 21: PASID translation. */
  PASID_TRANSLATION(21, "PASID translation"),
  /** Bit 22: mode-based execute control for EPT. */
  MODE_BASED_EXECUTE_CONTROL_FOR_EPT(22, "mode-based execute control for EPT"),
  /** Bit 23: sub-page write permissions for EPT. */
  SUB_PAGE_WRITE_PERMISSIONS_FOR_EPT(23, "sub-page write permissions for EPT"),
  /** Bit 24: Intel PT uses guest physical addresses. */
  INTEL_PT_USES_GUEST_PHYSICAL_ADDRESSES(24, "Intel PT uses guest physical addresses"),
  /** Bit 25: use TSC scaling. */
  USE_TSC_SCALING(25, "use TSC scaling"),
  /** Bit 26: enable user wait and pause. */
  ENABLE_USER_WAIT_AND_PAUSE(26, "enable user wait and pause"),
  /** Bit 27: enable PCONFIG. */
  ENABLE_PCONFIG(27, "enable PCONFIG"),
  /** Bit 28: enable ENCLV exiting. */
  ENABLE_ENCLV_EXITING(28, "enable ENCLV exiting"),
  /** Bit 30: VMM bus-lock detection. */
  VMM_BUS_LOCK_DETECTION(30, "VMM bus-lock detection"),
  /** Bit 31: instruction timeout. */
  INSTRUCTION_TIMEOUT(31, "instruction timeout");

  private final ControlBitDefinition definition;

  SecondaryProcessorBasedControl(int bit, String sdmName) {
    this.definition = new ControlBitDefinition(bit, sdmName);
  }

  @Override
  public ControlBitDefinition definition() {
    return definition;
  }
}
