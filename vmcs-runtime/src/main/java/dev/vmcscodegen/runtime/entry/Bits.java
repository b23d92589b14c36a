package dev.vmcscodegen.runtime.entry;

/**
 * Named bits the VM-entry checks test, each with the SDM table that defines it (SDM Vol. 3C chapter 25
 * for VMCS fields, Vol. 3A for architectural registers). Kept here so the check rows read as the SDM does.
 */
final class Bits {
  // Pin-based VM-execution controls, SDM Vol. 3C 25.6.1, Table 25-5.
  static final long PIN_EXTERNAL_INTERRUPT_EXITING = 1L << 0;
  static final long PIN_NMI_EXITING = 1L << 3;
  static final long PIN_VIRTUAL_NMIS = 1L << 5;
  static final long PIN_ACTIVATE_VMX_PREEMPTION_TIMER = 1L << 6;
  static final long PIN_PROCESS_POSTED_INTERRUPTS = 1L << 7;

  // Primary processor-based VM-execution controls, 25.6.2, Table 25-6.
  static final long PROC_ACTIVATE_TERTIARY_CONTROLS = 1L << 17;
  static final long PROC_USE_TPR_SHADOW = 1L << 21;
  static final long PROC_NMI_WINDOW_EXITING = 1L << 22;
  static final long PROC_USE_IO_BITMAPS = 1L << 25;
  static final long PROC_MONITOR_TRAP_FLAG = 1L << 27;
  static final long PROC_USE_MSR_BITMAPS = 1L << 28;
  static final long PROC_ACTIVATE_SECONDARY_CONTROLS = 1L << 31;

  // Secondary processor-based VM-execution controls, 25.6.2, Table 25-7.
  static final long PROC2_VIRTUALIZE_APIC_ACCESSES = 1L << 0;
  static final long PROC2_ENABLE_EPT = 1L << 1;
  static final long PROC2_VIRTUALIZE_X2APIC_MODE = 1L << 4;
  static final long PROC2_ENABLE_VPID = 1L << 5;
  static final long PROC2_UNRESTRICTED_GUEST = 1L << 7;
  static final long PROC2_APIC_REGISTER_VIRTUALIZATION = 1L << 8;
  static final long PROC2_VIRTUAL_INTERRUPT_DELIVERY = 1L << 9;
  static final long PROC2_ENABLE_VM_FUNCTIONS = 1L << 13;
  static final long PROC2_VMCS_SHADOWING = 1L << 14;
  static final long PROC2_ENABLE_PML = 1L << 17;
  static final long PROC2_EPT_VIOLATION_VE = 1L << 18;
  static final long PROC2_MODE_BASED_EXECUTE_CONTROL_FOR_EPT = 1L << 22;
  static final long PROC2_SUB_PAGE_WRITE_PERMISSIONS_FOR_EPT = 1L << 23;
  static final long PROC2_INTEL_PT_USES_GUEST_PHYSICAL_ADDRESSES = 1L << 24;
  static final long PROC2_USE_TSC_SCALING = 1L << 25;

  // Tertiary processor-based VM-execution controls, 25.6.2, Table 25-8.
  static final long PROC3_IPI_VIRTUALIZATION = 1L << 4;

  // VM-function controls, 25.6.14, Table 25-10.
  static final long VMFUNC_EPTP_SWITCHING = 1L << 0;

  // Primary VM-exit controls, 25.7.1, Table 25-13.
  static final long EXIT_HOST_ADDRESS_SPACE_SIZE = 1L << 9;
  static final long EXIT_LOAD_IA32_PERF_GLOBAL_CTRL = 1L << 12;
  static final long EXIT_ACKNOWLEDGE_INTERRUPT_ON_EXIT = 1L << 15;
  static final long EXIT_LOAD_IA32_PAT = 1L << 19;
  static final long EXIT_LOAD_IA32_EFER = 1L << 21;
  static final long EXIT_SAVE_VMX_PREEMPTION_TIMER_VALUE = 1L << 22;
  static final long EXIT_CLEAR_IA32_RTIT_CTL = 1L << 25;
  static final long EXIT_LOAD_CET_STATE = 1L << 28;
  static final long EXIT_LOAD_PKRS = 1L << 29;
  static final long EXIT_ACTIVATE_SECONDARY_CONTROLS = 1L << 31;

