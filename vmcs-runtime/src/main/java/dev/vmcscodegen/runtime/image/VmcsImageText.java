package dev.vmcscodegen.runtime.image;

import dev.vmcscodegen.problem.Problem;
import dev.vmcscodegen.problem.ProblemException;
import dev.vmcscodegen.problem.Problems;
import dev.vmcscodegen.problem.TextInput;
import dev.vmcscodegen.runtime.VmcsCatalog;
import dev.vmcscodegen.runtime.VmcsField;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Reads a VMCS image from text: one {@code FIELD VALUE} a line, {@code #} starts a comment. FIELD is an
 * encoding ({@code 0x681E}), a qualified name ({@code VmcsGuestNW.RIP}) or a bare name only one field has
 * ({@code VIRTUAL_PROCESSOR_ID}); VALUE is hexadecimal with {@code 0x} (digits may be grouped with
 * {@code _}) or decimal. {@link #format} writes the same form back. Every problem of the text is reported
 * at once, each with its line and an {@link ImageProblem} id. A file is read through {@link TextInput}
 * ({@link #load}), and a leading byte-order mark is no part of the first line.
 */
public final class VmcsImageText {

  /** The file name problems carry when the caller gives none. */
  public static final String NO_FILE = "<text>";

  private VmcsImageText() {}

  /**
   * Parses the text against a catalog, as {@link #parse(String, String, VmcsCatalog)} with the file name
   * {@value #NO_FILE}.
   */
  public static VmcsImage parse(String text, VmcsCatalog catalog) {
    return parse(text, NO_FILE, catalog);
  }

  /**
   * Parses the text against a catalog; natural-width values may have 64 bits.
   *
   * @param file the name problems carry ({@code FILE:LINE})
   * @throws ProblemException with every problem of the text: a malformed line, an unknown or ambiguous
   *     field, a bad number, a field given twice, a value too wide for its field
   */
  public static VmcsImage parse(String text, String file, VmcsCatalog catalog) {
    Problems problems = new Problems();
    VmcsImage image = VmcsImage.empty();
    Map<Integer, Integer> firstLine = new HashMap<>();
    String[] lines = TextInput.withoutByteOrderMark(text).split("\\R", -1);
    for (int number = 1; number <= lines.length; number++) {
      String line = lines[number - 1];
      int hash = line.indexOf('#');
      String content = (hash >= 0 ? line.substring(0, hash) : line).trim();
      if (content.isEmpty()) {
        continue;
      }
      String[] parts = content.split("\\s+");
      if (parts.length != 2) {
        problems.add(ImageProblem.MALFORMED_LINE.at(file, number, "", Problem.excerpt(content)));
        continue;
      }
      Optional<VmcsField> field = field(parts[0], catalog, file, number, problems);
      String subject = "field " + field.map(VmcsField::qualifiedName).orElse(Problem.excerpt(parts[0]));
      OptionalLong value = number(parts[1]);
      if (value.isEmpty()) {
        problems.add(ImageProblem.BAD_NUMBER.at(file, number, subject, Problem.excerpt(parts[1])));
      }
      if (field.isEmpty() || value.isEmpty()) {
        continue;
      }
      int encoding = field.get().encoding();
      Integer first = firstLine.putIfAbsent(encoding, number);
      if (first != null) {
        problems.add(ImageProblem.DUPLICATE_FIELD.at(file, number, subject, first));
        continue;
      }
      if (!image.fits(encoding, value.getAsLong())) {
        problems.add(ImageProblem.VALUE_TOO_WIDE.at(file, number, subject, value.getAsLong(), image.bits(encoding)));
        continue;
      }
      image = image.with(encoding, value.getAsLong());
    }
    problems.throwIfErrors();
    return image;
  }

  /**
   * Reads a file as {@link #parse(String, String, VmcsCatalog)} does, its path the name problems carry,
   * through {@link TextInput}: at most {@link TextInput#DEFAULT_MAX_BYTES}, UTF-8 checked by line and byte.
   *
   * @throws IOException if the file cannot be opened or read
   * @throws ProblemException with every problem of the text, or the file's {@code InputProblem}
   */
  public static VmcsImage load(Path file, VmcsCatalog catalog) throws IOException {
    return parse(TextInput.read(file), file.toString(), catalog);
  }

  /** The image as text: one {@code QualifiedName 0xVALUE} line a field, by encoding. */
  public static String format(VmcsImage image, VmcsCatalog catalog) {
    StringBuilder text = new StringBuilder();
    image.values().forEach((encoding, value) ->
        text.append(catalog.nameOf(encoding)).append(String.format(" 0x%X%n", value)));
    return text.toString();
  }

  private static Optional<VmcsField> field(String name, VmcsCatalog catalog, String file, int line,
      Problems problems) {
    String subject = "field " + Problem.excerpt(name);
    if (name.startsWith("0x") || name.startsWith("0X")) {
      OptionalLong encoding = number(name);
      if (encoding.isEmpty()) {
        problems.add(ImageProblem.BAD_NUMBER.at(file, line, subject, Problem.excerpt(name)));
        return Optional.empty();
      }
      long value = encoding.getAsLong();
      Optional<VmcsField> field = value == (int) value ? catalog.byEncoding((int) value) : Optional.empty();
      if (field.isEmpty()) {
        problems.add(ImageProblem.UNKNOWN_ENCODING.at(file, line, subject));
      }
      return field;
    }
    Optional<VmcsField> field = catalog.byName(name);
    if (field.isPresent()) {
      return field;
    }
    List<VmcsField> same = catalog.allNamed(name);
    if (same.size() > 1) {
      problems.add(ImageProblem.AMBIGUOUS_FIELD.at(file, line, subject,
          same.stream().map(VmcsField::qualifiedName).collect(Collectors.joining(", "))));
    } else {
      problems.add(ImageProblem.UNKNOWN_FIELD.at(file, line, subject));
    }
    return Optional.empty();
  }

  /** The number, empty if the text is not hexadecimal with 0x or decimal, of at most 64 bits. */
  private static OptionalLong number(String text) {
    try {
      if (text.startsWith("0x") || text.startsWith("0X")) {
        String digits = text.substring(2).replace("_", "");
        if (digits.isEmpty() || digits.length() > 16) {
          return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseUnsignedLong(digits, 16));
      }
      return OptionalLong.of(Long.parseUnsignedLong(text));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
