package dev.vmcscodegen.runtime.control;

/**
 * The tertiary processor-based VM-execution controls, a 64-bit field, SDM Vol. 3C 25.6.2, Table
 * "Definitions of Tertiary Processor-Based VM-Execution Controls". They apply only when the primary
 * control "activate tertiary controls" is 1. Bits without a constant print as {@code bit N}.
 */
public enum TertiaryProcessorBasedControl implements ControlBit {
  /** Bit 0: LOADIWKEY exiting. */
  LOADIWKEY_EXITING(0, "LOADIWKEY exiting"),
  /** Bit 1: enable HLAT. */
  ENABLE_HLAT(1, "enable HLAT"),
  /** Bit 2: EPT paging-write control. */
  EPT_PAGING_WRITE_CONTROL(2, "EPT paging-write control"),
  /** Bit 3: guest-paging verification. */
  GUEST_PAGING_VERIFICATION(3, "guest-paging verification"),
  /** Bit 4: IPI virtualization. */
  IPI_VIRTUALIZATION(4, "IPI virtualization"),
  /** Bit 6: enable MSR-list instructions. */
  ENABLE_MSR_LIST_INSTRUCTIONS(6, "enable MSR-list instructions"),
  /** Bit 7: virtualize IA32_SPEC_CTRL. */
  VIRTUALIZE_IA32_SPEC_CTRL(7, "virtualize IA32_SPEC_CTRL");

  private final ControlBitDefinition definition;

  TertiaryProcessorBasedControl(int bit, String sdmName) {
    this.definition = new ControlBitDefinition(bit, sdmName);
  }

  @Override
  public ControlBitDefinition definition() {
    return definition;
  }
}
