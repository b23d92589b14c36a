package dev.vmcscodegen.runtime.control;

/**
 * The VM-entry controls, SDM Vol. 3C 25.8.1, Table "Definitions of VM-Entry Controls". Bits 0-8
 * and 12 are default1.
 */
public enum VmEntryControl implements ControlBit {
  /** Bit 2: load debug controls. */
  LOAD_DEBUG_CONTROLS(2, "load debug controls"),
  /** Bit 9: IA-32e mode guest. */
  IA32E_MODE_GUEST(9, "IA-32e mode guest"),
  /** Bit 10: entry to SMM. */
  ENTRY_TO_SMM(10, "entry to SMM"),
  /** Bit 11: deactivate dual-monitor treatment. */
  DEACTIVATE_DUAL_MONITOR_TREATMENT(11, "deactivate dual-monitor treatment"),
  /** Bit 13: load IA32_PERF_GLOBAL_CTRL. */
  LOAD_IA32_PERF_GLOBAL_CTRL(13, "load IA32_PERF_GLOBAL_CTRL"),
  /** Bit 14: load IA32_PAT. */
  LOAD_IA32_PAT(14, "load IA32_PAT"),
  /** Bit 15: load IA32_EFER. */
  LOAD_IA32_EFER(15, "load IA32_EFER"),
  /** Bit 16: load IA32_BNDCFGS. */
  LOAD_IA32_BNDCFGS(16, "load IA32_BNDCFGS"),
  /** Bit 17: conceal VMX from PT. */
  CONCEAL_VMX_FROM_PT(17, "conceal VMX from PT"),
  /** Bit 18: load IA32_RTIT_CTL. */
  LOAD_IA32_RTIT_CTL(18, "load IA32_RTIT_CTL"),
  /** Bit 19: load UINV. */
  LOAD_UINV(19, "load UINV"),
  /** Bit 20: load CET state. */
  LOAD_CET_STATE(20, "load CET state"),
  /** Bit 21: load guest IA32_LBR_CTL. */
  LOAD_GUEST_IA32_LBR_CTL(21, "load guest IA32_LBR_CTL"),
  /** Bit 22: load PKRS. */
  LOAD_PKRS(22, "load PKRS"),
  /** Bit 23: load IA32_FRED. */
  LOAD_IA32_FRED(23, "load IA32_FRED");

  private final ControlBitDefinition definition;

  VmEntryControl(int bit, String sdmName) {
    this.definition = new ControlBitDefinition(bit, sdmName);
  }

  @Override
  public ControlBitDefinition definition() {
    return definition;
  }
}
