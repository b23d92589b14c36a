package dev.vmcscodegen.runtime.entry;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A field a violated check read, with the value it saw (empty when the field is absent from the image).
 *
 * @param encoding the full-access encoding
 * @param name the field's qualified name ({@code VmcsGuestNW.CR0})
 * @param value the value in the image
 */
public record FieldValue(int encoding, String name, OptionalLong value) {

  /** Validates. */
  public FieldValue {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return String.format("%s (0x%04X) = %s", name, encoding,
        value.isPresent() ? String.format("0x%X", value.getAsLong()) : "absent");
  }
}
