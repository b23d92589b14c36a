package dev.vmcscodegen.runtime.entry;

/** The launch state of the current VMCS (SDM Vol. 3C 25.1): VMCLEAR makes it clear, VMLAUNCH launched. */
public enum LaunchState {
  /** Clear: only VMLAUNCH may enter. */
  CLEAR,
  /** Launched: only VMRESUME may enter. */
  LAUNCHED
}
