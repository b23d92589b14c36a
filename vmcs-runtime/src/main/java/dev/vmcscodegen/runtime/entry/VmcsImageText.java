package dev.vmcscodegen.runtime.entry;

import dev.vmcscodegen.runtime.VmcsCatalog;
import dev.vmcscodegen.runtime.VmcsField;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads a VMCS image from text: one {@code FIELD VALUE} a line, {@code #} starts a comment. FIELD is an
 * encoding ({@code 0x681E}), a qualified name ({@code VmcsGuestNW.RIP}) or a bare name only one field has
 * ({@code RIP}); VALUE is hexadecimal with {@code 0x} or decimal. A field given twice is an error.
 * {@link #format} writes the same form back.
 */
public final class VmcsImageText {

  private VmcsImageText() {}

  /**
   * Parses the text against a catalog.
   *
   * @throws IllegalArgumentException naming the line for an unknown or ambiguous field, a bad number, a
   *     repeated field, or a value that does not fit its field
   */
  public static VmcsImage parse(String text, VmcsCatalog catalog) {
    VmcsImage image = VmcsImage.empty();
    String[] lines = text.split("\\R");
    for (int number = 1; number <= lines.length; number++) {
      String line = lines[number - 1];
      int hash = line.indexOf('#');
      String content = (hash >= 0 ? line.substring(0, hash) : line).trim();
      if (content.isEmpty()) {
        continue;
      }
      String[] parts = content.split("\\s+");
      if (parts.length != 2) {
        throw error(number, "expected 'FIELD VALUE', got '" + content + "'");
      }
      int encoding = field(parts[0], catalog, number);
      long value = number(parts[1], number);
      if (image.contains(encoding)) {
        throw error(number, String.format("field 0x%04X is given twice", encoding));
      }
      try {
        image = image.with(encoding, value);
      } catch (IllegalArgumentException e) {
        throw error(number, e.getMessage());
      }
    }
    return image;
  }

  /** The image as text: one {@code QualifiedName 0xVALUE} line a field, by encoding. */
  public static String format(VmcsImage image, VmcsCatalog catalog) {
    StringBuilder text = new StringBuilder();
    image.values().forEach((encoding, value) -> text.append(catalog.byEncoding(encoding)
            .map(VmcsField::qualifiedName).orElse(String.format("0x%04X", encoding)))
        .append(String.format(" 0x%X%n", value)));
    return text.toString();
  }

  private static int field(String name, VmcsCatalog catalog, int line) {
    if (name.startsWith("0x") || name.startsWith("0X")) {
      int encoding = (int) number(name, line);
      if (!catalog.contains(encoding)) {
        throw error(line, String.format("no field has encoding 0x%04X", encoding));
      }
      return encoding;
    }
    Optional<VmcsField> field = catalog.byName(name);
    if (field.isPresent()) {
      return field.get().encoding();
    }
    List<VmcsField> same = catalog.allNamed(name);
    if (same.size() > 1) {
      throw error(line, "'" + name + "' names several fields; write one of "
          + same.stream().map(VmcsField::qualifiedName).collect(Collectors.joining(", ")));
    }
    throw error(line, "no field is named '" + name + "'");
  }

  private static long number(String text, int line) {
    try {
      if (text.startsWith("0x") || text.startsWith("0X")) {
        String digits = text.substring(2).replace("_", "");
        if (digits.isEmpty() || digits.length() > 16) {
          throw new NumberFormatException();
        }
        return Long.parseUnsignedLong(digits, 16);
      }
      return Long.parseUnsignedLong(text);
    } catch (NumberFormatException e) {
      throw error(line, "'" + text + "' is not a number (hexadecimal with 0x, or decimal, up to 64 bits)");
    }
  }

  private static IllegalArgumentException error(int line, String message) {
    return new IllegalArgumentException("line " + line + ": " + message);
  }
}
