package dev.vmcscodegen.runtime;

import java.util.Objects;

/**
 * How a VM entry ends (SDM Vol. 3C chapter 27): it succeeds; it fails with VMfailValid before any guest
 * state is loaded (the basic, control and host-state checks, 27.1 and 27.2; error numbers of 31.4, Table
 * 31-1); or it fails while loading guest state or MSRs and is reported as a VM exit with bit 31 of the
 * exit reason set, basic reason 33 (invalid guest state) or 34 (MSR loading), and an exit qualification
 * (27.8; Table 28-1 for the qualification values of reason 33).
 *
 * <p>One type for both sides: a {@code SoftwareVmcs}'s VMLAUNCH and VMRESUME return it, and the offline
 * VM-entry checker names one for every violated check.
 */
public sealed interface EntryOutcome {

  /** VM-instruction error 4: VMLAUNCH with non-clear VMCS. */
  EntryOutcome ERROR_4 = vmFailValid(VmxInstructionError.VMLAUNCH_NONCLEAR_VMCS);
  /** VM-instruction error 5: VMRESUME with non-launched VMCS. */
  EntryOutcome ERROR_5 = vmFailValid(VmxInstructionError.VMRESUME_NONLAUNCHED_VMCS);
  /** VM-instruction error 7: VM entry with invalid control field(s). */
  EntryOutcome ERROR_7 = vmFailValid(VmxInstructionError.ENTRY_INVALID_CONTROL_FIELD);
  /** VM-instruction error 8: VM entry with invalid host-state field(s). */
  EntryOutcome ERROR_8 = vmFailValid(VmxInstructionError.ENTRY_INVALID_HOST_STATE_FIELD);
  /** VM-instruction error 26: VM entry with events blocked by MOV SS. */
  EntryOutcome ERROR_26 = vmFailValid(VmxInstructionError.ENTRY_EVENTS_BLOCKED_BY_MOV_SS);
  /** Basic exit reason 33: VM-entry failure due to invalid guest state. */
  int EXIT_REASON_INVALID_GUEST_STATE = 33;
  /** Basic exit reason 34: VM-entry failure due to MSR loading. */
  int EXIT_REASON_MSR_LOADING = 34;
  /**
   * Exit reason bit 31: the VM exit reports a VM-entry failure (SDM Vol. 3C 25.9.1). The one home of this
   * bit and of reasons 33 and 34: {@code exit.FullExitReason} and {@code exit.ExitReason} read them here
   * (the root package cannot read {@code exit}, which depends on it).
   */
  int EXIT_REASON_ENTRY_FAILURE_BIT = 1 << 31;
  /** Qualification 2 for reason 33: a PDPTE could not be loaded (Table 28-1). */
  long QUALIFICATION_PDPTE = 2;
  /** Qualification 3 for reason 33: NMI injection with blocking by STI, on processors that check it. */
  long QUALIFICATION_NMI_STI = 3;
  /** Qualification 4 for reason 33: invalid VMCS link pointer. */
  long QUALIFICATION_LINK_POINTER = 4;

  /** The entry succeeded. */
  static EntryOutcome entered() {
    return Entered.INSTANCE;
  }

  /**
   * The entry fails with VMfailValid, such as {@link VmxInstructionError#ENTRY_INVALID_CONTROL_FIELD} (7)
   * or {@link VmxInstructionError#ENTRY_INVALID_HOST_STATE_FIELD} (8).
   */
  static VmFailValid vmFailValid(VmxInstructionError error) {
    return new VmFailValid(error);
  }

  /**
   * A VM-entry failure (SDM Vol. 3C 27.8) with basic exit reason 33 (invalid guest state), 34 (MSR
   * loading) or 41 (machine-check event) and its exit qualification.
   */
  static EntryFailure entryFailure(int basicExitReason, long exitQualification) {
    return new EntryFailure(basicExitReason, exitQualification);
  }

  /** Exit reason 33 with the given qualification (Table 28-1). */
  static EntryFailure invalidGuestState(long qualification) {
    return new EntryFailure(EXIT_REASON_INVALID_GUEST_STATE, qualification);
  }

  /** Exit reason 34 with the 1-based index of the MSR-load entry that failed. */
  static EntryFailure msrLoading(long entryIndex) {
    return new EntryFailure(EXIT_REASON_MSR_LOADING, entryIndex);
  }

  /** {@code entered}, {@code error-7}, {@code exit-33}: the short form used in reports. */
  String code();

  /** A sentence: what the processor does. */
  String describe();

  /** The entry succeeded; a VMLAUNCH makes the VMCS launched. */
  record Entered() implements EntryOutcome {
    private static final Entered INSTANCE = new Entered();

    @Override
    public String code() {
      return "entered";
    }

    @Override
    public String describe() {
      return "VM entry succeeds";
    }
  }

  /**
   * The entry failed with VMfailValid and this error; nothing else changed.
   *
   * @param error the error stored in the VM-instruction error field
   */
  record VmFailValid(VmxInstructionError error) implements EntryOutcome {
    /** Rejects errors that are not errors: {@code NONE}, reserved numbers and {@code UNKNOWN}. */
    public VmFailValid {
      if (error == null || error.reserved()) {
        throw new IllegalArgumentException("a VM entry cannot fail with VM-instruction error " + error
            + "; SDM Vol. 3C 31.4 Table 31-1 defines the errors (7, 8 and 26 concern VM entry)");
      }
    }

    @Override
    public String code() {
      return "error-" + error.number();
    }

    @Override
    public String describe() {
      return "VMfailValid(" + error.number() + "): " + error.description();
    }
  }

  /**
   * The entry failed during or after loading guest state: the exit-reason field gets
   * {@code basicExitReason} with bit 31 set, the exit-qualification field {@code exitQualification}
   * (SDM Vol. 3C 27.8). The launch state does not change.
   *
   * @param basicExitReason bits 15:0 of the exit reason, 33, 34 or 41 in the SDM
   * @param exitQualification the exit qualification, such as the failing MSR-load entry's index for 34
   */
  record EntryFailure(int basicExitReason, long exitQualification) implements EntryOutcome {
    /** Rejects a basic exit reason that does not fit bits 15:0 (SDM Vol. 3C 25.9.1). */
    public EntryFailure {
      if (basicExitReason < 0 || basicExitReason > 0xFFFF) {
        throw new IllegalArgumentException("basic exit reason " + basicExitReason
            + " does not fit exit-reason bits 15:0 (SDM Vol. 3C 25.9.1)");
      }
    }

    /** The full exit-reason field value: bit 31 set over the basic reason. */
    public int exitReasonField() {
      return EXIT_REASON_ENTRY_FAILURE_BIT | basicExitReason;
    }

    /** This failure with another exit qualification (the index of the MSR-load entry that failed). */
    public EntryFailure withExitQualification(long qualification) {
      return new EntryFailure(basicExitReason, qualification);
    }

    @Override
    public String code() {
      return "exit-" + basicExitReason;
    }

    @Override
    public String describe() {
      String what = basicExitReason == EXIT_REASON_MSR_LOADING
          ? "VM-entry failure due to MSR loading, entry " + exitQualification
          : basicExitReason == EXIT_REASON_INVALID_GUEST_STATE
              ? "VM-entry failure due to invalid guest state, exit qualification " + exitQualification
              : "VM-entry failure, basic reason " + basicExitReason + ", exit qualification " + exitQualification;
      return String.format("VM exit with exit reason 0x%08X (%s)", exitReasonField(), what);
    }
  }
}
