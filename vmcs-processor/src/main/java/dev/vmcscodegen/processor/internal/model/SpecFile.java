package dev.vmcscodegen.processor.internal.model;

import java.util.List;
import java.util.Objects;

/**
 * A spec as read: every group header and every field line that could be read, in file order.
 *
 * @param fileName how the spec was named (the {@code @VmcsSpec} value), used in diagnostics and javadoc
 * @param groups the group headers, in file order
 * @param fields the field lines, in file order
 */
public record SpecFile(String fileName, List<FieldGroup> groups, List<FieldDef> fields) {

  /** Validates and freezes the parts. */
  public SpecFile {
    Objects.requireNonNull(fileName, "fileName");
    groups = List.copyOf(groups);
    fields = List.copyOf(fields);
  }

  /** {@code fileName:line}, how diagnostics and javadoc point at a line. */
  public String position(int line) {
    return fileName + ":" + line;
  }
}
