package dev.vmcscodegen.runtime.control;

/**
 * The primary VM-exit controls, SDM Vol. 3C 25.7.1, Table "Definitions of Primary VM-Exit
 * Controls". Bits 0-8, 10, 11, 13, 14, 16 and 17 are default1.
 */
public enum PrimaryVmExitControl implements ControlBit {
  /** Bit 2: save debug controls. */
  SAVE_DEBUG_CONTROLS(2, "save debug controls"),
  /** Bit 9: host address-space size. */
  HOST_ADDRESS_SPACE_SIZE(9, "host address-space size"),
  /** Bit 12: load IA32_PERF_GLOBAL_CTRL. */
  LOAD_IA32_PERF_GLOBAL_CTRL(12, "load IA32_PERF_GLOBAL_CTRL"),
  /** Bit 15: acknowledge interrupt on exit. */
  ACKNOWLEDGE_INTERRUPT_ON_EXIT(15, "acknowledge interrupt on exit"),
  /** Bit 18: save IA32_PAT. */
  SAVE_IA32_PAT(18, "save IA32_PAT"),
  /** Bit 19: load IA32_PAT. */
  LOAD_IA32_PAT(19, "load IA32_PAT"),
  /** Bit 20: save IA32_EFER. */
  SAVE_IA32_EFER(20, "save IA32_EFER"),
  /** Bit 21: load IA32_EFER. */
  LOAD_IA32_EFER(21, "load IA32_EFER"),
  /** Bit 22: save VMX-preemption timer value. */
  SAVE_VMX_PREEMPTION_TIMER_VALUE(22, "save VMX-preemption timer value"),
  /** Bit 23: clear IA32_BNDCFGS. */
  CLEAR_IA32_BNDCFGS(23, "clear IA32_BNDCFGS"),
  /** Bit 24: conceal VMX from PT. */
  CONCEAL_VMX_FROM_PT(24, "conceal VMX from PT"),
  /** Bit 25: clear IA32_RTIT_CTL. */
  CLEAR_IA32_RTIT_CTL(25, "clear IA32_RTIT_CTL"),
  /** Bit 26: clear IA32_LBR_CTL. */
  CLEAR_IA32_LBR_CTL(26, "clear IA32_LBR_CTL"),
  /** Bit 27: clear UINV. */
  CLEAR_UINV(27, "clear UINV"),
  /** Bit 28: load CET state. */
  LOAD_CET_STATE(28, "load CET state"),
  /** Bit 29: load PKRS. */
  LOAD_PKRS(29, "load PKRS"),
  /** Bit 30: save IA32_PERF_GLOBAL_CTRL. */
  SAVE_IA32_PERF_GLOBAL_CTRL(30, "save IA32_PERF_GLOBAL_CTRL"),
  /** Bit 31: activate secondary controls. */
  ACTIVATE_SECONDARY_CONTROLS(31, "activate secondary controls");

  private final ControlBitDefinition definition;

  PrimaryVmExitControl(int bit, String sdmName) {
    this.definition = new ControlBitDefinition(bit, sdmName);
  }

  @Override
  public ControlBitDefinition definition() {
    return definition;
  }
}
