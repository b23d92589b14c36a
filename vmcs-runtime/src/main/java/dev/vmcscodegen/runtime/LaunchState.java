package dev.vmcscodegen.runtime;

/**
 * The launch state of a VMCS, SDM Vol. 3C 25.1 "Overview": VMCLEAR makes a VMCS clear, a successful
 * VMLAUNCH makes it launched. VMLAUNCH needs a clear VMCS (else error 4), VMRESUME a launched one
 * (else error 5), SDM Vol. 3C 31.3 "VMLAUNCH/VMRESUME". The software VMCS keeps one a region; the
 * VM-entry checker takes it as a processor fact.
 */
public enum LaunchState {
  /** Set by VMCLEAR; VMLAUNCH may enter with it. */
  CLEAR,
  /** Set by a successful VMLAUNCH; VMRESUME may enter with it. */
  LAUNCHED
}
