package dev.vmcscodegen.runtime.exit;

/**
 * Access type, bits 15:12 of the APIC-access exit qualification: SDM Vol. 3C 28.2.1, table "Exit
 * Qualification for APIC-Access VM Exits from Linear Accesses and Guest-Physical Accesses". Codes the
 * table does not use decode to {@link #UNKNOWN}; the qualification keeps the raw code.
 */
public enum ApicAccessType {
  /** 0: linear access for a data read during instruction execution. */
  LINEAR_DATA_READ(0),
  /** 1: linear access for a data write during instruction execution. */
  LINEAR_DATA_WRITE(1),
  /** 2: linear access for an instruction fetch. */
  LINEAR_INSTRUCTION_FETCH(2),
  /** 3: linear access (read or write) during event delivery. */
  LINEAR_EVENT_DELIVERY(3),
  /** 10: guest-physical access during event delivery. */
  GUEST_PHYSICAL_EVENT_DELIVERY(10),
  /** 15: guest-physical access for an instruction fetch or during instruction execution. */
  GUEST_PHYSICAL_INSTRUCTION(15),
  /** Codes 4 to 9 and 11 to 14: not used by the SDM. */
  UNKNOWN(-1);

  /** Width of the access-type field. */
  public static final int BITS = 4;

  private final int code;

  ApicAccessType(int code) {
    this.code = code;
  }

  /** The 4-bit code, -1 for {@link #UNKNOWN}. */
  public int code() {
    return code;
  }

  /** Whether the access was a linear access (codes 0 to 3): bits 11:0 then give the page offset. */
  public boolean isLinear() {
    return code >= 0 && code <= 3;
  }

  /** The type for a code; {@link #UNKNOWN} for codes the SDM does not use. Never throws. */
  public static ApicAccessType fromCode(int code) {
    switch (code) {
      case 0:
        return LINEAR_DATA_READ;
      case 1:
        return LINEAR_DATA_WRITE;
      case 2:
        return LINEAR_INSTRUCTION_FETCH;
      case 3:
        return LINEAR_EVENT_DELIVERY;
      case 10:
        return GUEST_PHYSICAL_EVENT_DELIVERY;
      case 15:
        return GUEST_PHYSICAL_INSTRUCTION;
      default:
        return UNKNOWN;
    }
  }
}
