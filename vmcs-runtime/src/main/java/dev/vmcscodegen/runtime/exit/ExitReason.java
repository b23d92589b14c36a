package dev.vmcscodegen.runtime.exit;

import dev.vmcscodegen.runtime.EntryOutcome;

/**
 * The basic exit reasons, bits 15:0 of the exit-reason field: SDM Vol. 3D Appendix C, Table C-1
 * "Basic Exit Reasons", numbers 0 to 85. The newest (76 to 85) were checked against Linux KVM's
 * {@code arch/x86/include/uapi/asm/vmx.h}, Xen's and Bochs' exit-reason lists, which agree on the
 * numbers; 84 and 85 are the RDMSR and WRMSRNS forms with an immediate MSR index.
 *
 * <p>Every number from 0 to 85 has a constant, in number order, so {@link #fromNumber} is an array
 * lookup. Numbers the table leaves out (35, 38, 42, 71, 82, 83) are {@code RESERVED_n}; every other
 * number maps to {@link #UNKNOWN}, so decoding never fails. Keep the raw number beside it, as
 * {@link FullExitReason} does.
 */
public enum ExitReason {
  /** 0: an exception whose exception-bitmap bit is 1, or an NMI with "NMI exiting" 1. */
  EXCEPTION_OR_NMI(0, "Exception or non-maskable interrupt (NMI)"),
  /** 1. */
  EXTERNAL_INTERRUPT(1, "External interrupt"),
  /** 2. */
  TRIPLE_FAULT(2, "Triple fault"),
  /** 3. */
  INIT_SIGNAL(3, "INIT signal"),
  /** 4. */
  START_UP_IPI(4, "Start-up IPI (SIPI)"),
  /** 5: an SMI right after retirement of an I/O instruction, causing an SMM VM exit. */
  IO_SMI(5, "I/O system-management interrupt (SMI)"),
  /** 6. */
  OTHER_SMI(6, "Other SMI"),
  /** 7. */
  INTERRUPT_WINDOW(7, "Interrupt window"),
  /** 8. */
  NMI_WINDOW(8, "NMI window"),
  /** 9. */
  TASK_SWITCH(9, "Task switch"),
  /** 10. */
  CPUID(10, "CPUID"),
  /** 11. */
  GETSEC(11, "GETSEC"),
  /** 12. */
  HLT(12, "HLT"),
  /** 13. */
  INVD(13, "INVD"),
  /** 14. */
  INVLPG(14, "INVLPG"),
  /** 15. */
  RDPMC(15, "RDPMC"),
  /** 16. */
  RDTSC(16, "RDTSC"),
  /** 17. */
  RSM(17, "RSM (in SMM)"),
  /** 18. */
  VMCALL(18, "VMCALL"),
  /** 19. */
  VMCLEAR(19, "VMCLEAR"),
  /** 20. */
  VMLAUNCH(20, "VMLAUNCH"),
  /** 21. */
  VMPTRLD(21, "VMPTRLD"),
  /** 22. */
  VMPTRST(22, "VMPTRST"),
  /** 23. */
  VMREAD(23, "VMREAD"),
  /** 24. */
  VMRESUME(24, "VMRESUME"),
  /** 25. */
  VMWRITE(25, "VMWRITE"),
  /** 26. */
  VMXOFF(26, "VMXOFF"),
  /** 27. */
  VMXON(27, "VMXON"),
  /** 28: CLTS, LMSW or MOV CR; qualification {@link ControlRegisterAccessQualification}. */
  CONTROL_REGISTER_ACCESSES(28, "Control-register accesses"),
  /** 29: qualification {@link MovDrQualification}. */
  MOV_DR(29, "MOV DR"),
  /** 30: qualification {@link IoInstructionQualification}. */
  IO_INSTRUCTION(30, "I/O instruction"),
  /** 31. */
  RDMSR(31, "RDMSR"),
  /** 32. */
  WRMSR(32, "WRMSR"),
  /** 33: reported with bit 31 (VM-entry failure) set. */
  VM_ENTRY_FAILURE_INVALID_GUEST_STATE(EntryOutcome.EXIT_REASON_INVALID_GUEST_STATE, "VM-entry failure due to invalid guest state"),
  /** 34: reported with bit 31 (VM-entry failure) set. */
  VM_ENTRY_FAILURE_MSR_LOADING(EntryOutcome.EXIT_REASON_MSR_LOADING, "VM-entry failure due to MSR loading"),
  /** 35: not used by Table C-1. */
  RESERVED_35(35, null),
  /** 36. */
  MWAIT(36, "MWAIT"),
  /** 37. */
  MONITOR_TRAP_FLAG(37, "Monitor trap flag"),
  /** 38: not used by Table C-1. */
  RESERVED_38(38, null),
  /** 39. */
  MONITOR(39, "MONITOR"),
  /** 40. */
  PAUSE(40, "PAUSE"),
  /** 41: reported with bit 31 (VM-entry failure) set. */
  VM_ENTRY_FAILURE_MACHINE_CHECK_EVENT(41, "VM-entry failure due to machine-check event"),
  /** 42: not used by Table C-1. */
  RESERVED_42(42, null),
  /** 43. */
  TPR_BELOW_THRESHOLD(43, "TPR below threshold"),
  /** 44: qualification {@link ApicAccessQualification}. */
  APIC_ACCESS(44, "APIC access"),
  /** 45. */
  VIRTUALIZED_EOI(45, "Virtualized EOI"),
  /** 46: LGDT, LIDT, SGDT or SIDT. */
  ACCESS_TO_GDTR_OR_IDTR(46, "Access to GDTR or IDTR"),
  /** 47: LLDT, LTR, SLDT or STR. */
  ACCESS_TO_LDTR_OR_TR(47, "Access to LDTR or TR"),
  /** 48: qualification {@link EptViolationQualification}. */
  EPT_VIOLATION(48, "EPT violation"),
  /** 49: no qualification; the guest-physical address field tells where. */
  EPT_MISCONFIGURATION(49, "EPT misconfiguration"),
  /** 50. */
  INVEPT(50, "INVEPT"),
  /** 51. */
  RDTSCP(51, "RDTSCP"),
  /** 52. */
  VMX_PREEMPTION_TIMER_EXPIRED(52, "VMX-preemption timer expired"),
  /** 53. */
  INVVPID(53, "INVVPID"),
  /** 54. */
  WBINVD_OR_WBNOINVD(54, "WBINVD or WBNOINVD"),
  /** 55. */
  XSETBV(55, "XSETBV"),
  /** 56. */
  APIC_WRITE(56, "APIC write"),
  /** 57. */
  RDRAND(57, "RDRAND"),
  /** 58. */
  INVPCID(58, "INVPCID"),
  /** 59. */
  VMFUNC(59, "VMFUNC"),
  /** 60. */
  ENCLS(60, "ENCLS"),
  /** 61. */
  RDSEED(61, "RDSEED"),
  /** 62. */
  PAGE_MODIFICATION_LOG_FULL(62, "Page-modification log full"),
  /** 63. */
  XSAVES(63, "XSAVES"),
  /** 64. */
  XRSTORS(64, "XRSTORS"),
  /** 65. */
  PCONFIG(65, "PCONFIG"),
  /** 66. */
  SPP_RELATED_EVENT(66, "SPP-related event"),
  /** 67. */
  UMWAIT(67, "UMWAIT"),
  /** 68. */
  TPAUSE(68, "TPAUSE"),
  /** 69. */
  LOADIWKEY(69, "LOADIWKEY"),
  /** 70. */
  ENCLV(70, "ENCLV"),
  /** 71: not used by Table C-1. */
  RESERVED_71(71, null),
  /** 72. */
  ENQCMD_PASID_TRANSLATION_FAILURE(72, "ENQCMD PASID translation failure"),
  /** 73. */
  ENQCMDS_PASID_TRANSLATION_FAILURE(73, "ENQCMDS PASID translation failure"),
  /** 74. */
  BUS_LOCK(74, "Bus lock"),
  /** 75: the "instruction timeout" (notify) VM exit. */
  INSTRUCTION_TIMEOUT(75, "Instruction timeout"),
  /** 76. */
  SEAMCALL(76, "SEAMCALL"),
  /** 77. */
  TDCALL(77, "TDCALL"),
  /** 78. */
  RDMSRLIST(78, "RDMSRLIST"),
  /** 79. */
  WRMSRLIST(79, "WRMSRLIST"),
  /** 80. */
  URDMSR(80, "URDMSR"),
  /** 81. */
  UWRMSR(81, "UWRMSR"),
  /** 82: not used by Table C-1. */
  RESERVED_82(82, null),
  /** 83: not used by Table C-1. */
  RESERVED_83(83, null),
  /** 84: RDMSR with an immediate MSR index. */
  RDMSR_IMMEDIATE(84, "RDMSR with immediate operand"),
  /** 85: WRMSRNS with an immediate MSR index. */
  WRMSRNS_IMMEDIATE(85, "WRMSRNS with immediate operand"),
  /** A number Table C-1 does not define (86 and above); the caller keeps the raw number. */
  UNKNOWN(-1, null);