  // VM-entry controls, 25.8.1, Table 25-15.
  static final long ENTRY_LOAD_DEBUG_CONTROLS = 1L << 2;
  static final long ENTRY_IA32E_MODE_GUEST = 1L << 9;
  static final long ENTRY_TO_SMM = 1L << 10;
  static final long ENTRY_DEACTIVATE_DUAL_MONITOR_TREATMENT = 1L << 11;
  static final long ENTRY_LOAD_IA32_PERF_GLOBAL_CTRL = 1L << 13;
  static final long ENTRY_LOAD_IA32_PAT = 1L << 14;
  static final long ENTRY_LOAD_IA32_EFER = 1L << 15;
  static final long ENTRY_LOAD_IA32_BNDCFGS = 1L << 16;
  static final long ENTRY_LOAD_IA32_RTIT_CTL = 1L << 18;
  static final long ENTRY_LOAD_CET_STATE = 1L << 20;
  static final long ENTRY_LOAD_PKRS = 1L << 22;

  // VM-entry interruption-information field, 25.8.3, Table 25-17.
  static final long INTERRUPTION_VECTOR = 0xFF;
  static final int INTERRUPTION_TYPE_SHIFT = 8;
  static final long INTERRUPTION_TYPE = 0x7L << INTERRUPTION_TYPE_SHIFT;
  static final long INTERRUPTION_DELIVER_ERROR_CODE = 1L << 11;
  static final long INTERRUPTION_RESERVED_30_12 = 0x7FFF_F000L;
  static final long INTERRUPTION_VALID = 1L << 31;
  static final int TYPE_EXTERNAL_INTERRUPT = 0;
  static final int TYPE_RESERVED = 1;
  static final int TYPE_NMI = 2;
  static final int TYPE_HARDWARE_EXCEPTION = 3;
  static final int TYPE_SOFTWARE_INTERRUPT = 4;
  static final int TYPE_PRIVILEGED_SOFTWARE_EXCEPTION = 5;
  static final int TYPE_SOFTWARE_EXCEPTION = 6;
  static final int TYPE_OTHER_EVENT = 7;
  static final int VECTOR_DB = 1;
  static final int VECTOR_NMI = 2;
  static final int VECTOR_MC = 18;
  static final int VECTOR_MTF = 0;
  static final int LAST_EXCEPTION_VECTOR = 31;
  /** Error-code bits 31:16 must be 0 (27.2.1.3). */
  static final long ERROR_CODE_RESERVED_31_16 = 0xFFFF_0000L;
  static final long MAX_INSTRUCTION_LENGTH = 15;

  // IA32_VMX_MISC, SDM Vol. 3D A.6.
  static final int MISC_CR3_TARGET_COUNT_SHIFT = 16;
  static final long MISC_CR3_TARGET_COUNT = 0x1FFL << MISC_CR3_TARGET_COUNT_SHIFT;
  static final int MISC_ACTIVITY_STATES_SHIFT = 5;
  static final long MISC_ZERO_LENGTH_INJECTION = 1L << 30;

  // IA32_VMX_EPT_VPID_CAP, A.10; EPT pointer, 25.6.11, Table 25-9.
  static final long EPT_CAP_WALK_4 = 1L << 6;
  static final long EPT_CAP_WALK_5 = 1L << 7;
  static final long EPT_CAP_UC = 1L << 8;
  static final long EPT_CAP_WB = 1L << 14;
  static final long EPT_CAP_ACCESSED_DIRTY = 1L << 21;
  static final long EPTP_MEMORY_TYPE = 0x7;
  static final long EPTP_MEMORY_TYPE_UC = 0;
  static final long EPTP_MEMORY_TYPE_WB = 6;
  static final int EPTP_WALK_SHIFT = 3;
  static final long EPTP_WALK = 0x7L << EPTP_WALK_SHIFT;
  static final long EPTP_WALK_4 = 3;
  static final long EPTP_WALK_5 = 4;
  static final long EPTP_ACCESSED_DIRTY = 1L << 6;
  static final long EPTP_RESERVED_11_7 = 0xF80;

