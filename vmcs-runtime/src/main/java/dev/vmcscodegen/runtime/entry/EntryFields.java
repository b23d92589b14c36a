package dev.vmcscodegen.runtime.entry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The encodings of the VMCS fields the VM-entry checks read (SDM Vol. 3D Appendix B), each registered
 * under the qualified name the generated enums give it ({@code VmcsGuestNW.CR0}). A test proves every
 * entry equals the generated catalog's field of that name, so this list cannot drift from the spec.
 */
final class EntryFields {

  private static final Map<Integer, String> NAMES = new LinkedHashMap<>();

  // Control fields, SDM Vol. 3D B.1.1, B.2.1, B.3.1, B.4.1.
  static final int VIRTUAL_PROCESSOR_ID = field("VmcsControl16.VIRTUAL_PROCESSOR_ID", 0x0000);
  static final int POSTED_INTERRUPT_NOTIFICATION_VECTOR =
      field("VmcsControl16.POSTED_INTERRUPT_NOTIFICATION_VECTOR", 0x0002);
  static final int IO_BITMAP_A_ADDRESS = field("VmcsControl64.IO_BITMAP_A_ADDRESS", 0x2000);
  static final int IO_BITMAP_B_ADDRESS = field("VmcsControl64.IO_BITMAP_B_ADDRESS", 0x2002);
  static final int MSR_BITMAPS_ADDRESS = field("VmcsControl64.MSR_BITMAPS_ADDRESS", 0x2004);
  static final int VM_EXIT_MSR_STORE_ADDRESS = field("VmcsControl64.VM_EXIT_MSR_STORE_ADDRESS", 0x2006);
  static final int VM_EXIT_MSR_LOAD_ADDRESS = field("VmcsControl64.VM_EXIT_MSR_LOAD_ADDRESS", 0x2008);
  static final int VM_ENTRY_MSR_LOAD_ADDRESS = field("VmcsControl64.VM_ENTRY_MSR_LOAD_ADDRESS", 0x200A);
  static final int PML_ADDRESS = field("VmcsControl64.PML_ADDRESS", 0x200E);
  static final int VIRTUAL_APIC_ADDRESS = field("VmcsControl64.VIRTUAL_APIC_ADDRESS", 0x2012);
  static final int APIC_ACCESS_ADDRESS = field("VmcsControl64.APIC_ACCESS_ADDRESS", 0x2014);
  static final int POSTED_INTERRUPT_DESCRIPTOR_ADDRESS =
      field("VmcsControl64.POSTED_INTERRUPT_DESCRIPTOR_ADDRESS", 0x2016);
  static final int VM_FUNCTION_CONTROLS = field("VmcsControl64.VM_FUNCTION_CONTROLS", 0x2018);
  static final int EPT_POINTER = field("VmcsControl64.EPT_POINTER", 0x201A);
  static final int EPTP_LIST_ADDRESS = field("VmcsControl64.EPTP_LIST_ADDRESS", 0x2024);
  static final int VMREAD_BITMAP_ADDRESS = field("VmcsControl64.VMREAD_BITMAP_ADDRESS", 0x2026);
  static final int VMWRITE_BITMAP_ADDRESS = field("VmcsControl64.VMWRITE_BITMAP_ADDRESS", 0x2028);
  static final int VIRTUALIZATION_EXCEPTION_INFORMATION_ADDRESS =
      field("VmcsControl64.VIRTUALIZATION_EXCEPTION_INFORMATION_ADDRESS", 0x202A);
  static final int SUB_PAGE_PERMISSION_TABLE_POINTER =
      field("VmcsControl64.SUB_PAGE_PERMISSION_TABLE_POINTER", 0x2030);
  static final int TSC_MULTIPLIER = field("VmcsControl64.TSC_MULTIPLIER", 0x2032);
  static final int TERTIARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS =
      field("VmcsControl64.TERTIARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS", 0x2034);
  static final int SECONDARY_VM_EXIT_CONTROLS = field("VmcsControl64.SECONDARY_VM_EXIT_CONTROLS", 0x2044);
  static final int PIN_BASED_VM_EXECUTION_CONTROLS =
      field("VmcsControl32.PIN_BASED_VM_EXECUTION_CONTROLS", 0x4000);
  static final int PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS =
      field("VmcsControl32.PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS", 0x4002);
  static final int CR3_TARGET_COUNT = field("VmcsControl32.CR3_TARGET_COUNT", 0x400A);
  static final int PRIMARY_VM_EXIT_CONTROLS = field("VmcsControl32.PRIMARY_VM_EXIT_CONTROLS", 0x400C);
  static final int VM_EXIT_MSR_STORE_COUNT = field("VmcsControl32.VM_EXIT_MSR_STORE_COUNT", 0x400E);
  static final int VM_EXIT_MSR_LOAD_COUNT = field("VmcsControl32.VM_EXIT_MSR_LOAD_COUNT", 0x4010);
  static final int VM_ENTRY_CONTROLS = field("VmcsControl32.VM_ENTRY_CONTROLS", 0x4012);
  static final int VM_ENTRY_MSR_LOAD_COUNT = field("VmcsControl32.VM_ENTRY_MSR_LOAD_COUNT", 0x4014);
  static final int VM_ENTRY_INTERRUPTION_INFORMATION =
      field("VmcsControl32.VM_ENTRY_INTERRUPTION_INFORMATION", 0x4016);
  static final int VM_ENTRY_EXCEPTION_ERROR_CODE = field("VmcsControl32.VM_ENTRY_EXCEPTION_ERROR_CODE", 0x4018);
  static final int VM_ENTRY_INSTRUCTION_LENGTH = field("VmcsControl32.VM_ENTRY_INSTRUCTION_LENGTH", 0x401A);
  static final int TPR_THRESHOLD = field("VmcsControl32.TPR_THRESHOLD", 0x401C);
  static final int SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS =
      field("VmcsControl32.SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS", 0x401E);

