package dev.vmcscodegen.examples.exitloop;

import dev.vmcscodegen.runtime.arch.VmcsPointer;
import dev.vmcscodegen.runtime.arch.Rflags;
import dev.vmcscodegen.runtime.arch.Cr4;
import dev.vmcscodegen.runtime.arch.AccessRightsLayout;
import dev.vmcscodegen.runtime.arch.Efer;
import dev.vmcscodegen.runtime.arch.Cr0;
import dev.vmcscodegen.runtime.VmxInstructions;
import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.control.ControlSetter;
import dev.vmcscodegen.runtime.control.PinBasedControl;
import dev.vmcscodegen.runtime.control.PrimaryProcessorBasedControl;
import dev.vmcscodegen.runtime.control.PrimaryVmExitControl;
import dev.vmcscodegen.runtime.control.SecondaryProcessorBasedControl;
import dev.vmcscodegen.runtime.control.VmEntryControl;
import dev.vmcscodegen.runtime.fields.VmcsControl16;
import dev.vmcscodegen.runtime.fields.VmcsControl64;
import dev.vmcscodegen.runtime.fields.VmcsControlNW;
import dev.vmcscodegen.runtime.fields.VmcsGuest16;
import dev.vmcscodegen.runtime.fields.VmcsGuest32;
import dev.vmcscodegen.runtime.fields.VmcsGuest64;
import dev.vmcscodegen.runtime.fields.VmcsGuestNW;
import dev.vmcscodegen.runtime.fields.VmcsHost16;
import dev.vmcscodegen.runtime.fields.VmcsHost64;
import dev.vmcscodegen.runtime.fields.VmcsHostNW;
import dev.vmcscodegen.runtime.state.EptPointer;
import java.util.List;

/**
 * Prepares the VMCS before the first VM entry: the control fields through {@link ControlSetter}
 * (SDM Vol. 3C 31.5.1 Algorithm 3), then host and guest state with the typed accessors.
 */
final class VmSetup {

  /** Guest CR0 at entry: PE, ET, NE; paging off (allowed with "unrestricted guest", SDM Vol. 3C 27.3.1.1). */
  static final long GUEST_CR0 = Cr0.PE | Cr0.ET | Cr0.NE;
  /** CR4 of host and guest: VMXE, which IA32_VMX_CR4_FIXED0 requires in VMX operation (SDM Vol. 3D A.8), and PAE. */
  static final long CR4 = Cr4.VMXE | Cr4.PAE;
  /** RFLAGS with reserved bit 1 and IF (bit 9): interrupts enabled. */
  static final long GUEST_RFLAGS = Rflags.FIXED_1 | Rflags.IF;
  /** Where the EPT PML4 table of the guest lives in host-physical memory. */
  static final long EPT_PML4_ADDRESS = 0x0000_5000L;
  /** The VPID tagging the guest's TLB entries; 0 is reserved for the VMM (SDM Vol. 3C 27.2.1.1). */
  static final short GUEST_VPID = 1;

  private static final short CODE_SELECTOR = 0x08;
  private static final short DATA_SELECTOR = 0x10;
  private static final short TASK_SELECTOR = 0x18;
  /** Flat 4-GByte limit. */
  private static final int FLAT_LIMIT = 0xFFFF_FFFF;
  /** Access rights (SDM Vol. 3C 25.4.1, Table 25-2): present, DPL 0, 32-bit, 4-KByte granularity. */
  private static final int CODE_ACCESS_RIGHTS = 0xC09B;
  private static final int DATA_ACCESS_RIGHTS = 0xC093;
  /** A present busy 32-bit TSS. */
  private static final int TSS_ACCESS_RIGHTS = 0x008B;

  private VmSetup() {}

  /** Sets the controls the exit loop relies on and returns a one-line summary of each field. */
  static List<String> configureControls(VmxInstructions vmx, VmxCapabilities capabilities) {
    ControlSetter controls = new ControlSetter(vmx, capabilities);
    long pin = controls.enable(PinBasedControl.EXTERNAL_INTERRUPT_EXITING, PinBasedControl.NMI_EXITING,
        PinBasedControl.VIRTUAL_NMIS);
    long primary = controls.enable(PrimaryProcessorBasedControl.HLT_EXITING,
        PrimaryProcessorBasedControl.UNCONDITIONAL_IO_EXITING,
        PrimaryProcessorBasedControl.ACTIVATE_SECONDARY_CONTROLS);
    long secondary = controls.enable(SecondaryProcessorBasedControl.ENABLE_EPT,
        SecondaryProcessorBasedControl.ENABLE_VPID, SecondaryProcessorBasedControl.UNRESTRICTED_GUEST);
    long exit = controls.enable(PrimaryVmExitControl.HOST_ADDRESS_SPACE_SIZE,
        PrimaryVmExitControl.ACKNOWLEDGE_INTERRUPT_ON_EXIT, PrimaryVmExitControl.SAVE_IA32_EFER,
        PrimaryVmExitControl.LOAD_IA32_EFER);
    long entry = controls.enable(VmEntryControl.LOAD_IA32_EFER);
    EptPointer ept = EptPointer.writeBack4Level(EPT_PML4_ADDRESS);
    VmcsControl64.EPT_POINTER.write(vmx, ept.encode());
    VmcsControl16.VIRTUAL_PROCESSOR_ID.write(vmx, GUEST_VPID);
    // The host owns CR0.PG and CR0.PE: a guest MOV to CR0 changing them exits (SDM Vol. 3C 26.1.3).
    VmcsControlNW.CR0_GUEST_HOST_MASK.write(vmx, Cr0.PG | Cr0.PE);
    VmcsControlNW.CR0_READ_SHADOW.write(vmx, GUEST_CR0);
    return List.of(
        String.format("pin-based 0x%08X, primary 0x%08X, secondary 0x%08X", pin, primary, secondary),
        String.format("VM-exit 0x%08X, VM-entry 0x%08X, EPTP 0x%X, VPID %d", exit, entry, ept.encode(), GUEST_VPID));
  }

