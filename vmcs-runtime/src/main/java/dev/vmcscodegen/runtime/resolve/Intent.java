package dev.vmcscodegen.runtime.resolve;

/** What a VMM asks of one control bit. */
public enum Intent {
  /** The bit must be 1; the resolution fails if it cannot be. */
  REQUIRE,
  /** The bit should be 1 when the processor and the other intents allow it; else it is 0, with the reason. */
  PREFER,
  /** The bit must be 0; the resolution fails if something requires it. */
  FORBID
}
