package dev.vmcscodegen.runtime.entry;

import static dev.vmcscodegen.runtime.fields.VmcsEncodings.*;

import dev.vmcscodegen.runtime.arch.AccessRightsLayout;
import dev.vmcscodegen.runtime.arch.VmcsPointer;
import dev.vmcscodegen.runtime.capability.VmxCapabilityMsr;
import dev.vmcscodegen.runtime.control.PrimaryVmExitControl;
import dev.vmcscodegen.runtime.image.VmcsImage;
import java.util.HashMap;
import java.util.Map;

/**
 * Valid VMCS images that must enter: a 64-bit long-mode guest with EPT, a 32-bit PAE guest, a
 * real-mode guest under unrestricted guest, a virtual-8086 guest, and a 32-bit host variant. Values
 * follow the SDM's requirements (cited per block) on a profile like a recent Intel processor.
 */
final class Baselines {

  /** IA32_VMX_BASIC: revision 12H, 4-KByte region, WB, INS/OUTS info, TRUE controls (SDM Vol. 3D A.1). */
  static final long BASIC = 0x12L | (0x400L << 32) | (6L << 50) | (1L << 54) | (1L << 55);
  static final long REVISION = 0x12;

  private Baselines() {}

  static EntryCapabilities capabilities() {
    Map<Integer, Long> msrs = new HashMap<>();
    msrs.put(VmxCapabilityMsr.IA32_VMX_BASIC.address(), BASIC);
    msrs.put(VmxCapabilityMsr.IA32_VMX_PINBASED_CTLS.address(), 0x0000_007F_0000_0016L);
    msrs.put(VmxCapabilityMsr.IA32_VMX_PROCBASED_CTLS.address(), 0xFFF9_FFFE_0401_E172L);
    msrs.put(VmxCapabilityMsr.IA32_VMX_EXIT_CTLS.address(), 0x01FF_FFFF_0003_6DFFL);
    msrs.put(VmxCapabilityMsr.IA32_VMX_ENTRY_CTLS.address(), 0x0003_FFFF_0000_11FFL);
    // MISC: CR3-target count 4 (bits 24:16), HLT/shutdown/wait-for-SIPI (8:6), zero-length injection (30).
    msrs.put(VmxCapabilityMsr.IA32_VMX_MISC.address(), 0x7004_C1E7L);
    msrs.put(VmxCapabilityMsr.IA32_VMX_CR0_FIXED0.address(), 0x8000_0021L);
    msrs.put(VmxCapabilityMsr.IA32_VMX_CR0_FIXED1.address(), 0xFFFF_FFFFL);
    msrs.put(VmxCapabilityMsr.IA32_VMX_CR4_FIXED0.address(), 0x2000L);
    msrs.put(VmxCapabilityMsr.IA32_VMX_CR4_FIXED1.address(), 0x00FF_6FFFL);
    // VMCS enumeration: highest index 2EH (SDM Vol. 3D A.9); every processor with VMX has the MSR.
    msrs.put(VmxCapabilityMsr.IA32_VMX_VMCS_ENUM.address(), 0x5CL);
    msrs.put(VmxCapabilityMsr.IA32_VMX_PROCBASED_CTLS2.address(), 0x0FFF_FFFF_0000_0000L);
    // EPT/VPID: execute-only, 4-level walk (6), UC (8), WB (14), 2M/1G, A/D flags (21), INVEPT/INVVPID.
    msrs.put(VmxCapabilityMsr.IA32_VMX_EPT_VPID_CAP.address(), 0x0000_0F01_0673_4141L);
    msrs.put(VmxCapabilityMsr.IA32_VMX_TRUE_PINBASED_CTLS.address(), 0x0000_00FF_0000_0016L);
    msrs.put(VmxCapabilityMsr.IA32_VMX_TRUE_PROCBASED_CTLS.address(), 0xFFFF_FFFE_0400_6172L);
    msrs.put(VmxCapabilityMsr.IA32_VMX_TRUE_EXIT_CTLS.address(), 0xBFFF_FFFF_0003_6DFBL);
    msrs.put(VmxCapabilityMsr.IA32_VMX_TRUE_ENTRY_CTLS.address(), 0x00FF_FFFF_0000_11FBL);
    msrs.put(VmxCapabilityMsr.IA32_VMX_VMFUNC.address(), 0x1L);
    msrs.put(VmxCapabilityMsr.IA32_VMX_PROCBASED_CTLS3.address(), 0xFFL);
    msrs.put(VmxCapabilityMsr.IA32_VMX_EXIT_CTLS2.address(), 0x7L);
    return new EntryCapabilities(msrs);
  }