  /** The highest basic exit reason Table C-1 defines. */
  public static final int MAX_DEFINED = 85;

  private static final ExitReason[] BY_NUMBER = values();

  private final int number;
  private final String description;

  ExitReason(int number, String description) {
    this.number = number;
    this.description = description;
  }

  /** The basic exit reason number, -1 for {@link #UNKNOWN}. */
  public int number() {
    return number;
  }

  /** Table C-1's name for this reason; "reserved" or "unknown" for numbers it does not define. */
  public String description() {
    if (description != null) {
      return description;
    }
    return this == UNKNOWN ? "unknown basic exit reason" : "reserved basic exit reason " + number;
  }

  /** Whether Table C-1 defines this number (false for the reserved numbers and {@link #UNKNOWN}). */
  public boolean isDefined() {
    return description != null;
  }

  /** Whether this is one of the numbers 0 to 85 that Table C-1 leaves out. */
  public boolean isReserved() {
    return description == null && number >= 0;
  }

  /**
   * Whether the reason reports a failed VM entry (33, 34, 41): SDM Vol. 3C 27.8 stores these with bit 31
   * of the exit-reason field set.
   */
  public boolean isVmEntryFailure() {
    return this == VM_ENTRY_FAILURE_INVALID_GUEST_STATE
        || this == VM_ENTRY_FAILURE_MSR_LOADING
        || this == VM_ENTRY_FAILURE_MACHINE_CHECK_EVENT;
  }

  /**
   * The reason with this basic exit-reason number; {@link #UNKNOWN} for any number outside 0 to 85.
   * Never throws.
   */
  public static ExitReason fromNumber(int number) {
    return number >= 0 && number <= MAX_DEFINED ? BY_NUMBER[number] : UNKNOWN;
  }
}
