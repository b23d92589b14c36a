package dev.vmcscodegen.runtime;

import dev.vmcscodegen.encoding.VmcsWidth;
import dev.vmcscodegen.encoding.VmcsCategory;

/**
 * A VMCS field: what every generated field constant is, so generic code (dumps, tools, checkers) can
 * walk a {@link VmcsCatalog} without knowing the typed enums.
 *
 * <p>Typed code calls the generated constant's own {@code read}/{@code write}, which return and take a
 * Java type of the field's width ({@code short}, {@code int}, {@code long}).
 */
public interface VmcsField {

  /** The SDM name of the field in Java constant casing, such as {@code GUEST_RIP} or {@code RIP}. */
  String name();

  /** The generated enum's simple name, such as {@code VmcsGuestNW}: category and width. */
  String group();

  /**
   * The name that is unique in a catalog, {@code group() + "." + name()}, such as
   * {@code VmcsGuestNW.CR0} (the guest's CR0, where {@code VmcsHostNW.CR0} is the host's).
   */
  default String qualifiedName() {
    return group() + "." + name();
  }

  /** The full-access encoding (bit 0 clear), such as {@code 0x681E}. */
  int encoding();

  /** The field's type, encoding bits 11:10. */
  VmcsCategory category();

  /** The field's width, encoding bits 14:13. */
  VmcsWidth width();

  /** The one-line description from the spec. */
  String doc();

  /** Where the SDM defines the field, such as {@code "SDM Vol. 3D, B.4.3"}. */
  String sdmReference();

  /** Whether VMWRITE may write the field: false for the read-only data fields. */
  default boolean isWritable() {
    return category() != VmcsCategory.READ_ONLY;
  }

  /**
   * Reads the field as an unsigned value in a {@code long}, whatever its width, with the two accesses a
   * 64-bit field needs on a 32-bit host.
   */
  default long readValue(VmxInstructions vmx) {
    return VmcsAccess.readValue(vmx, this);
  }
}