  private static Scenario common() {
    Scenario s = new Scenario(VmcsImage.empty(), capabilities(), ProcessorFacts.defaults(), Map.of());
    // Controls (SDM Vol. 3C 25.6-25.8): NMI exiting + virtual NMIs + external-interrupt exiting,
    // MSR bitmaps, secondary controls with EPT and VPID.
    s = s.set(PIN_BASED_VM_EXECUTION_CONTROLS, 0x3F)
        .set(PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS, 0x9400_6172L)
        .set(SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS, 0x2A)
        .set(TERTIARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS, 0)
        .set(PRIMARY_VM_EXIT_CONTROLS, 0x2B_EFFBL)
        .set(SECONDARY_VM_EXIT_CONTROLS, 0)
        .set(VIRTUAL_PROCESSOR_ID, 1)
        .set(EPT_POINTER, 0x2000_005EL)
        .set(MSR_BITMAPS_ADDRESS, 0x1000_0000L);
    int[] zero = {POSTED_INTERRUPT_NOTIFICATION_VECTOR, IO_BITMAP_A_ADDRESS, IO_BITMAP_B_ADDRESS,
        VM_EXIT_MSR_STORE_ADDRESS, VM_EXIT_MSR_LOAD_ADDRESS, VM_ENTRY_MSR_LOAD_ADDRESS, PML_ADDRESS,
        VIRTUAL_APIC_ADDRESS, APIC_ACCESS_ADDRESS, POSTED_INTERRUPT_DESCRIPTOR_ADDRESS, VM_FUNCTION_CONTROLS,
        EPTP_LIST_ADDRESS, VMREAD_BITMAP_ADDRESS, VMWRITE_BITMAP_ADDRESS,
        VIRTUALIZATION_EXCEPTION_INFORMATION_ADDRESS, SUB_PAGE_PERMISSION_TABLE_POINTER, CR3_TARGET_COUNT,
        VM_EXIT_MSR_STORE_COUNT, VM_EXIT_MSR_LOAD_COUNT, VM_ENTRY_MSR_LOAD_COUNT,
        VM_ENTRY_INTERRUPTION_INFORMATION, VM_ENTRY_EXCEPTION_ERROR_CODE, VM_ENTRY_INSTRUCTION_LENGTH,
        TPR_THRESHOLD, GUEST_INTERRUPTIBILITY_STATE, GUEST_ACTIVITY_STATE, GUEST_PENDING_DEBUG_EXCEPTIONS,
        GUEST_IA32_DEBUGCTL, GUEST_IA32_PERF_GLOBAL_CTRL, GUEST_IA32_BNDCFGS, GUEST_IA32_PKRS,
        GUEST_IA32_SYSENTER_ESP, GUEST_IA32_SYSENTER_EIP, GUEST_IA32_S_CET, GUEST_SSP,
        GUEST_IA32_INTERRUPT_SSP_TABLE_ADDR, GUEST_PDPTE0, GUEST_PDPTE1, GUEST_PDPTE2, GUEST_PDPTE3,
        GUEST_LDTR_SELECTOR, GUEST_LDTR_BASE, GUEST_LDTR_LIMIT, GUEST_RSP,
        HOST_ES_SELECTOR, HOST_DS_SELECTOR, HOST_FS_SELECTOR, HOST_GS_SELECTOR, HOST_FS_BASE,
        HOST_IA32_SYSENTER_ESP, HOST_IA32_SYSENTER_EIP, HOST_IA32_PERF_GLOBAL_CTRL, HOST_IA32_S_CET, HOST_SSP,
        HOST_IA32_INTERRUPT_SSP_TABLE_ADDR, HOST_IA32_PKRS};
    for (int field : zero) {
      s = s.set(field, 0);
    }
    // Host state (27.2.2-27.2.4): a 64-bit host with PAE, VMXE, canonical bases, GDT selectors.
    s = s.set(HOST_CR0, 0x8005_0033L).set(HOST_CR3, 0x1000).set(HOST_CR4, 0x26B0)
        .set(HOST_CS_SELECTOR, 0x10).set(HOST_SS_SELECTOR, 0x18).set(HOST_TR_SELECTOR, 0x40)
        .set(HOST_GS_BASE, 0xFFFF_8880_0000_0000L).set(HOST_TR_BASE, 0xFFFF_FE00_0000_3000L)
        .set(HOST_GDTR_BASE, 0xFFFF_FE00_0000_1000L).set(HOST_IDTR_BASE, 0xFFFF_FE00_0000_0000L)
        .set(HOST_IA32_SYSENTER_CS, 0x10).set(HOST_RIP, 0xFFFF_FFFF_8100_0000L)
        .set(HOST_RSP, 0xFFFF_C900_0001_0000L).set(HOST_IA32_PAT, 0x0007_0406_0007_0406L)
        .set(HOST_IA32_EFER, 0xD01);
    // Guest state common to all modes: no event, active, no link pointer, unusable LDTR.
    return s.set(GUEST_VMCS_LINK_POINTER, VmcsPointer.NONE)
        .set(GUEST_LDTR_ACCESS_RIGHTS, AccessRightsLayout.UNUSABLE)
        .set(GUEST_DR7, 0x400).set(GUEST_IA32_PAT, 0x0007_0406_0007_0406L);
  }

