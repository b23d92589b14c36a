package dev.vmcscodegen.runtime.control;

import dev.vmcscodegen.runtime.capability.VmxCapabilityMsr;
import java.util.Objects;
import java.util.Optional;

/**
 * One reason a control update was refused: which bit, which rule, and which capability MSR forbids it.
 *
 * @param kind the control field
 * @param bit the offending bit's position
 * @param rule the rule it breaks
 * @param msr the capability MSR whose setting forbids it; null for {@link Rule#SET_AND_CLEARED} and {@link Rule#BEYOND_WIDTH}
 */
public record ControlViolation(ControlKind kind, int bit, Rule rule, VmxCapabilityMsr msr) {

  /** The rules of SDM Vol. 3C 31.5.1 Algorithm 3 and SDM Vol. 3D A.3 to A.5 a control update must keep. */
  public enum Rule {
    /** The caller asked to set and to clear the same bit. */
    SET_AND_CLEARED,
    /** The bit does not exist: it is above bit 31 of a 32-bit control field. */
    BEYOND_WIDTH,
    /** The bit is asked to be 1 but its allowed-1 setting is 0 (SDM Vol. 3D A.3.1: VM entry would fail). */
    ALLOWED_ONE_FORBIDS_SET,
    /** The bit is asked to be 0 but its allowed-0 setting is 1 (SDM Vol. 3D A.3.1: VM entry would fail). */
    ALLOWED_ZERO_FORBIDS_CLEAR,
    /** The capability MSR is malformed: allowed-0 is 1 (must be 1) where allowed-1 is 0 (may not be 1). */
    MALFORMED_CAPABILITY,
    /** The bit is asked to be 1 but the processor has no capability MSR for the field: it does not support it. */
    FIELD_UNSUPPORTED
  }

  /** Checks the values. */
  public ControlViolation {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(rule, "rule");
    if (bit < 0 || bit > 63) {
      throw new IllegalArgumentException("bit " + bit + " is outside 0 to 63");
    }
    boolean needsMsr = rule != Rule.SET_AND_CLEARED && rule != Rule.BEYOND_WIDTH;
    if (needsMsr != (msr != null)) {
      throw new IllegalArgumentException(rule + (needsMsr ? " needs" : " takes no") + " capability MSR");
    }
  }

  /** The capability MSR that forbids the setting, if one does. */
  public Optional<VmxCapabilityMsr> forbiddingMsr() {
    return Optional.ofNullable(msr);
  }

  /** The bit's SDM name, or {@code bit N} for an unnamed bit. */
  public String bitName() {
    return kind.bit(bit).map(ControlBit::sdmName).orElse("bit " + bit);
  }

  /** One sentence: the bit by SDM name, the rule, and the MSR bit that forbids it. */
  public String describe() {
    String name = kind.describeBit(bit);
    int allowed1Bit = kind.width() == 64 ? bit : bit + 32;
    return switch (rule) {
      case SET_AND_CLEARED -> name + " is both set and cleared";
      case BEYOND_WIDTH -> name + " does not exist: the field has " + kind.width() + " bits";
      case ALLOWED_ONE_FORBIDS_SET -> String.format(
          "%s cannot be 1: its allowed-1 setting, bit %d of %s, is 0", name, allowed1Bit, msr.describe());
      case ALLOWED_ZERO_FORBIDS_CLEAR -> String.format(
          "%s cannot be 0: its allowed-0 setting, bit %d of %s, is 1", name, bit, msr.describe());
      case MALFORMED_CAPABILITY -> String.format(
          "%s is malformed in %s: allowed-0 bit %d is 1 but allowed-1 bit %d is 0", name, msr.describe(), bit, allowed1Bit);
      case FIELD_UNSUPPORTED -> String.format(
          "%s cannot be 1: %s does not exist, so the processor does not support the field", name, msr.describe());
    };
  }
}