  // Guest-state fields, SDM Vol. 3D B.1.2, B.2.3, B.3.3, B.4.3.
  static final int GUEST_ES_SELECTOR = field("VmcsGuest16.ES_SELECTOR", 0x0800);
  static final int GUEST_CS_SELECTOR = field("VmcsGuest16.CS_SELECTOR", 0x0802);
  static final int GUEST_SS_SELECTOR = field("VmcsGuest16.SS_SELECTOR", 0x0804);
  static final int GUEST_DS_SELECTOR = field("VmcsGuest16.DS_SELECTOR", 0x0806);
  static final int GUEST_FS_SELECTOR = field("VmcsGuest16.FS_SELECTOR", 0x0808);
  static final int GUEST_GS_SELECTOR = field("VmcsGuest16.GS_SELECTOR", 0x080A);
  static final int GUEST_LDTR_SELECTOR = field("VmcsGuest16.LDTR_SELECTOR", 0x080C);
  static final int GUEST_TR_SELECTOR = field("VmcsGuest16.TR_SELECTOR", 0x080E);
  static final int GUEST_VMCS_LINK_POINTER = field("VmcsGuest64.VMCS_LINK_POINTER", 0x2800);
  static final int GUEST_IA32_DEBUGCTL = field("VmcsGuest64.IA32_DEBUGCTL", 0x2802);
  static final int GUEST_IA32_PAT = field("VmcsGuest64.IA32_PAT", 0x2804);
  static final int GUEST_IA32_EFER = field("VmcsGuest64.IA32_EFER", 0x2806);
  static final int GUEST_IA32_PERF_GLOBAL_CTRL = field("VmcsGuest64.IA32_PERF_GLOBAL_CTRL", 0x2808);
  static final int GUEST_PDPTE0 = field("VmcsGuest64.PDPTE0", 0x280A);
  static final int GUEST_PDPTE1 = field("VmcsGuest64.PDPTE1", 0x280C);
  static final int GUEST_PDPTE2 = field("VmcsGuest64.PDPTE2", 0x280E);
  static final int GUEST_PDPTE3 = field("VmcsGuest64.PDPTE3", 0x2810);
  static final int GUEST_IA32_BNDCFGS = field("VmcsGuest64.IA32_BNDCFGS", 0x2812);
  static final int GUEST_IA32_PKRS = field("VmcsGuest64.IA32_PKRS", 0x2818);
  static final int GUEST_ES_LIMIT = field("VmcsGuest32.ES_LIMIT", 0x4800);
  static final int GUEST_CS_LIMIT = field("VmcsGuest32.CS_LIMIT", 0x4802);
  static final int GUEST_SS_LIMIT = field("VmcsGuest32.SS_LIMIT", 0x4804);
  static final int GUEST_DS_LIMIT = field("VmcsGuest32.DS_LIMIT", 0x4806);
  static final int GUEST_FS_LIMIT = field("VmcsGuest32.FS_LIMIT", 0x4808);
  static final int GUEST_GS_LIMIT = field("VmcsGuest32.GS_LIMIT", 0x480A);
  static final int GUEST_LDTR_LIMIT = field("VmcsGuest32.LDTR_LIMIT", 0x480C);
  static final int GUEST_TR_LIMIT = field("VmcsGuest32.TR_LIMIT", 0x480E);
  static final int GUEST_GDTR_LIMIT = field("VmcsGuest32.GDTR_LIMIT", 0x4810);
  static final int GUEST_IDTR_LIMIT = field("VmcsGuest32.IDTR_LIMIT", 0x4812);
  static final int GUEST_ES_ACCESS_RIGHTS = field("VmcsGuest32.ES_ACCESS_RIGHTS", 0x4814);
  static final int GUEST_CS_ACCESS_RIGHTS = field("VmcsGuest32.CS_ACCESS_RIGHTS", 0x4816);
  static final int GUEST_SS_ACCESS_RIGHTS = field("VmcsGuest32.SS_ACCESS_RIGHTS", 0x4818);
  static final int GUEST_DS_ACCESS_RIGHTS = field("VmcsGuest32.DS_ACCESS_RIGHTS", 0x481A);
  static final int GUEST_FS_ACCESS_RIGHTS = field("VmcsGuest32.FS_ACCESS_RIGHTS", 0x481C);
  static final int GUEST_GS_ACCESS_RIGHTS = field("VmcsGuest32.GS_ACCESS_RIGHTS", 0x481E);
  static final int GUEST_LDTR_ACCESS_RIGHTS = field("VmcsGuest32.LDTR_ACCESS_RIGHTS", 0x4820);
  static final int GUEST_TR_ACCESS_RIGHTS = field("VmcsGuest32.TR_ACCESS_RIGHTS", 0x4822);
  static final int GUEST_INTERRUPTIBILITY_STATE = field("VmcsGuest32.INTERRUPTIBILITY_STATE", 0x4824);
  static final int GUEST_ACTIVITY_STATE = field("VmcsGuest32.ACTIVITY_STATE", 0x4826);
  static final int GUEST_CR0 = field("VmcsGuestNW.CR0", 0x6800);
  static final int GUEST_CR3 = field("VmcsGuestNW.CR3", 0x6802);
  static final int GUEST_CR4 = field("VmcsGuestNW.CR4", 0x6804);
  static final int GUEST_ES_BASE = field("VmcsGuestNW.ES_BASE", 0x6806);
  static final int GUEST_CS_BASE = field("VmcsGuestNW.CS_BASE", 0x6808);
  static final int GUEST_SS_BASE = field("VmcsGuestNW.SS_BASE", 0x680A);
  static final int GUEST_DS_BASE = field("VmcsGuestNW.DS_BASE", 0x680C);
  static final int GUEST_FS_BASE = field("VmcsGuestNW.FS_BASE", 0x680E);
  static final int GUEST_GS_BASE = field("VmcsGuestNW.GS_BASE", 0x6810);
  static final int GUEST_LDTR_BASE = field("VmcsGuestNW.LDTR_BASE", 0x6812);
  static final int GUEST_TR_BASE = field("VmcsGuestNW.TR_BASE", 0x6814);
  static final int GUEST_GDTR_BASE = field("VmcsGuestNW.GDTR_BASE", 0x6816);
  static final int GUEST_IDTR_BASE = field("VmcsGuestNW.IDTR_BASE", 0x6818);
  static final int GUEST_DR7 = field("VmcsGuestNW.DR7", 0x681A);
  static final int GUEST_RSP = field("VmcsGuestNW.RSP", 0x681C);
  static final int GUEST_RIP = field("VmcsGuestNW.RIP", 0x681E);
  static final int GUEST_RFLAGS = field("VmcsGuestNW.RFLAGS", 0x6820);
  static final int GUEST_PENDING_DEBUG_EXCEPTIONS = field("VmcsGuestNW.PENDING_DEBUG_EXCEPTIONS", 0x6822);
  static final int GUEST_IA32_SYSENTER_ESP = field("VmcsGuestNW.IA32_SYSENTER_ESP", 0x6824);
  static final int GUEST_IA32_SYSENTER_EIP = field("VmcsGuestNW.IA32_SYSENTER_EIP", 0x6826);
  static final int GUEST_IA32_S_CET = field("VmcsGuestNW.IA32_S_CET", 0x6828);
  static final int GUEST_SSP = field("VmcsGuestNW.SSP", 0x682A);
  static final int GUEST_IA32_INTERRUPT_SSP_TABLE_ADDR =
      field("VmcsGuestNW.IA32_INTERRUPT_SSP_TABLE_ADDR", 0x682C);

