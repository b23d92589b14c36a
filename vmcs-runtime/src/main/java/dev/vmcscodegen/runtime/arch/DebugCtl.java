package dev.vmcscodegen.runtime.arch;

/** The bits of IA32_DEBUGCTL (1D9H) the runtime names, SDM Vol. 3B 18.4.1, Figure 18-3 (Vol. 4, Table 2-2). */
public final class DebugCtl {
  /** Bit 1, BTF: single-step on branches. */
  public static final long BTF = 1L << 1;
  /** Bits 1:0 and 15:6: the bits recent processors define (LBR, BTF, TR, BTS, BTINT, BTS_OFF_OS,
   * BTS_OFF_USR, FREEZE_LBRS_ON_PMI, FREEZE_PERFMON_ON_PMI, ENABLE_UNCORE_PMI, FREEZE_WHILE_SMM,
   * RTM_DEBUG); bits 5:2 and 63:16 are reserved. */
  public static final long DEFINED = 0x0000_FFC3L;

  private DebugCtl() {}
}
