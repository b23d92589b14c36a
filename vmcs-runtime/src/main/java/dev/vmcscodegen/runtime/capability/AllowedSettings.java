package dev.vmcscodegen.runtime.capability;

/**
 * The allowed settings of one VMX control field, as a capability MSR reports them (SDM Vol. 3D A.3 to
 * A.5): a control bit X may be 0 only if bit X of {@link #allowed0()} is 0, and may be 1 only if bit X
 * of {@link #allowed1()} is 1.
 *
 * <p>The 32-bit controls come from MSRs holding allowed-0 in bits 31:0 and allowed-1 in bits 63:32
 * ({@link #fromControlMsr}); the 64-bit tertiary processor-based and secondary VM-exit controls come
 * from MSRs holding only the allowed-1 mask, every bit being allowed to be 0 ({@link #fromAllowed1Mask}).
 *
 * <p>A well-formed MSR never forces a bit to 1 that it forbids to be 1; this record keeps whatever the
 * MSR said and reports such bits through {@link #malformedBits()} rather than rejecting them, so a
 * bad profile can be diagnosed.
 *
 * @param allowed0 bits that must be 1 (a 1 here means "this bit may not be 0")
 * @param allowed1 bits that may be 1
 * @param width the control field's width, 32 or 64
 */
public record AllowedSettings(long allowed0, long allowed1, int width) {

  /** Validates the width and that both masks fit it. */
  public AllowedSettings {
    if (width != 32 && width != 64) {
      throw new IllegalArgumentException("a control field is 32 or 64 bits wide, not " + width);
    }
    if (width == 32 && ((allowed0 >>> 32) != 0 || (allowed1 >>> 32) != 0)) {
      throw new IllegalArgumentException(String.format(
          "allowed-0 0x%x or allowed-1 0x%x has bits above 31 for a 32-bit control", allowed0, allowed1));
    }
  }

  /**
   * The settings of a 32-bit control from its capability MSR: allowed-0 in bits 31:0, allowed-1 in
   * bits 63:32 (SDM Vol. 3D A.3.1).
   */
  public static AllowedSettings fromControlMsr(long msrValue) {
    return new AllowedSettings(msrValue & 0xFFFF_FFFFL, msrValue >>> 32, 32);
  }

  /**
   * The settings of a 64-bit control whose MSR reports only allowed-1 settings, every bit being
   * allowed to be 0 (IA32_VMX_PROCBASED_CTLS3, SDM Vol. 3D A.3.4; IA32_VMX_EXIT_CTLS2, A.4.2;
   * IA32_VMX_VMFUNC, A.11).
   */
  public static AllowedSettings fromAllowed1Mask(long allowed1) {
    return new AllowedSettings(0, allowed1, 64);
  }

  /**
   * The settings a capability MSR reports for a control field {@code width} bits wide: a 32-bit field's
   * MSR holds allowed-0 and allowed-1 ({@link #fromControlMsr}), a 64-bit field's only allowed-1
   * ({@link #fromAllowed1Mask}).
   */
  public static AllowedSettings fromMsr(long msrValue, int width) {
    return width == 64 ? fromAllowed1Mask(msrValue) : fromControlMsr(msrValue);
  }

  /** Every bit of the field's width. */
  public long widthMask() {
    return width == 64 ? -1L : (1L << width) - 1;
  }

  /** Bits fixed to 1: allowed-0 is 1 (and allowed-1 is 1, on a well-formed MSR). */
  public long fixedOne() {
    return allowed0 & allowed1;
  }

  /** Bits fixed to 0: allowed-1 is 0 within the field's width. */
  public long fixedZero() {
    return ~allowed1 & widthMask();
  }

  /** Bits that may be 0 or 1: allowed-0 is 0 and allowed-1 is 1. */
  public long flexible() {
    return ~allowed0 & allowed1;
  }

  /** Bits that must be 1 yet may not be 1: allowed-0 is 1 and allowed-1 is 0. Zero on a well-formed MSR. */
  public long malformedBits() {
    return allowed0 & ~allowed1;
  }

  /** Whether bit {@code bit} may be 1. */
  public boolean allowsOne(int bit) {
    return (allowed1 >>> bit & 1) != 0;
  }

  /** Whether bit {@code bit} may be 0. */
  public boolean allowsZero(int bit) {
    return (allowed0 >>> bit & 1) == 0;
  }

  /** Whether a value of the control satisfies both masks: every allowed-0 bit set, no bit outside allowed-1. */
  public boolean permits(long value) {
    return (value & allowed0) == allowed0 && (value & ~allowed1) == 0;
  }
}
