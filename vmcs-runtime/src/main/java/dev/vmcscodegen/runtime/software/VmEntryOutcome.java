package dev.vmcscodegen.runtime.software;

import dev.vmcscodegen.runtime.VmxInstructionError;

/**
 * How a VM entry ends (SDM Vol. 3C chapter 27): it succeeds, it fails with VMfailValid before any guest
 * state is loaded (control or host-state checks, 27.1 and 27.2), or it fails while loading guest state or
 * MSRs and is reported as a VM exit with bit 31 of the exit reason set (27.8).
 */
public sealed interface VmEntryOutcome {

  /** The entry succeeded. */
  static VmEntryOutcome entered() {
    return new Entered();
  }

  /**
   * The entry fails with VMfailValid, such as {@link VmxInstructionError#ENTRY_INVALID_CONTROL_FIELD} (7)
   * or {@link VmxInstructionError#ENTRY_INVALID_HOST_STATE_FIELD} (8).
   */
  static VmEntryOutcome vmFailValid(VmxInstructionError error) {
    return new VmFailValid(error);
  }

  /**
   * A VM-entry failure (SDM Vol. 3C 27.8) with basic exit reason 33 (invalid guest state), 34 (MSR
   * loading) or 41 (machine-check event) and its exit qualification.
   */
  static VmEntryOutcome entryFailure(int basicExitReason, long exitQualification) {
    return new EntryFailure(basicExitReason, exitQualification);
  }

  /** The entry succeeded; a VMLAUNCH makes the VMCS launched. */
  record Entered() implements VmEntryOutcome {}

  /**
   * The entry failed with VMfailValid and this error; nothing else changed.
   *
   * @param error the error stored in the VM-instruction error field
   */
  record VmFailValid(VmxInstructionError error) implements VmEntryOutcome {
    /** Rejects errors that are not errors: {@code NONE}, reserved numbers and {@code UNKNOWN}. */
    public VmFailValid {
      if (error == null || error.reserved()) {
        throw new IllegalArgumentException("a VM entry cannot fail with VM-instruction error " + error
            + "; SDM Vol. 3C 31.4 Table 31-1 defines the errors (7, 8 and 26 concern VM entry)");
      }
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
  record EntryFailure(int basicExitReason, long exitQualification) implements VmEntryOutcome {
    /** Rejects a basic exit reason that does not fit bits 15:0 (SDM Vol. 3C 25.9.1). */
    public EntryFailure {
      if (basicExitReason < 0 || basicExitReason > 0xFFFF) {
        throw new IllegalArgumentException("basic exit reason " + basicExitReason
            + " does not fit exit-reason bits 15:0 (SDM Vol. 3C 25.9.1)");
      }
    }
  }
}
