package dev.vmcscodegen.runtime.resolve;

/** Why a resolved control bit has its value. */
public enum Reason {
  /** The capability MSR allows only 1: its allowed-0 bit is 1 (SDM Vol. 3D A.3 to A.5). */
  FIXED_BY_CPU,
  /** The capability MSR allows only 0, or the processor does not have the field at all (SDM Vol. 3D Appendix A). */
  UNSUPPORTED,
  /** An intent required it. */
  REQUIRED,
  /** An intent preferred it and nothing stood against it. */
  PREFERRED_GRANTED,
  /** An intent preferred it, but the processor or another setting keeps it 0. */
  PREFERRED_NOT_GRANTED,
  /** Another bit that is 1 needs it ({@link dev.vmcscodegen.runtime.control.ControlDependency} or a field's activation). */
  IMPLIED,
  /** Another bit that is 1 excludes it. */
  EXCLUDED,
  /** An intent forbade it. */
  FORBIDDEN,
  /** The VMM's context decides it: its address-space size, or VM entry outside SMM (SDM Vol. 3C 27.2.1.3, 27.2.4). */
  CONTEXT,
  /** Nothing asked for it: the control's default setting, 1 for the default1 class and 0 otherwise (SDM Vol. 3D A.2). */
  DEFAULT
}