  // Host-state fields, SDM Vol. 3D B.1.3, B.2.4, B.3.4, B.4.4.
  static final int HOST_ES_SELECTOR = field("VmcsHost16.ES_SELECTOR", 0x0C00);
  static final int HOST_CS_SELECTOR = field("VmcsHost16.CS_SELECTOR", 0x0C02);
  static final int HOST_SS_SELECTOR = field("VmcsHost16.SS_SELECTOR", 0x0C04);
  static final int HOST_DS_SELECTOR = field("VmcsHost16.DS_SELECTOR", 0x0C06);
  static final int HOST_FS_SELECTOR = field("VmcsHost16.FS_SELECTOR", 0x0C08);
  static final int HOST_GS_SELECTOR = field("VmcsHost16.GS_SELECTOR", 0x0C0A);
  static final int HOST_TR_SELECTOR = field("VmcsHost16.TR_SELECTOR", 0x0C0C);
  static final int HOST_IA32_PAT = field("VmcsHost64.IA32_PAT", 0x2C00);
  static final int HOST_IA32_EFER = field("VmcsHost64.IA32_EFER", 0x2C02);
  static final int HOST_IA32_PERF_GLOBAL_CTRL = field("VmcsHost64.IA32_PERF_GLOBAL_CTRL", 0x2C04);
  static final int HOST_IA32_PKRS = field("VmcsHost64.IA32_PKRS", 0x2C06);
  static final int HOST_IA32_SYSENTER_CS = field("VmcsHost32.IA32_SYSENTER_CS", 0x4C00);
  static final int HOST_CR0 = field("VmcsHostNW.CR0", 0x6C00);
  static final int HOST_CR3 = field("VmcsHostNW.CR3", 0x6C02);
  static final int HOST_CR4 = field("VmcsHostNW.CR4", 0x6C04);
  static final int HOST_FS_BASE = field("VmcsHostNW.FS_BASE", 0x6C06);
  static final int HOST_GS_BASE = field("VmcsHostNW.GS_BASE", 0x6C08);
  static final int HOST_TR_BASE = field("VmcsHostNW.TR_BASE", 0x6C0A);
  static final int HOST_GDTR_BASE = field("VmcsHostNW.GDTR_BASE", 0x6C0C);
  static final int HOST_IDTR_BASE = field("VmcsHostNW.IDTR_BASE", 0x6C0E);
  static final int HOST_IA32_SYSENTER_ESP = field("VmcsHostNW.IA32_SYSENTER_ESP", 0x6C10);
  static final int HOST_IA32_SYSENTER_EIP = field("VmcsHostNW.IA32_SYSENTER_EIP", 0x6C12);
  static final int HOST_RSP = field("VmcsHostNW.RSP", 0x6C14);
  static final int HOST_RIP = field("VmcsHostNW.RIP", 0x6C16);
  static final int HOST_IA32_S_CET = field("VmcsHostNW.IA32_S_CET", 0x6C18);
  static final int HOST_SSP = field("VmcsHostNW.SSP", 0x6C1A);
  static final int HOST_IA32_INTERRUPT_SSP_TABLE_ADDR =
      field("VmcsHostNW.IA32_INTERRUPT_SSP_TABLE_ADDR", 0x6C1C);

  private EntryFields() {}

  private static int field(String qualifiedName, int encoding) {
    NAMES.put(encoding, qualifiedName);
    return encoding;
  }

  /** Every registered encoding with its qualified name, in declaration order. */
  static Map<Integer, String> names() {
    return Collections.unmodifiableMap(NAMES);
  }

  /** The qualified name of an encoding, or its hex form when it is not registered here. */
  static String name(int encoding) {
    String name = NAMES.get(encoding);
    return name != null ? name : String.format("0x%04X", encoding);
  }
}
