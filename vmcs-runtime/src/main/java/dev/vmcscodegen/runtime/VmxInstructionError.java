package dev.vmcscodegen.runtime;

/**
 * VM-instruction error numbers, SDM Vol. 3C 31.4, Table 31-1 "VM-Instruction Error Numbers".
 *
 * <p>Every number from 0 to 28 has a constant; the SDM leaves 14, 21 and 27 reserved and stores 0
 * when no error was recorded. Any other number maps to {@link #UNKNOWN} through {@link #fromNumber},
 * so decoding never fails; keep the raw number beside it.
 */
public enum VmxInstructionError {
  /** 0: no error has been recorded (not in Table 31-1; the field's value before any failure). */
  NONE(0, "no VM-instruction error recorded", true),
  /** 1. */
  VMCALL_IN_VMX_ROOT(1, "VMCALL executed in VMX root operation", false),
  /** 2. */
  VMCLEAR_INVALID_ADDRESS(2, "VMCLEAR with invalid physical address", false),
  /** 3. */
  VMCLEAR_VMXON_POINTER(3, "VMCLEAR with VMXON pointer", false),
  /** 4. */
  VMLAUNCH_NONCLEAR_VMCS(4, "VMLAUNCH with non-clear VMCS", false),
  /** 5. */
  VMRESUME_NONLAUNCHED_VMCS(5, "VMRESUME with non-launched VMCS", false),
  /** 6. */
  VMRESUME_AFTER_VMXOFF(6, "VMRESUME after VMXOFF (VMXOFF and VMXON between VMLAUNCH and VMRESUME)", false),
  /** 7. */
  ENTRY_INVALID_CONTROL_FIELD(7, "VM entry with invalid control field(s)", false),
  /** 8. */
  ENTRY_INVALID_HOST_STATE_FIELD(8, "VM entry with invalid host-state field(s)", false),
  /** 9. */
  VMPTRLD_INVALID_ADDRESS(9, "VMPTRLD with invalid physical address", false),
  /** 10. */
  VMPTRLD_VMXON_POINTER(10, "VMPTRLD with VMXON pointer", false),
  /** 11. */
  VMPTRLD_INCORRECT_REVISION_ID(11, "VMPTRLD with incorrect VMCS revision identifier", false),
  /** 12. */
  UNSUPPORTED_VMCS_COMPONENT(12, "VMREAD/VMWRITE from/to unsupported VMCS component", false),
  /** 13. */
  VMWRITE_READ_ONLY_COMPONENT(13, "VMWRITE to read-only VMCS component", false),
  /** 14: reserved. */
  RESERVED_14(14, "reserved", true),
  /** 15. */
  VMXON_IN_VMX_ROOT(15, "VMXON executed in VMX root operation", false),
  /** 16. */
  ENTRY_INVALID_EXECUTIVE_VMCS_POINTER(16, "VM entry with invalid executive-VMCS pointer", false),
  /** 17. */
  ENTRY_NONLAUNCHED_EXECUTIVE_VMCS(17, "VM entry with non-launched executive VMCS", false),
  /** 18. */
  ENTRY_EXECUTIVE_VMCS_POINTER_NOT_VMXON_POINTER(18,
      "VM entry with executive-VMCS pointer not VMXON pointer"
          + " (when attempting to deactivate the dual-monitor treatment of SMIs and SMM)", false),
  /** 19. */
  VMCALL_NONCLEAR_VMCS(19, "VMCALL with non-clear VMCS"
      + " (when attempting to activate the dual-monitor treatment of SMIs and SMM)", false),
  /** 20. */
  VMCALL_INVALID_EXIT_CONTROLS(20, "VMCALL with invalid VM-exit control fields", false),
  /** 21: reserved. */
  RESERVED_21(21, "reserved", true),
  /** 22. */
  VMCALL_INCORRECT_MSEG_REVISION_ID(22, "VMCALL with incorrect MSEG revision identifier"
      + " (when attempting to activate the dual-monitor treatment of SMIs and SMM)", false),
  /** 23. */
  VMXOFF_UNDER_DUAL_MONITOR(23, "VMXOFF under dual-monitor treatment of SMIs and SMM", false),
  /** 24. */
  VMCALL_INVALID_SMM_MONITOR_FEATURES(24, "VMCALL with invalid SMM-monitor features"
      + " (when attempting to activate the dual-monitor treatment of SMIs and SMM)", false),
  /** 25. */
  ENTRY_INVALID_EXECUTIVE_VMCS_CONTROLS(25, "VM entry with invalid VM-execution control fields in executive VMCS"
      + " (when attempting to return from SMM)", false),
  /** 26. */
  ENTRY_EVENTS_BLOCKED_BY_MOV_SS(26, "VM entry with events blocked by MOV SS", false),
  /** 27: reserved. */
  RESERVED_27(27, "reserved", true),
  /** 28. */
  INVALID_INVEPT_INVVPID_OPERAND(28, "Invalid operand to INVEPT/INVVPID", false),
  /** A number the SDM does not define (29 and above, or negative); the raw number is kept by the caller. */
  UNKNOWN(-1, "unknown VM-instruction error number", true);

  private static final VmxInstructionError[] BY_NUMBER = values();

  private final int number;
  private final String description;
  private final boolean reserved;

  VmxInstructionError(int number, String description, boolean reserved) {
    this.number = number;
    this.description = description;
    this.reserved = reserved;
  }

  /** The error number, -1 for {@link #UNKNOWN}. */
  public int number() {
    return number;
  }

  /** The SDM's text for this number. */
  public String description() {
    return description;
  }

  /** Whether Table 31-1 defines no error for this number (0, 14, 21, 27 and unknown numbers). */
  public boolean reserved() {
    return reserved;
  }

  /** The error with this number; {@link #UNKNOWN} for any number outside 0 to 28. Never throws. */
  public static VmxInstructionError fromNumber(long number) {
    return number >= 0 && number <= 28 ? BY_NUMBER[(int) number] : UNKNOWN;
  }
}
