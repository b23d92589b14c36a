package dev.vmcscodegen.runtime.control;

/**
 * The secondary VM-exit controls, a 64-bit field, SDM Vol. 3C 25.7.1, Table "Definitions of Secondary
 * VM-Exit Controls". They apply only when the primary VM-exit control "activate secondary controls"
 * is 1. Bits without a constant print as {@code bit N}.
 */
public enum SecondaryVmExitControl implements ControlBit {
  /** Bit 0: save IA32_FRED. */
  SAVE_IA32_FRED(0, "save IA32_FRED"),
  /** Bit 1: load IA32_FRED. */
  LOAD_IA32_FRED(1, "load IA32_FRED"),
  /** Bit 3: prematurely busy shadow stack. */
  PREMATURELY_BUSY_SHADOW_STACK(3, "prematurely busy shadow stack");

  private final ControlBitDefinition definition;

  SecondaryVmExitControl(int bit, String sdmName) {
    this.definition = new ControlBitDefinition(bit, sdmName);
  }

  @Override
  public ControlBitDefinition definition() {
    return definition;
  }
}
