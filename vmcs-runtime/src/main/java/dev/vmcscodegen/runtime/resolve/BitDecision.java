package dev.vmcscodegen.runtime.resolve;

import dev.vmcscodegen.runtime.control.ControlBit;
import dev.vmcscodegen.runtime.control.ControlKind;
import java.util.Objects;
import java.util.Optional;

/**
 * The value of one control bit after resolution and why it has it.
 *
 * @param kind the control field
 * @param bit the bit's position in the field
 * @param value whether the bit is 1
 * @param reason the kind of reason
 * @param why the reason in words, naming the MSR, intent or rule and its SDM source
 */
public record BitDecision(ControlKind kind, int bit, boolean value, Reason reason, String why) {

  /** Validates the position and that nothing is null. */
  public BitDecision {
    Objects.requireNonNull(kind, "kind");
    if (bit < 0 || bit >= kind.width()) {
      throw new IllegalArgumentException("bit " + bit + " is outside the " + kind.width() + "-bit " + kind.sdmName());
    }
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(why, "why");
  }

  /** The named control at this position; empty for a reserved or unnamed bit. */
  public Optional<ControlBit> control() {
    return kind.bit(bit);
  }

  /** The bit by SDM name and number, such as {@code "HLT exiting (bit 7)"}. */
  public String describeBit() {
    return kind.describeBit(bit);
  }

  /** One line: {@code HLT exiting (bit 7) = 1: required}. */
  public String describe() {
    return describeBit() + " = " + (value ? 1 : 0) + ": " + why;
  }
}
