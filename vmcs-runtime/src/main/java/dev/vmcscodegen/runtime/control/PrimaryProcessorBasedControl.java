package dev.vmcscodegen.runtime.control;

/**
 * The primary processor-based VM-execution controls, SDM Vol. 3C 25.6.2, Table "Definitions of Primary
 * Processor-Based VM-Execution Controls". Bits 1, 4-6, 8, 13-16 and 26 are default1.
 */
public enum PrimaryProcessorBasedControl implements ControlBit {
  /** Bit 2: interrupt-window exiting. */
  INTERRUPT_WINDOW_EXITING(2, "interrupt-window exiting"),
  /** Bit 3: use TSC offsetting. */
  USE_TSC_OFFSETTING(3, "use TSC offsetting"),
  /** Bit 7: HLT exiting. */
  HLT_EXITING(7, "HLT exiting"),
  /** Bit 9: INVLPG exiting. */
  INVLPG_EXITING(9, "INVLPG exiting"),
  /** Bit 10: MWAIT exiting. */
  MWAIT_EXITING(10, "MWAIT exiting"),
  /** Bit 11: RDPMC exiting. */
  RDPMC_EXITING(11, "RDPMC exiting"),
  /** Bit 12: RDTSC exiting. */
  RDTSC_EXITING(12, "RDTSC exiting"),
  /** Bit 15: CR3-load exiting. */
  CR3_LOAD_EXITING(15, "CR3-load exiting"),
  /** Bit 16: CR3-store exiting. */
  CR3_STORE_EXITING(16, "CR3-store exiting"),
  /** Bit 17: activate tertiary controls. */
  ACTIVATE_TERTIARY_CONTROLS(17, "activate tertiary controls"),
  /** Bit 19: CR8-load exiting. */
  CR8_LOAD_EXITING(19, "CR8-load exiting"),
  /** Bit 20: CR8-store exiting. */
  CR8_STORE_EXITING(20, "CR8-store exiting"),
  /** Bit 21: use TPR shadow. */
  USE_TPR_SHADOW(21, "use TPR shadow"),
  /** Bit 22: NMI-window exiting. */
  NMI_WINDOW_EXITING(22, "NMI-window exiting"),
  /** Bit 23: MOV-DR exiting. */
  MOV_DR_EXITING(23, "MOV-DR exiting"),
  /** Bit 24: unconditional I/O exiting. */
  UNCONDITIONAL_IO_EXITING(24, "unconditional I/O exiting"),
  /** Bit 25: use I/O bitmaps. */
  USE_IO_BITMAPS(25, "use I/O bitmaps"),
  /** Bit 27: monitor trap flag. */
  MONITOR_TRAP_FLAG(27, "monitor trap flag"),
  /** Bit 28: use MSR bitmaps. */
  USE_MSR_BITMAPS(28, "use MSR bitmaps"),
  /** Bit 29: MONITOR exiting. */
  MONITOR_EXITING(29, "MONITOR exiting"),
  /** Bit 30: PAUSE exiting. */
  PAUSE_EXITING(30, "PAUSE exiting"),
  /** Bit 31: activate secondary controls. */
  ACTIVATE_SECONDARY_CONTROLS(31, "activate secondary controls");

  private final ControlBitDefinition definition;

  PrimaryProcessorBasedControl(int bit, String sdmName) {
    this.definition = new ControlBitDefinition(bit, sdmName);
  }

  @Override
  public ControlBitDefinition definition() {
    return definition;
  }
}
