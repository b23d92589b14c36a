package dev.vmcscodegen.cli;

import dev.vmcscodegen.encoding.VmcsCategory;
import dev.vmcscodegen.runtime.VmcsField;
import dev.vmcscodegen.encoding.VmcsWidth;
import java.util.Objects;

/**
 * One line of {@code vmcs fields}: a field of the base catalog or of a spec file, in the words the
 * spec format uses (DESIGN.md "Spec format").
 *
 * @param encoding the full-access encoding
 * @param name the field's name within its group, such as {@code RIP}
 * @param group the generated enum's name, such as {@code VmcsGuestNW}
 * @param category the field's category
 * @param width the field's width
 * @param doc the one-line description
 * @param sdmReference where the SDM defines the field
 */
public record FieldRow(int encoding, String name, String group, VmcsCategory category, VmcsWidth width,
    String doc, String sdmReference) {

  /** Checks that nothing is null. */
  public FieldRow {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(width, "width");
    Objects.requireNonNull(doc, "doc");
    Objects.requireNonNull(sdmReference, "sdmReference");
  }

  /** The row of a catalog field. */
  public static FieldRow of(VmcsField field) {
    return new FieldRow(field.encoding(), field.name(), field.group(), field.category(), field.width(),
        field.doc(), field.sdmReference());
  }

  /** The encoding as {@code 0xHHHH}. */
  public String hexEncoding() {
    return Numbers.hex(encoding, 4);
  }
}
