package dev.vmcscodegen.examples.exitloop;

import dev.vmcscodegen.runtime.VmxInstructions;
import dev.vmcscodegen.runtime.arch.Cr0;
import dev.vmcscodegen.runtime.arch.Cr4;
import dev.vmcscodegen.runtime.arch.Efer;
import dev.vmcscodegen.runtime.arch.ResetState;
import dev.vmcscodegen.runtime.arch.Rflags;
import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.control.PinBasedControl;
import dev.vmcscodegen.runtime.control.PrimaryProcessorBasedControl;
import dev.vmcscodegen.runtime.control.PrimaryVmExitControl;
import dev.vmcscodegen.runtime.control.SecondaryProcessorBasedControl;
import dev.vmcscodegen.runtime.control.VmEntryControl;
import dev.vmcscodegen.runtime.fields.VmcsControlNW;
import dev.vmcscodegen.runtime.fields.VmcsGuest64;
import dev.vmcscodegen.runtime.fields.VmcsGuestNW;
import dev.vmcscodegen.runtime.resolve.ControlIntents;
import dev.vmcscodegen.runtime.template.GuestMode;
import dev.vmcscodegen.runtime.template.GuestOptions;
import dev.vmcscodegen.runtime.template.HostState;
import dev.vmcscodegen.runtime.template.Launch;
import dev.vmcscodegen.runtime.template.LaunchTemplate;

/**
 * Prepares the VMCS before the first VM entry: the controls the loop relies on, resolved on the
 * processor's capabilities ({@link dev.vmcscodegen.runtime.resolve.ControlResolver}), and the
 * 32-bit protected-mode template ({@link LaunchTemplate}), which the guest then leaves for long mode.
 */
final class VmSetup {

  /**
   * What the loop needs: exits on external interrupts, NMIs (with virtual NMIs), HLT and every I/O
   * instruction; EPT with a VPID; acknowledged interrupts on exit; EFER saved and loaded on exit and
   * loaded on entry, so the guest can switch to long mode. With EPT the guest owns CR3: CR3-load and
   * CR3-store exiting, default1 controls (SDM Vol. 3D A.2), are not wanted.
   */
  static final ControlIntents INTENTS = ControlIntents.none()
      .require(PinBasedControl.EXTERNAL_INTERRUPT_EXITING, PinBasedControl.NMI_EXITING, PinBasedControl.VIRTUAL_NMIS,
          PrimaryProcessorBasedControl.HLT_EXITING, PrimaryProcessorBasedControl.UNCONDITIONAL_IO_EXITING,
          SecondaryProcessorBasedControl.ENABLE_EPT, SecondaryProcessorBasedControl.ENABLE_VPID,
          PrimaryVmExitControl.ACKNOWLEDGE_INTERRUPT_ON_EXIT, PrimaryVmExitControl.SAVE_IA32_EFER,
          PrimaryVmExitControl.LOAD_IA32_EFER, VmEntryControl.LOAD_IA32_EFER)
      .forbid(PrimaryProcessorBasedControl.CR3_LOAD_EXITING, PrimaryProcessorBasedControl.CR3_STORE_EXITING);
  /** CR4 of host and guest: VMXE, which IA32_VMX_CR4_FIXED0 requires in VMX operation (SDM Vol. 3D A.8), and PAE. */
  static final long CR4 = Cr4.VMXE | Cr4.PAE;
  /** Where the EPT PML4 table of the guest lives in host-physical memory. */
  static final long EPT_PML4_ADDRESS = 0x0000_5000L;
  /** The VPID tagging the guest's TLB entries; 0 is reserved for the VMM (SDM Vol. 3C 27.2.1.1). */
  static final int GUEST_VPID = 1;

  private VmSetup() {}

  /** The VMM's own state: a 64-bit VMM with flat GDT selectors 08H (code), 10H (data), 18H (TSS). */
  static HostState host() {
    return new HostState(0x8005_0033L, 0x0000_1000L, CR4, 0x08, 0x10, 0x10, 0x18, 0, 0, 0xFFFF_8000_0000_3000L,
        0xFFFF_8000_0000_2000L, 0xFFFF_8000_0000_4000L, Efer.LME | Efer.LMA, ResetState.IA32_PAT,
        0xFFFF_8000_0020_0000L, 0xFFFF_8000_0010_0000L);
  }

  /** The VMCS of the loop's guest on this processor: the protected-mode template with the loop's intents. */
  static Launch launch(VmxCapabilities capabilities) {
    return LaunchTemplate.build(capabilities, GuestMode.PROTECTED, INTENTS, host(),
        new GuestOptions(false, EPT_PML4_ADDRESS, GUEST_VPID));
  }

  /**
   * Writes the template, then what this guest adds: paging structures at 8000H and CR4.PAE ready for
   * long mode, EFER.LME, interrupts enabled (RFLAGS.IF), the script's entry point and stack; the host
   * owns CR0.PG and CR0.PE, so a guest MOV to CR0 changing them exits (SDM Vol. 3C 26.1.3).
   */
  static void write(VmxInstructions vmx, VmxCapabilities capabilities, Launch launch) {
    launch.writeTo(vmx, capabilities);
    VmcsGuestNW.CR3.write(vmx, 0x0000_8000L);
    VmcsGuestNW.CR4.write(vmx, CR4);
    VmcsControlNW.CR4_READ_SHADOW.write(vmx, Cr4.PAE);
    VmcsControlNW.CR0_GUEST_HOST_MASK.write(vmx, VmcsControlNW.CR0_GUEST_HOST_MASK.read(vmx) | Cr0.PG | Cr0.PE);
    VmcsGuest64.IA32_EFER.write(vmx, Efer.LME);
    VmcsGuestNW.RFLAGS.write(vmx, Rflags.FIXED_1 | Rflags.IF);
    VmcsGuestNW.RIP.write(vmx, GuestScript.ENTRY_RIP);
    VmcsGuestNW.RSP.write(vmx, GuestScript.STACK_POINTER);
  }
}
