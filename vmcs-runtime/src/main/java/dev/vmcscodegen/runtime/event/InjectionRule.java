package dev.vmcscodegen.runtime.event;

/**
 * The rules an injected event must keep, SDM Vol. 3C 27.2.1.3 "Checks on VM-Entry Control Fields"
 * (the VM-entry interruption-information checks), plus the library's own refusal to overwrite a
 * pending event.
 */
public enum InjectionRule {
  /** Interruption type 1 is reserved. */
  RESERVED_TYPE("interruption type 1 is reserved"),
  /** Type 7 (other event) is reserved unless the "monitor trap flag" control may be 1. */
  OTHER_EVENT_UNSUPPORTED("interruption type 7 (other event) is reserved: the processor does not support the monitor trap flag"),
  /** An NMI must have vector 2. */
  NMI_VECTOR("an NMI must have vector 2"),
  /** A hardware exception must have a vector of at most 31. */
  HARDWARE_EXCEPTION_VECTOR("a hardware exception must have a vector of at most 31"),
  /** Type 7 (other event) must have vector 0 (pending MTF VM exit). */
  OTHER_EVENT_VECTOR("an other event must have vector 0 (pending MTF VM exit)"),
  /** Only hardware exceptions may deliver an error code. */
  ERROR_CODE_NOT_HARDWARE_EXCEPTION("only a hardware exception may deliver an error code"),
  /** No error code may be delivered outside protected mode ("unrestricted guest" 1 and guest CR0.PE 0). */
  ERROR_CODE_IN_REAL_MODE("no error code may be delivered when \"unrestricted guest\" is 1 and guest CR0.PE is 0"),
  /** Without IA32_VMX_BASIC bit 56, vectors 8, 10-14, 17 and 21 need an error code in protected mode. */
  ERROR_CODE_REQUIRED("in protected mode, without IA32_VMX_BASIC bit 56, #DF (8), #TS (10), #NP (11), #SS (12),"
      + " #GP (13), #PF (14), #AC (17) and #CP (21) must deliver an error code"),
  /** Without IA32_VMX_BASIC bit 56, the other exception vectors must not deliver one. */
  ERROR_CODE_FORBIDDEN("without IA32_VMX_BASIC bit 56, vectors 0-7, 9, 15, 16, 18-20 and 22-31 must not deliver an error code"),
  /** A delivered error code must have bits 31:16 clear. */
  ERROR_CODE_TOO_WIDE("bits 31:16 of a delivered error code must be 0"),
  /** Software events need an instruction length of 1 to 15 (0 only with IA32_VMX_MISC bit 30). */
  INSTRUCTION_LENGTH_RANGE("a software interrupt or (privileged) software exception needs an instruction length of 1 to 15"
      + " (0 only if IA32_VMX_MISC bit 30 is 1)"),
  /** Other types take no instruction length: this library asks for 0 so nothing is silently ignored. */
  INSTRUCTION_LENGTH_UNUSED("only software interrupts and (privileged) software exceptions use an instruction length;"
      + " give 0 for other types"),
  /** A valid event is already pending in the VM-entry interruption-information field. */
  EVENT_PENDING("a valid event is already pending in the VM-entry interruption-information field");

  private final String description;

  InjectionRule(String description) {
    this.description = description;
  }

  /** What the rule asks. */
  public String description() {
    return description;
  }
}