  private static Scenario segment(Scenario s, GuestSegment r, long selector, long base, long limit, long ar) {
    return s.set(r.selector(), selector).set(r.base(), base).set(r.limit(), limit).set(r.accessRights(), ar);
  }

  /** 64-bit guest with EPT: IA-32e mode guest, CS.L, flat SS, unusable data segments (KVM-style). */
  static Scenario longMode() {
    Scenario s = common()
        .set(VM_ENTRY_CONTROLS, 0xD3FF)
        .set(GUEST_CR0, 0x8005_0033L).set(GUEST_CR3, 0x2000).set(GUEST_CR4, 0x26B0)
        .set(GUEST_IA32_EFER, 0xD01).set(GUEST_RFLAGS, 0x2).set(GUEST_RIP, 0xFFFF_FFFF_8100_0000L)
        .set(GUEST_GDTR_BASE, 0xFFFF_FE00_0000_1000L).set(GUEST_GDTR_LIMIT, 0x7F)
        .set(GUEST_IDTR_BASE, 0xFFFF_FE00_0000_0000L).set(GUEST_IDTR_LIMIT, 0xFFF);
    s = segment(s, GuestSegment.CS, 0x10, 0, 0xFFFF_FFFFL, 0xA09B);
    s = segment(s, GuestSegment.SS, 0x18, 0, 0xFFFF_FFFFL, 0xC093);
    for (GuestSegment r : new GuestSegment[] {GuestSegment.DS, GuestSegment.ES, GuestSegment.FS, GuestSegment.GS}) {
      s = segment(s, r, 0, 0, 0, AccessRightsLayout.UNUSABLE);
    }
    s = s.set(GUEST_GS_BASE, 0xFFFF_8882_36E0_0000L);
    return segment(s, GuestSegment.TR, 0x40, 0xFFFF_FE00_0000_3000L, 0x67, 0x8B);
  }

