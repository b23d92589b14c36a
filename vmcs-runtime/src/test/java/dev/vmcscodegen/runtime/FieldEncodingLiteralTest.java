package dev.vmcscodegen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.runtime.fields.VmcsFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No main code of vmcs-runtime, vmcs-cli or the examples writes a VMCS field encoding by hand: every
 * encoding comes from the spec, through the generated {@code VmcsEncodings} constants or the field enums.
 *
 * <p>The rule: in the hand-written main Java sources of those modules ({@code src/main/java}; the
 * generated code lives under {@code target/} and the spec is not Java, so neither is scanned), outside
 * comments, string and character literals, no hex literal written with exactly four hex digits
 * ({@code 0x6800}, {@code 0x6800L}) may equal the full-access encoding of a field of the base spec
 * ({@link VmcsFields#CATALOG}). Four digits is how SDM Vol. 3D Appendix B and the spec write an
 * encoding, so a four-digit literal of that value is an encoding in all but name. The rule leaves honest
 * numbers alone: bit masks are written as {@code 1L << n}, named constants or {@code _}-grouped
 * literals ({@code 0xFFFF_0000L}), MSR numbers as three digits ({@code 0x480}) or eight
 * ({@code 0xC000_0100L}), small values with fewer digits ({@code 0x8}); and a four-digit literal whose
 * value is no field encoding (an odd one such as {@code 0xFFFF}, or {@code 0x7FFE}) is not one either.
 * A mask that does collide is better written as a shift or named constant anyway.
 */
class FieldEncodingLiteralTest {

  /** Where the hand-written main sources are, relative to the repository root. */
  private static final List<String> MODULES = List.of("vmcs-runtime", "vmcs-cli", "examples");
  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern HEX_LITERAL = Pattern.compile("\\b0[xX]([0-9A-Fa-f_]+)[lL]?\\b");
  private static final Pattern FOUR_DIGITS = Pattern.compile("[0-9A-Fa-f]{4}");
  /** Block and line comments, text blocks, string and character literals, in the order javac reads them. */
  private static final Pattern NOT_CODE = Pattern.compile(
      "/\\*.*?\\*/|//[^\\n]*|\"\"\".*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*'", Pattern.DOTALL);

  @Test
  void mainCodeWritesNoFieldEncodingLiteral() throws IOException {
    List<Path> sources = new ArrayList<>();
    for (String module : MODULES) {
      try (Stream<Path> files = Files.walk(REPOSITORY.resolve(module))) {
        files.filter(path -> path.toString().endsWith(".java"))
            .filter(path -> REPOSITORY.relativize(path).toString().replace('\\', '/').contains("src/main/java/"))
            .forEach(sources::add);
      }
    }
    assertTrue(sources.size() > 100, "the scan found the main sources: " + sources.size());
    List<String> found = new ArrayList<>();
    for (Path source : sources) {
      for (String literal : encodingLiterals(Files.readString(source, StandardCharsets.UTF_8))) {
        found.add(REPOSITORY.relativize(source) + ": " + literal);
      }
    }
    assertEquals(List.of(), found, "use VmcsEncodings or the field enums instead of these literals");
  }

  @Test
  void theScanFindsEncodingsInCodeAndNothingElse() {
    // SDM Vol. 3D B.4.3: guest CR0 is 6800H; B.3.2: the exit reason is 4402H.
    assertEquals(List.of("0x6800", "0x4402L"),
        encodingLiterals("long cr0 = vmx.vmread(0x6800); int reason = (int) vmx.vmread(0x4402L);"));
    assertEquals(List.of(), encodingLiterals(String.join("\n",
        "// vmread(0x6800) in a comment",
        "/** javadoc naming 0x6800 */",
        "String s = \"0x6800\"; char c = '\\'';",
        "long mask = 0xFFFF_0000L; int msr = 0x480; long efer = 0xC000_0080L; int small = 0x8;",
        "int odd = 0xFFFF; int none = 0x7FFE; long wide = 0x0000_6800L;")));
  }

  /** The four-digit hex literals in the code of {@code source} whose value is a base-spec field encoding. */
  private static List<String> encodingLiterals(String source) {
    String code = NOT_CODE.matcher(source).replaceAll(" ");
    List<String> found = new ArrayList<>();
    Matcher literal = HEX_LITERAL.matcher(code);
    while (literal.find()) {
      String digits = literal.group(1);
      if (FOUR_DIGITS.matcher(digits).matches() && VmcsFields.CATALOG.contains(Integer.parseInt(digits, 16))) {
        found.add(literal.group());
      }
    }
    return found;
  }
}
