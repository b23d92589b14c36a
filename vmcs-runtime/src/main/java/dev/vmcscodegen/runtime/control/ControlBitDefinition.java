package dev.vmcscodegen.runtime.control;

import java.util.Objects;

/**
 * What a named control bit is, written once for every control-bit enum: its position and the SDM's
 * name of the control (SDM Vol. 3C 25.6 to 25.8). Each enum constant of a {@link ControlBit} holds one.
 *
 * @param bit the position in the control field, 0 to 63
 * @param sdmName the SDM's name of the control, such as {@code "external-interrupt exiting"}
 */
public record ControlBitDefinition(int bit, String sdmName) {

  /** Checks the position fits a 64-bit field and the name is not blank. */
  public ControlBitDefinition {
    if (bit < 0 || bit >= Long.SIZE) {
      throw new IllegalArgumentException("a control bit is 0 to 63, not " + bit);
    }
    Objects.requireNonNull(sdmName, "sdmName");
    if (sdmName.isBlank()) {
      throw new IllegalArgumentException("a control bit needs its SDM name");
    }
  }
}
