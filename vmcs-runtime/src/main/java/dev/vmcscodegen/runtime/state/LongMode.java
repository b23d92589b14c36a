package dev.vmcscodegen.runtime.state;

import dev.vmcscodegen.runtime.arch.Efer;
import dev.vmcscodegen.runtime.arch.Cr0;
import dev.vmcscodegen.runtime.VmxInstructions;
import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.control.ControlKind;
import dev.vmcscodegen.runtime.control.ControlSetter;
import dev.vmcscodegen.runtime.control.VmEntryControl;
import dev.vmcscodegen.runtime.fields.VmcsGuest64;

/**
 * Keeps the guest's IA-32e mode consistent when it turns paging on or off, which a VMM emulating a
 * guest's MOV to CR0 must do by hand (SDM Vol. 3A 10.8.5 "Initializing IA-32e Mode": the processor
 * sets EFER.LMA when CR0.PG becomes 1 with EFER.LME = 1, and clears it when paging is disabled). VM
 * entry requires the "IA-32e mode guest" VM-entry control to equal EFER.LMA when it loads EFER
 * (SDM Vol. 3C 27.3.1.1), so both are updated together.
 *
 * <p>The origin's {@code update_efer} set LMA and the entry control whenever it was called, without
 * looking at LME or CR0.PG, and always consulted IA32_VMX_TRUE_ENTRY_CTLS; this follows the SDM and
 * chooses the capability MSR by IA32_VMX_BASIC bit 55 through {@link ControlSetter}.
 */
public final class LongMode {

  private LongMode() {}

  /**
   * Updates guest EFER.LMA and the "IA-32e mode guest" VM-entry control for a guest CR0 about to become
   * {@code newGuestCr0}: with EFER.LME = 1, paging on activates IA-32e mode and paging off deactivates
   * it; with LME = 0 nothing is written. The caller writes CR0 itself.
   *
   * @throws dev.vmcscodegen.runtime.control.VmxControlException if the capabilities forbid the entry control setting
   */
  public static LongModeUpdate onGuestPagingChange(VmxInstructions vmx, VmxCapabilities capabilities, long newGuestCr0) {
    long before = VmcsGuest64.IA32_EFER.read(vmx);
    if ((before & Efer.LME) == 0) {
      return new LongModeUpdate(before, before, ControlSetter.read(vmx, ControlKind.VM_ENTRY_CONTROLS),
          LongModeUpdate.Action.NONE);
    }
    ControlSetter setter = new ControlSetter(vmx, capabilities);
    boolean paging = (newGuestCr0 & Cr0.PG) != 0;
    long after = paging ? before | Efer.LMA : before & ~Efer.LMA;
    long entryControls = paging
        ? setter.enable(VmEntryControl.IA32E_MODE_GUEST)
        : setter.disable(VmEntryControl.IA32E_MODE_GUEST);
    if (after != before) {
      VmcsGuest64.IA32_EFER.write(vmx, after);
    }
    return new LongModeUpdate(before, after, entryControls,
        paging ? LongModeUpdate.Action.ACTIVATED : LongModeUpdate.Action.DEACTIVATED);
  }
}