  // Control registers, Vol. 3A 2.5.
  static final long CR0_PE = 1L << 0;
  static final long CR0_WP = 1L << 16;
  static final long CR0_PG = 1L << 31;
  static final long CR4_PAE = 1L << 5;
  static final long CR4_PCIDE = 1L << 17;
  static final long CR4_CET = 1L << 23;

  // RFLAGS, Vol. 3A 2.3; reserved bits per 27.3.1.4.
  static final long RFLAGS_FIXED_1 = 1L << 1;
  static final long RFLAGS_RESERVED = 0xFFFF_FFFF_FFC0_0000L | (1L << 15) | (1L << 5) | (1L << 3);
  static final long RFLAGS_TF = 1L << 8;
  static final long RFLAGS_IF = 1L << 9;
  static final long RFLAGS_VM = 1L << 17;

  // IA32_EFER, Vol. 4 Table 2-2; IA32_DEBUGCTL, Vol. 3B 18.4.1.
  static final long EFER_LME = 1L << 8;
  static final long EFER_LMA = 1L << 10;
  static final long DEBUGCTL_BTF = 1L << 1;

  // Guest interruptibility state, 25.4.2, Table 25-3.
  static final long BLOCKING_BY_STI = 1L << 0;
  static final long BLOCKING_BY_MOV_SS = 1L << 1;
  static final long BLOCKING_BY_SMI = 1L << 2;
  static final long BLOCKING_BY_NMI = 1L << 3;
  static final long ENCLAVE_INTERRUPTION = 1L << 4;
  static final long INTERRUPTIBILITY_RESERVED_31_5 = 0xFFFF_FFE0L;

  // Guest activity state, 25.4.2.
  static final long ACTIVITY_ACTIVE = 0;
  static final long ACTIVITY_HLT = 1;
  static final long ACTIVITY_SHUTDOWN = 2;
  static final long ACTIVITY_WAIT_FOR_SIPI = 3;

  // Pending debug exceptions, 25.4.2, Table 25-4.
  static final long PENDING_DEBUG_RESERVED = 0xFFFF_FFFF_FFFE_0000L | 0xFF0L | (1L << 13) | (1L << 15);
  static final long PENDING_DEBUG_BS = 1L << 14;
  static final long PENDING_DEBUG_ENABLED_BREAKPOINT = 1L << 12;
  static final long PENDING_DEBUG_RTM = 1L << 16;
  /** With RTM set, bits 11:0, 15:13 and 63:17 must be 0 (27.3.1.5). */
  static final long PENDING_DEBUG_RTM_MUST_BE_0 = 0xFFFF_FFFF_FFFE_0000L | 0xFFFL | 0xE000L;

  // VMCS link pointer, 25.4.2; the value that disables it.
  static final long LINK_POINTER_NONE = 0xFFFF_FFFF_FFFF_FFFFL;
  static final long SHADOW_VMCS_INDICATOR = 1L << 31;

  // PAE PDPTEs, Vol. 3A 4.4.1, Table 4-8: P, reserved bits 2:1 and 8:5.
  static final long PDPTE_P = 1L;
  static final long PDPTE_RESERVED_LOW = 0x1E6L;
  static final long PAE_CR3_PDPT_MASK = ~0x1FL;

  // IA32_S_CET, Vol. 1 17.2.3 / Vol. 4: reserved 9:6, SUPPRESS 10, TRACKER 11.
  static final long S_CET_RESERVED_9_6 = 0x3C0;
  static final long S_CET_SUPPRESS = 1L << 10;
  static final long S_CET_TRACKER = 1L << 11;
  // IA32_BNDCFGS, Vol. 4 Table 2-2: reserved 11:2, base 63:12.
  static final long BNDCFGS_RESERVED_11_2 = 0xFFC;
  static final long PAGE_OFFSET = 0xFFF;

  // Alignments, 27.2.1.
  static final long ALIGN_4K = 0xFFF;
  static final long ALIGN_64 = 0x3F;
  static final long ALIGN_16 = 0xF;
  static final long ALIGN_4 = 0x3;
  static final long VECTOR_HIGH_BYTE = 0xFF00;
  static final long LOW_32 = 0xFFFF_FFFFL;
  static final long HIGH_32 = 0xFFFF_FFFF_0000_0000L;
  static final long LIMIT_HIGH_16 = 0xFFFF_0000L;
  static final int MSR_ENTRY_BYTES = 16;

  private Bits() {}
}
