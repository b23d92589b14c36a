package dev.vmcscodegen.runtime.capability;

/**
 * The bits of CR0 or CR4 fixed in VMX operation, from a FIXED0/FIXED1 MSR pair (SDM Vol. 3D A.7,
 * A.8): a bit set in FIXED0 must be 1; a bit clear in FIXED1 must be 0; the others are flexible.
 *
 * @param fixed0 IA32_VMX_CR0_FIXED0 or IA32_VMX_CR4_FIXED0: bits that must be 1
 * @param fixed1 IA32_VMX_CR0_FIXED1 or IA32_VMX_CR4_FIXED1: bits that may be 1
 */
public record FixedBits(long fixed0, long fixed1) {

  /** Bits that must be 1 in VMX operation. */
  public long mustBeOne() {
    return fixed0;
  }

  /** Bits that must be 0 in VMX operation. */
  public long mustBeZero() {
    return ~fixed1;
  }

  /** Bits that must be 1 yet may not be 1: zero on well-formed MSRs (the SDM says FIXED0 implies FIXED1). */
  public long malformedBits() {
    return fixed0 & ~fixed1;
  }

  /** The bits of {@code value} that break the rules: a required 1 that is 0, or a 1 where 0 is required. */
  public long violations(long value) {
    return (fixed0 & ~value) | (value & ~fixed1);
  }
}
