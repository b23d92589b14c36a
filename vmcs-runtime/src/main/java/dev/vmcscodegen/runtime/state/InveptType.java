package dev.vmcscodegen.runtime.state;

import dev.vmcscodegen.runtime.capability.EptVpidCapabilityBit;

/** The INVEPT types (SDM Vol. 3C 31.3 "INVEPT") with the capability bit reporting each (SDM Vol. 3D A.10). */
public enum InveptType {
  /** Type 1: invalidates mappings tagged with one EP4TA. */
  SINGLE_CONTEXT(1, EptVpidCapabilityBit.INVEPT_SINGLE_CONTEXT),
  /** Type 2: invalidates mappings of all EP4TAs. */
  ALL_CONTEXT(2, EptVpidCapabilityBit.INVEPT_ALL_CONTEXT);

  private final int type;
  private final EptVpidCapabilityBit capability;

  InveptType(int type, EptVpidCapabilityBit capability) {
    this.type = type;
    this.capability = capability;
  }

  /** The INVEPT type number given in the register operand. */
  public int type() {
    return type;
  }

  /** The IA32_VMX_EPT_VPID_CAP bit that reports support for this type. */
  public EptVpidCapabilityBit capability() {
    return capability;
  }
}
