package dev.vmcscodegen.runtime.arch;

/**
 * The values of the guest activity state, SDM Vol. 3C 25.4.2 "Guest Non-Register State"; IA32_VMX_MISC
 * bits 8:6 report which of HLT, shutdown and wait-for-SIPI the processor supports (SDM Vol. 3D A.6).
 */
public final class ActivityState {
  /** 0: active, executing instructions normally. */
  public static final long ACTIVE = 0;
  /** 1: HLT, inactive after executing HLT. */
  public static final long HLT = 1;
  /** 2: shutdown, inactive after a triple fault. */
  public static final long SHUTDOWN = 2;
  /** 3: wait-for-SIPI, waiting for a startup IPI. */
  public static final long WAIT_FOR_SIPI = 3;

  private ActivityState() {}
}
