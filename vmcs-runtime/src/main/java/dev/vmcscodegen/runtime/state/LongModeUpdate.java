package dev.vmcscodegen.runtime.state;

/**
 * What {@link LongMode#onGuestPagingChange} did.
 *
 * @param eferBefore the guest IA32_EFER field before
 * @param eferAfter the guest IA32_EFER field after (equal to before when nothing changed)
 * @param entryControlsAfter the VM-entry controls after; empty-handed callers can ignore it
 * @param action what happened
 */
public record LongModeUpdate(long eferBefore, long eferAfter, long entryControlsAfter, Action action) {

  /** The three outcomes of SDM Vol. 3A 10.8.5 as seen from the VMCS. */
  public enum Action {
    /** EFER.LME is 0: the guest does not use IA-32e mode; nothing was written. */
    NONE,
    /** Paging turned on with LME = 1: EFER.LMA and the "IA-32e mode guest" entry control are now 1. */
    ACTIVATED,
    /** Paging turned off with LME = 1: EFER.LMA and the "IA-32e mode guest" entry control are now 0. */
    DEACTIVATED
  }
}
