package dev.vmcscodegen.processor.internal.model;

import dev.vmcscodegen.encoding.VmcsWidth;
import dev.vmcscodegen.encoding.VmcsCategory;
import java.util.Objects;

/**
 * A group header of a spec, {@code [guest natural]  SDM Vol. 3D, B.4.3}: the category and width its
 * fields share, and the SDM reference they inherit.
 *
 * @param category encoding type of the group's fields
 * @param width encoding width of the group's fields
 * @param sdmReference the header's SDM reference, empty if it has none
 * @param line the header's 1-based line number
 */
public record FieldGroup(VmcsCategory category, VmcsWidth width, String sdmReference, int line) {

  /** Validates the parts. */
  public FieldGroup {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(width, "width");
    Objects.requireNonNull(sdmReference, "sdmReference");
    if (line < 1) {
      throw new IllegalArgumentException("line " + line + " is not a 1-based line number");
    }
  }

  /** The header as the spec writes it, such as {@code [guest natural]}. */
  public String header() {
    return "[" + category.specName() + " " + width.specName() + "]";
  }

  /** The generated type name for this group with the given prefix, such as {@code VmcsGuestNW}. */
  public String typeName(String prefix) {
    return typeName(prefix, category, width);
  }

  /** The generated type name for a category and width, such as {@code VmcsGuestNW}. */
  public static String typeName(String prefix, VmcsCategory category, VmcsWidth width) {
    return prefix + category.typeNamePart() + width.typeNamePart();
  }
}