  /** The state the processor loads on every VM exit (SDM Vol. 3C 28.5): a 64-bit VMM. */
  static void writeHostState(VmxInstructions vmx) {
    VmcsHostNW.CR0.write(vmx, 0x8005_0033L);
    VmcsHostNW.CR3.write(vmx, 0x0000_1000L);
    VmcsHostNW.CR4.write(vmx, CR4);
    VmcsHost16.CS_SELECTOR.write(vmx, CODE_SELECTOR);
    for (VmcsHost16 data : List.of(VmcsHost16.SS_SELECTOR, VmcsHost16.DS_SELECTOR, VmcsHost16.ES_SELECTOR,
        VmcsHost16.FS_SELECTOR, VmcsHost16.GS_SELECTOR)) {
      data.write(vmx, DATA_SELECTOR);
    }
    VmcsHost16.TR_SELECTOR.write(vmx, TASK_SELECTOR);
    VmcsHostNW.TR_BASE.write(vmx, 0xFFFF_8000_0000_3000L);
    VmcsHostNW.GDTR_BASE.write(vmx, 0xFFFF_8000_0000_2000L);
    VmcsHostNW.IDTR_BASE.write(vmx, 0xFFFF_8000_0000_4000L);
    VmcsHostNW.RSP.write(vmx, 0xFFFF_8000_0010_0000L);
    VmcsHostNW.RIP.write(vmx, 0xFFFF_8000_0020_0000L);
    // IA32_EFER with LME (8) and LMA (10): a 64-bit host (SDM Vol. 3A 2.2.1).
    VmcsHost64.IA32_EFER.write(vmx, Efer.LME | Efer.LMA);
  }

  /** A 32-bit protected-mode guest with paging off and EFER.LME set, about to enable paging. */
  static void writeGuestState(VmxInstructions vmx) {
    VmcsGuestNW.CR0.write(vmx, GUEST_CR0);
    VmcsGuestNW.CR3.write(vmx, 0x0000_8000L);
    VmcsGuestNW.CR4.write(vmx, CR4);
    VmcsGuest16.CS_SELECTOR.write(vmx, CODE_SELECTOR);
    VmcsGuest32.CS_LIMIT.write(vmx, FLAT_LIMIT);
    VmcsGuest32.CS_ACCESS_RIGHTS.write(vmx, CODE_ACCESS_RIGHTS);
    List<VmcsGuest16> selectors = List.of(VmcsGuest16.SS_SELECTOR, VmcsGuest16.DS_SELECTOR,
        VmcsGuest16.ES_SELECTOR, VmcsGuest16.FS_SELECTOR, VmcsGuest16.GS_SELECTOR);
    List<VmcsGuest32> limits = List.of(VmcsGuest32.SS_LIMIT, VmcsGuest32.DS_LIMIT, VmcsGuest32.ES_LIMIT,
        VmcsGuest32.FS_LIMIT, VmcsGuest32.GS_LIMIT);
    List<VmcsGuest32> rights = List.of(VmcsGuest32.SS_ACCESS_RIGHTS, VmcsGuest32.DS_ACCESS_RIGHTS,
        VmcsGuest32.ES_ACCESS_RIGHTS, VmcsGuest32.FS_ACCESS_RIGHTS, VmcsGuest32.GS_ACCESS_RIGHTS);
    for (int i = 0; i < selectors.size(); i++) {
      selectors.get(i).write(vmx, DATA_SELECTOR);
      limits.get(i).write(vmx, FLAT_LIMIT);
      rights.get(i).write(vmx, DATA_ACCESS_RIGHTS);
    }
    VmcsGuest16.TR_SELECTOR.write(vmx, TASK_SELECTOR);
    VmcsGuestNW.TR_BASE.write(vmx, 0x0000_3000L);
    VmcsGuest32.TR_LIMIT.write(vmx, 0x67);
    VmcsGuest32.TR_ACCESS_RIGHTS.write(vmx, TSS_ACCESS_RIGHTS);
    VmcsGuest32.LDTR_ACCESS_RIGHTS.write(vmx, (int) AccessRightsLayout.UNUSABLE);
    VmcsGuestNW.GDTR_BASE.write(vmx, 0x0000_2000L);
    VmcsGuest32.GDTR_LIMIT.write(vmx, 0x1F);
    VmcsGuestNW.IDTR_BASE.write(vmx, 0x0000_4000L);
    VmcsGuest32.IDTR_LIMIT.write(vmx, 0x7FF);
    VmcsGuestNW.RIP.write(vmx, GuestScript.ENTRY_RIP);
    VmcsGuestNW.RSP.write(vmx, GuestScript.STACK_POINTER);
    VmcsGuestNW.RFLAGS.write(vmx, GUEST_RFLAGS);
    VmcsGuestNW.DR7.write(vmx, 0x400L);
    VmcsGuest64.VMCS_LINK_POINTER.write(vmx, VmcsPointer.NONE);
    VmcsGuest64.IA32_EFER.write(vmx, Efer.LME);
  }
}
