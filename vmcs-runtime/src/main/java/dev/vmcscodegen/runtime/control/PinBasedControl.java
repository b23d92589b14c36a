package dev.vmcscodegen.runtime.control;

/**
 * The pin-based VM-execution controls, SDM Vol. 3C 25.6.1, Table "Definitions of Pin-Based
 * VM-Execution Controls". Bits 1, 2 and 4 are default1 (reserved, reported by the capability MSR).
 */
public enum PinBasedControl implements ControlBit {
  /** Bit 0: external interrupts cause VM exits. */
  EXTERNAL_INTERRUPT_EXITING(0, "external-interrupt exiting"),
  /** Bit 3: non-maskable interrupts cause VM exits. */
  NMI_EXITING(3, "NMI exiting"),
  /** Bit 5: NMIs are never blocked and "blocking by NMI" tracks virtual-NMI blocking. */
  VIRTUAL_NMIS(5, "virtual NMIs"),
  /** Bit 6: the VMX-preemption timer counts down in VMX non-root operation. */
  ACTIVATE_VMX_PREEMPTION_TIMER(6, "activate VMX-preemption timer"),
  /** Bit 7: interrupts with the posted-interrupt notification vector are processed specially. */
  PROCESS_POSTED_INTERRUPTS(7, "process posted interrupts");

  private final ControlBitDefinition definition;

  PinBasedControl(int bit, String sdmName) {
    this.definition = new ControlBitDefinition(bit, sdmName);
  }

  @Override
  public ControlBitDefinition definition() {
    return definition;
  }
}
