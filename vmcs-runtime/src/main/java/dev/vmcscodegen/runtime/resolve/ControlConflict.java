package dev.vmcscodegen.runtime.resolve;

import dev.vmcscodegen.runtime.control.ControlKind;
import java.util.Objects;

/**
 * A control bit the intents need to be both 1 and 0.
 *
 * @param kind the control field
 * @param bit the bit's position
 * @param whyOne what needs it to be 1
 * @param whyZero what needs it to be 0
 */
public record ControlConflict(ControlKind kind, int bit, String whyOne, String whyZero) {

  /** Checks nothing is null. */
  public ControlConflict {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(whyOne, "whyOne");
    Objects.requireNonNull(whyZero, "whyZero");
  }

  /** One line: the bit, why it must be 1, why it must be 0. */
  public String describe() {
    return String.format("%s of the %s must be 1 (%s) and 0 (%s)", kind.describeBit(bit), kind.sdmName(),
        whyOne, whyZero);
  }
}
