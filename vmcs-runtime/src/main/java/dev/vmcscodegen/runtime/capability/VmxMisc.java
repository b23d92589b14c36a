package dev.vmcscodegen.runtime.capability;

/**
 * IA32_VMX_MISC (485H), decoded: SDM Vol. 3D A.6 "Miscellaneous Data". Every bit pattern decodes; the
 * raw value is kept.
 *
 * @param raw the MSR's 64-bit value
 */
public record VmxMisc(long raw) {

  /** Bits 4:0: the VMX-preemption timer counts down by 1 every time TSC bit X changes, X being this value. */
  public static final long PREEMPTION_TIMER_RATE_MASK = 0x1F;
  /** Bit 5: VM exits store EFER.LMA into the "IA-32e mode guest" VM-entry control. */
  public static final int STORES_EFER_LMA_BIT = 5;
  /** Bit 6: activity state 1, HLT, is supported. */
  public static final int ACTIVITY_HLT_BIT = 6;
  /** Bit 7: activity state 2, shutdown, is supported. */
  public static final int ACTIVITY_SHUTDOWN_BIT = 7;
  /** Bit 8: activity state 3, wait-for-SIPI, is supported. */
  public static final int ACTIVITY_WAIT_FOR_SIPI_BIT = 8;
  /** Bit 14: Intel Processor Trace may be used in VMX operation. */
  public static final int INTEL_PT_BIT = 14;
  /** Bit 15: RDMSR may read IA32_SMBASE (9EH) in SMM. */
  public static final int RDMSR_SMBASE_BIT = 15;
  /** Bits 24:16: the number of CR3-target values supported. */
  public static final int CR3_TARGET_COUNT_SHIFT = 16;
  /** Width of the CR3-target count, bits 24:16. */
  public static final long CR3_TARGET_COUNT_MASK = 0x1FF;
  /** Bits 27:25: N, the recommended maximum MSR-list size being 512 * (N + 1). */
  public static final int MSR_LIST_SHIFT = 25;
  /** Width of N, bits 27:25. */
  public static final long MSR_LIST_MASK = 0x7;
  /** Bit 28: bit 2 of IA32_SMM_MONITOR_CTL may be 1 (VMXOFF unblocks SMIs unless that bit is 1). */
  public static final int SMM_MONITOR_CTL_BIT2 = 28;
  /** Bit 29: VMWRITE may write any supported VMCS field, the VM-exit information fields included. */
  public static final int VMWRITE_ANY_FIELD_BIT = 29;
  /** Bit 30: VM entry may inject a software interrupt, software exception or privileged software exception with instruction length 0. */
  public static final int ZERO_LENGTH_INJECTION_BIT = 30;
  /** Bits 63:32: the MSEG revision identifier. */
  public static final int MSEG_REVISION_SHIFT = 32;

  /** Bits 4:0: the TSC bit whose changes decrement the VMX-preemption timer (SDM Vol. 3C 26.5.1). */
  public int preemptionTimerRate() {
    return (int) (raw & PREEMPTION_TIMER_RATE_MASK);
  }

  /** Bit 5: VM exits store EFER.LMA into the "IA-32e mode guest" VM-entry control (SDM Vol. 3C 28.2). */
  public boolean storesEferLmaOnExit() {
    return bit(STORES_EFER_LMA_BIT);
  }

  /** Bit 6: the HLT activity state (1) is supported. */
  public boolean supportsActivityHlt() {
    return bit(ACTIVITY_HLT_BIT);
  }

  /** Bit 7: the shutdown activity state (2) is supported. */
  public boolean supportsActivityShutdown() {
    return bit(ACTIVITY_SHUTDOWN_BIT);
  }

  /** Bit 8: the wait-for-SIPI activity state (3) is supported. */
  public boolean supportsActivityWaitForSipi() {
    return bit(ACTIVITY_WAIT_FOR_SIPI_BIT);
  }

  /** Bit 14: Intel PT may be used in VMX operation (SDM Vol. 3C 26.4). */
  public boolean intelPtInVmx() {
    return bit(INTEL_PT_BIT);
  }

  /** Bit 15: RDMSR may read IA32_SMBASE in system-management mode. */
  public boolean rdmsrSmbaseInSmm() {
    return bit(RDMSR_SMBASE_BIT);
  }

  /** Bits 24:16: how many CR3-target values the processor supports (SDM Vol. 3C 25.6.7). */
  public int cr3TargetCount() {
    return (int) ((raw >>> CR3_TARGET_COUNT_SHIFT) & CR3_TARGET_COUNT_MASK);
  }

  /** Bits 27:25 as read: N. */
  public int msrListSizeField() {
    return (int) ((raw >>> MSR_LIST_SHIFT) & MSR_LIST_MASK);
  }

  /** The recommended maximum number of MSRs in each VM-exit and VM-entry MSR list: 512 * (N + 1). */
  public int maxMsrListSize() {
    return 512 * (msrListSizeField() + 1);
  }

  /** Bit 28: bit 2 of IA32_SMM_MONITOR_CTL may be set to 1 (SDM Vol. 3C 33.15.5). */
  public boolean smmMonitorCtlBit2() {
    return bit(SMM_MONITOR_CTL_BIT2);
  }

  /** Bit 29: VMWRITE may write any supported field, the VM-exit information fields included. */
  public boolean vmwriteAnyField() {
    return bit(VMWRITE_ANY_FIELD_BIT);
  }

  /**
   * Bit 30: VM entry allows a software interrupt, software exception or privileged software exception
   * to be injected with instruction length 0 (SDM Vol. 3C 27.2.1.3).
   */
  public boolean zeroLengthInjection() {
    return bit(ZERO_LENGTH_INJECTION_BIT);
  }

  /** Bits 63:32: the MSEG revision identifier used by the processor (SDM Vol. 3C 33.15.6). */
  public int msegRevisionId() {
    return (int) (raw >>> MSEG_REVISION_SHIFT);
  }

  private boolean bit(int bit) {
    return (raw >>> bit & 1) != 0;
  }
}
