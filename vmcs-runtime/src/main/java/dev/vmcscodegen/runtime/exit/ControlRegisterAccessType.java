package dev.vmcscodegen.runtime.exit;

/**
 * Access type, bits 5:4 of the control-register-access exit qualification: SDM Vol. 3C 28.2.1, table
 * "Exit Qualification for Control-Register Accesses". All four 2-bit values are defined.
 */
public enum ControlRegisterAccessType {
  /** 0: MOV to CR. */
  MOV_TO_CR,
  /** 1: MOV from CR. */
  MOV_FROM_CR,
  /** 2: CLTS. */
  CLTS,
  /** 3: LMSW. */
  LMSW;

  /** Width of the access-type field. */
  public static final int BITS = 2;

  private static final ControlRegisterAccessType[] BY_CODE = values();

  /** The 2-bit code. */
  public int code() {
    return ordinal();
  }

  /**
   * The access type with this 2-bit code.
   *
   * @throws IllegalArgumentException if {@code code} is outside 0 to 3
   */
  public static ControlRegisterAccessType fromCode(int code) {
    return BY_CODE[BitField.checkWidth(code, BITS, "control-register access type (bits 5:4)")];
  }
}
