package dev.vmcscodegen.runtime.software;

import dev.vmcscodegen.runtime.EntryOutcome;
import dev.vmcscodegen.runtime.VmxInstructions;

/**
 * The checks VMLAUNCH and VMRESUME run after the launch state check, SDM Vol. 3C 31.3
 * "VMLAUNCH/VMRESUME" and chapter 27 "VM Entries": the VM-execution, VM-exit and VM-entry control
 * checks and host-state checks (27.2, failing with VMfailValid 7 or 8), then the guest-state checks and
 * MSR loading (27.3, 27.4, failing as a VM-entry failure, 27.8).
 *
 * <p>A {@link SoftwareVmcs} plugs one in with {@link SoftwareVmcsBuilder#entryCheck}; the default,
 * {@link #ALWAYS_ENTERS}, lets every entry succeed. The check reads the current VMCS through a
 * read-only view: a VMREAD of an unsupported field throws as usual but records no error number, and
 * VMWRITE throws {@link UnsupportedOperationException}.
 */
@FunctionalInterface
public interface VmEntryCheck {

  /** A check that finds nothing wrong: every VM entry succeeds. */
  VmEntryCheck ALWAYS_ENTERS = vmcs -> EntryOutcome.entered();

  /**
   * Decides how a VM entry with the current VMCS ends.
   *
   * @param currentVmcs a read-only view of the current VMCS, with the host width of the software VMCS
   * @return the outcome; never null
   */
  EntryOutcome check(VmxInstructions currentVmcs);
}
