package dev.vmcscodegen.runtime.entry;

import dev.vmcscodegen.runtime.VmxInstructionError;

/**
 * What the processor does when a check fails: VMfailValid with a VM-instruction error number (SDM Vol.
 * 3C 31.4, Table 31-1), or a VM exit that reports a VM-entry failure: exit reason bit 31 set with basic
 * reason 33 (invalid guest state) or 34 (MSR loading) and an exit qualification (SDM Vol. 3C 27.8;
 * Table 28-1 for the qualification values 0, 2, 3, 4).
 *
 * @param kind which of the two
 * @param number the VM-instruction error number, or the basic exit reason
 * @param qualification the exit qualification for a VM-entry failure; 0 for VMfailValid
 */
public record EntryOutcome(Kind kind, int number, long qualification) {

  /** The two ways VM entry can fail after the VMCS pointer is valid. */
  public enum Kind {
    /** VMfailValid: the instruction fails, the VM-instruction error field holds the number. */
    VM_FAIL_VALID,
    /** VM exit with exit reason bit 31 set ("VM-entry failure"). */
    VM_ENTRY_FAILURE
  }

  /** VM-instruction error 4: VMLAUNCH with non-clear VMCS. */
  public static final EntryOutcome ERROR_4 = failValid(4);
  /** VM-instruction error 5: VMRESUME with non-launched VMCS. */
  public static final EntryOutcome ERROR_5 = failValid(5);
  /** VM-instruction error 7: VM entry with invalid control field(s). */
  public static final EntryOutcome ERROR_7 = failValid(7);
  /** VM-instruction error 8: VM entry with invalid host-state field(s). */
  public static final EntryOutcome ERROR_8 = failValid(8);
  /** VM-instruction error 26: VM entry with events blocked by MOV SS. */
  public static final EntryOutcome ERROR_26 = failValid(26);
  /** Basic exit reason 33: VM-entry failure due to invalid guest state. */
  public static final int EXIT_REASON_INVALID_GUEST_STATE = 33;
  /** Basic exit reason 34: VM-entry failure due to MSR loading. */
  public static final int EXIT_REASON_MSR_LOADING = 34;
  /** Exit reason bit 31: the VM exit reports a VM-entry failure (SDM Vol. 3C 25.9.1). */
  public static final int EXIT_REASON_ENTRY_FAILURE_BIT = 1 << 31;
  /** Qualification 2 for reason 33: a PDPTE could not be loaded (Table 28-1). */
  public static final long QUALIFICATION_PDPTE = 2;
  /** Qualification 3 for reason 33: NMI injection with blocking by STI, on processors that check it. */
  public static final long QUALIFICATION_NMI_STI = 3;
  /** Qualification 4 for reason 33: invalid VMCS link pointer. */
  public static final long QUALIFICATION_LINK_POINTER = 4;

  /** Validates the combination. */
  public EntryOutcome {
    if (kind == null) {
      throw new NullPointerException("kind");
    }
    if (kind == Kind.VM_FAIL_VALID && qualification != 0) {
      throw new IllegalArgumentException("VMfailValid has no exit qualification");
    }
  }

  /** VMfailValid with the given error number. */
  public static EntryOutcome failValid(int error) {
    return new EntryOutcome(Kind.VM_FAIL_VALID, error, 0);
  }

  /** Exit reason 33 with the given qualification. */
  public static EntryOutcome invalidGuestState(long qualification) {
    return new EntryOutcome(Kind.VM_ENTRY_FAILURE, EXIT_REASON_INVALID_GUEST_STATE, qualification);
  }

  /** Exit reason 34 with the 1-based index of the MSR-load entry that failed. */
  public static EntryOutcome msrLoading(long entryIndex) {
    return new EntryOutcome(Kind.VM_ENTRY_FAILURE, EXIT_REASON_MSR_LOADING, entryIndex);
  }

  /** The full exit-reason field value of a VM-entry failure: bit 31 set over the basic reason. */
  public int exitReasonField() {
    return EXIT_REASON_ENTRY_FAILURE_BIT | number;
  }

  /** {@code error-7}, {@code exit-33}: the short form used in reports. */
  public String code() {
    return (kind == Kind.VM_FAIL_VALID ? "error-" : "exit-") + number;
  }

  /** A sentence: what the processor does. */
  public String describe() {
    if (kind == Kind.VM_FAIL_VALID) {
      return "VMfailValid(" + number + "): " + VmxInstructionError.fromNumber(number).description();
    }
    String what = number == EXIT_REASON_MSR_LOADING
        ? "VM-entry failure due to MSR loading, entry " + qualification
        : "VM-entry failure due to invalid guest state, exit qualification " + qualification;
    return String.format("VM exit with exit reason 0x%08X (%s)", exitReasonField(), what);
  }
}
