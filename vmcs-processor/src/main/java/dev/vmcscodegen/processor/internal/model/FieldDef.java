package dev.vmcscodegen.processor.internal.model;

import dev.vmcscodegen.encoding.VmcsWidth;
import dev.vmcscodegen.encoding.VmcsCategory;
import java.util.Objects;

/**
 * One field line of a spec: {@code RIP  0x681E  Guest RIP  | SDM Vol. 3D, B.4.3}.
 *
 * <p>The record holds what the line says, checked or not: the rules of {@code check} decide whether
 * the name, encoding, doc and reference are acceptable, so a bad line can still be reported precisely.
 *
 * @param name the field's name, as written
 * @param encoding the encoding, as written (any 32-bit pattern)
 * @param group the group header the line belongs to
 * @param doc the one-line doc, empty if the line has none
 * @param sdmReference the line's own SDM reference, or else its group's; empty if neither has one
 * @param line the 1-based line number
 */
public record FieldDef(String name, int encoding, FieldGroup group, String doc, String sdmReference, int line) {

  /** Validates the parts. */
  public FieldDef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(doc, "doc");
    Objects.requireNonNull(sdmReference, "sdmReference");
    if (line < 1) {
      throw new IllegalArgumentException("line " + line + " is not a 1-based line number");
    }
  }

  /** The group's category (what the field's type bits should say). */
  public VmcsCategory category() {
    return group.category();
  }

  /** The group's width (what the field's width bits should say). */
  public VmcsWidth width() {
    return group.width();
  }

  /**
   * The name of the field's {@code int} constant in the generated {@code <prefix>Encodings} class: the
   * name with {@code GUEST_} or {@code HOST_} before it for guest- and host-state fields (whose names
   * repeat between the two: {@code GUEST_CR0}, {@code HOST_CR0}), the name alone for control and
   * read-only fields ({@code PIN_BASED_VM_EXECUTION_CONTROLS}, {@code EXIT_REASON}), as Linux's
   * {@code asm/vmx.h} names them.
   */
  public String encodingConstantName() {
    return switch (category()) {
      case GUEST -> "GUEST_" + name;
      case HOST -> "HOST_" + name;
      case CONTROL, READ_ONLY -> name;
    };
  }

  /** The encoding as {@code 0x681E}: four hex digits at least, upper case. */
  public String encodingHex() {
    return hex(encoding);
  }

  /** {@code 0x681E} for 0x681E: four hex digits at least, upper case. */
  public static String hex(int encoding) {
    return String.format("0x%04X", encoding);
  }
}
