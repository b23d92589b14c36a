package dev.vmcscodegen.runtime.control;

import dev.vmcscodegen.runtime.VmcsAccess;
import dev.vmcscodegen.runtime.VmxInstructions;
import dev.vmcscodegen.runtime.capability.AllowedSettings;
import dev.vmcscodegen.runtime.capability.ControlCapability;
import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.capability.VmxCapabilityMsr;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Sets and clears VMX control bits the way SDM Vol. 3C 31.5.1 Algorithm 3 prescribes: the bits the
 * caller names take the value asked for, bits the capability fixes take their fixed value, and the
 * remaining flexible bits keep the field's current value. The capability comes from the TRUE MSR
 * when IA32_VMX_BASIC bit 55 is 1 ({@link VmxCapabilities#controlCapability}).
 *
 * <p>Refused updates throw {@link VmxControlException} before anything is written: a bit both set and
 * cleared, a bit set that allowed-1 forbids, a bit cleared that allowed-0 forces to 1, a bit beyond a
 * 32-bit field, a malformed capability (allowed-0 bit not in allowed-1), or a field whose capability
 * MSR does not exist.
 */
public final class ControlSetter {

  private final VmxInstructions vmx;
  private final VmxCapabilities capabilities;

  /** A setter writing through {@code vmx} under the allowed settings of {@code capabilities}. */
  public ControlSetter(VmxInstructions vmx, VmxCapabilities capabilities) {
    this.vmx = Objects.requireNonNull(vmx, "vmx");
    this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
  }

  /**
   * Reads the control field, applies Algorithm 3 and writes the result.
   *
   * @param set bits to make 1
   * @param clear bits to make 0
   * @return the value written
   * @throws VmxControlException if the update breaks a rule; nothing is written then
   */
  public long set(ControlKind kind, long set, long clear) {
    ControlCapability capability = capabilities.controlCapability(kind).orElse(null);
    if (capability == null) {
      throw unsupported(kind, set);
    }
    long value = compute(capability, read(vmx, kind), set, clear);
    write(vmx, kind, value);
    return value;
  }

  /**
   * As {@link #set(ControlKind, long, long)} with named bits.
   *
   * @throws IllegalArgumentException if a bit belongs to another control field than {@code kind}
   */
  public long set(ControlKind kind, Collection<? extends ControlBit> set, Collection<? extends ControlBit> clear) {
    return set(kind, mask(kind, set), mask(kind, clear));
  }

  /** Makes the given bits 1 (they must all belong to one control field), keeping the other flexible bits. */
  public long enable(ControlBit first, ControlBit... more) {
    return set(first.kind(), mask(first, more), 0);
  }

  /** Makes the given bits 0 (they must all belong to one control field), keeping the other flexible bits. */
  public long disable(ControlBit first, ControlBit... more) {
    return set(first.kind(), 0, mask(first, more));
  }

  /**
   * Algorithm 3 as a pure function: {@code fixed1 | (flexible & ~(set | clear) & old) | set}, where
   * fixed1 is allowed-0 and flexible is {@code ~allowed0 & allowed1}.
   *
   * @param oldValue the field's current value
   * @return the value to write
   * @throws VmxControlException if the update breaks a rule
   */
  public static long compute(ControlCapability capability, long oldValue, long set, long clear) {
    ControlKind kind = capability.kind();
    AllowedSettings allowed = capability.allowed();
    long width = kind.widthMask();
    long setAndCleared = set & clear;
    long beyondWidth = (set | clear) & ~width;
    long malformed = allowed.malformedBits();
    long forbiddenSet = set & ~allowed.allowed1() & width;
    long forcedClear = clear & allowed.allowed0() & width;
    if ((setAndCleared | beyondWidth | malformed | forbiddenSet | forcedClear) != 0) {
      List<ControlViolation> violations = new ArrayList<>();
      addEach(violations, kind, setAndCleared, ControlViolation.Rule.SET_AND_CLEARED, null);
      addEach(violations, kind, beyondWidth, ControlViolation.Rule.BEYOND_WIDTH, null);
      addEach(violations, kind, malformed, ControlViolation.Rule.MALFORMED_CAPABILITY, capability.msr());
      addEach(violations, kind, forbiddenSet, ControlViolation.Rule.ALLOWED_ONE_FORBIDS_SET, capability.msr());
      addEach(violations, kind, forcedClear, ControlViolation.Rule.ALLOWED_ZERO_FORBIDS_CLEAR, capability.msr());
      throw new VmxControlException(kind, violations);
    }
    long fixed1 = allowed.allowed0();
    long flexible = allowed.flexible();
    long untouched = flexible & ~(set | clear);
    return fixed1 | (untouched & oldValue) | set;
  }

  /** Reads a control field: 32 or 64 bits by {@link ControlKind#width()}, zero-extended. */
  public static long read(VmxInstructions vmx, ControlKind kind) {
    return VmcsAccess.readValue(vmx, kind.field());
  }

  /**
   * Writes a control field without checking the allowed settings; {@link #set} is the checked way.
   *
   * @throws dev.vmcscodegen.runtime.VmcsValueOutOfRangeException if {@code value} does not fit the field
   */
  public static void write(VmxInstructions vmx, ControlKind kind, long value) {
    VmcsAccess.writeValue(vmx, kind.field(), value);
  }

  private static VmxControlException unsupported(ControlKind kind, long set) {
    List<ControlViolation> violations = new ArrayList<>();
    addEach(violations, kind, set, ControlViolation.Rule.FIELD_UNSUPPORTED, kind.capabilityMsr());
    if (violations.isEmpty()) {
      return new VmxControlException(kind, kind.capabilityMsr().describe()
          + " does not exist, so the processor does not support the field");
    }
    return new VmxControlException(kind, violations);
  }

  private static void addEach(List<ControlViolation> violations, ControlKind kind, long bits,
      ControlViolation.Rule rule, VmxCapabilityMsr msr) {
    for (long rest = bits; rest != 0; rest &= rest - 1) {
      violations.add(new ControlViolation(kind, Long.numberOfTrailingZeros(rest), rule, msr));
    }
  }

  private static long mask(ControlKind kind, Collection<? extends ControlBit> bits) {
    long mask = 0;
    for (ControlBit bit : bits) {
      mask |= checkKind(kind, bit).mask();
    }
    return mask;
  }

  /** The mask of {@code first} and {@code more}, which must all belong to {@code first}'s field; no list is built. */
  private static long mask(ControlBit first, ControlBit... more) {
    ControlKind kind = first.kind();
    long mask = first.mask();
    for (ControlBit bit : more) {
      mask |= checkKind(kind, bit).mask();
    }
    return mask;
  }

  private static ControlBit checkKind(ControlKind kind, ControlBit bit) {
    if (bit.kind() != kind) {
      throw new IllegalArgumentException(String.format("%s (bit %d) belongs to the %s, not the %s",
          bit.sdmName(), bit.bit(), bit.kind().sdmName(), kind.sdmName()));
    }
    return bit;
  }
}