  /** 32-bit protected-mode guest with PAE paging and EPT: present, valid PDPTE fields. */
  static Scenario pae() {
    Scenario s = common()
        .set(VM_ENTRY_CONTROLS, 0xD1FF)
        .set(GUEST_CR0, 0x8005_0033L).set(GUEST_CR3, 0x2000).set(GUEST_CR4, 0x26B0)
        .set(GUEST_IA32_EFER, 0x800).set(GUEST_RFLAGS, 0x2).set(GUEST_RIP, 0x0010_0000L)
        .set(GUEST_GDTR_BASE, 0x9000).set(GUEST_GDTR_LIMIT, 0x1F)
        .set(GUEST_IDTR_BASE, 0xA000).set(GUEST_IDTR_LIMIT, 0x7FF)
        .set(GUEST_PDPTE0, 0x3000_0001L).set(GUEST_PDPTE1, 0x3000_1001L)
        .set(GUEST_PDPTE2, 0x3000_2001L).set(GUEST_PDPTE3, 0x3000_3001L);
    s = segment(s, GuestSegment.CS, 0x08, 0, 0xFFFF_FFFFL, 0xC09B);
    for (GuestSegment r : new GuestSegment[] {
        GuestSegment.SS, GuestSegment.DS, GuestSegment.ES, GuestSegment.FS, GuestSegment.GS}) {
      s = segment(s, r, 0x10, 0, 0xFFFF_FFFFL, 0xC093);
    }
    return segment(s, GuestSegment.TR, 0x18, 0x1000, 0x67, 0x8B);
  }

  /** Real-mode guest (CR0.PE = PG = 0) under "unrestricted guest", at the reset vector. */
  static Scenario realMode() {
    Scenario s = common()
        .set(SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS, 0xAA)
        .set(VM_ENTRY_CONTROLS, 0x11FF)
        .set(GUEST_CR0, 0x30).set(GUEST_CR3, 0).set(GUEST_CR4, 0x2000)
        .set(GUEST_IA32_EFER, 0).set(GUEST_RFLAGS, 0x2).set(GUEST_RIP, 0xFFF0)
        .set(GUEST_GDTR_BASE, 0).set(GUEST_GDTR_LIMIT, 0xFFFF)
        .set(GUEST_IDTR_BASE, 0).set(GUEST_IDTR_LIMIT, 0x3FF);
    s = segment(s, GuestSegment.CS, 0xF000, 0xF_0000, 0xFFFF, 0x9B);
    for (GuestSegment r : new GuestSegment[] {
        GuestSegment.SS, GuestSegment.DS, GuestSegment.ES, GuestSegment.FS, GuestSegment.GS}) {
      s = segment(s, r, 0, 0, 0xFFFF, 0x93);
    }
    return segment(s, GuestSegment.TR, 0, 0, 0xFFFF, 0x8B);
  }

  /** Virtual-8086 guest: RFLAGS.VM, protected mode with paging, base = selector * 16, limit FFFFH, AR F3H. */
  static Scenario virtual8086() {
    Scenario s = common()
        .set(VM_ENTRY_CONTROLS, 0x11FF)
        .set(GUEST_CR0, 0x8000_0031L).set(GUEST_CR3, 0x5000).set(GUEST_CR4, 0x2000)
        .set(GUEST_IA32_EFER, 0).set(GUEST_RFLAGS, 0x2_0002L).set(GUEST_RIP, 0x100)
        .set(GUEST_GDTR_BASE, 0x9000).set(GUEST_GDTR_LIMIT, 0x1F)
        .set(GUEST_IDTR_BASE, 0xA000).set(GUEST_IDTR_LIMIT, 0x7FF);
    s = segment(s, GuestSegment.CS, 0x1000, 0x1_0000, 0xFFFF, 0xF3);
    s = segment(s, GuestSegment.SS, 0x2000, 0x2_0000, 0xFFFF, 0xF3);
    for (GuestSegment r : new GuestSegment[] {GuestSegment.DS, GuestSegment.ES, GuestSegment.FS, GuestSegment.GS}) {
      s = segment(s, r, 0, 0, 0xFFFF, 0xF3);
    }
    return segment(s, GuestSegment.TR, 0x18, 0x1000, 0x2067, 0x8B);
  }

  /** The PAE guest under a 32-bit host: VMM outside IA-32e mode, "host address-space size" 0. */
  static Scenario host32() {
    return pae().facts(f -> f.withVmmInIa32eMode(false))
        .clear(PRIMARY_VM_EXIT_CONTROLS, PrimaryVmExitControl.HOST_ADDRESS_SPACE_SIZE.mask())
        .set(HOST_IA32_EFER, 0x800).set(HOST_RIP, 0x8100_0000L).set(HOST_RSP, 0x8000_0000L);
  }
}
