package dev.vmcscodegen.runtime.entry;

/** The instruction attempting VM entry (SDM Vol. 3C 27.1). */
public enum EntryInstruction {
  /** VMLAUNCH: requires a clear VMCS. */
  VMLAUNCH,
  /** VMRESUME: requires a launched VMCS. */
  VMRESUME
}
