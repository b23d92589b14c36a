package dev.vmcscodegen.runtime.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vmcscodegen.problem.Problem;
import dev.vmcscodegen.problem.ProblemException;
import dev.vmcscodegen.runtime.fields.VmcsEncodings;
import dev.vmcscodegen.runtime.fields.VmcsFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code FIELD VALUE} text form of a VMCS image: reading, writing back, and every problem by id. */
class VmcsImageTextTest {

  private static final int RIP = VmcsEncodings.GUEST_RIP;

  private static VmcsImage parse(String text) {
    return VmcsImageText.parse(text, VmcsFields.CATALOG);
  }

  /** Every problem of {@code text} read as {@code image.txt}, rendered. */
  private static List<String> problems(String text) {
    ProblemException e = assertThrows(ProblemException.class,
        () -> VmcsImageText.parse(text, "image.txt", VmcsFields.CATALOG));
    return e.problems().stream().map(Problem::render).toList();
  }

  @Nested
  class Reading {

    @Test
    void fieldsAreEncodingsQualifiedNamesOrUniqueBareNames() {
      VmcsImage image = parse("""
          # a comment
          0x681E 0xFFF0          # RIP by encoding
          VmcsGuestNW.CR0 0x30
          VIRTUAL_PROCESSOR_ID 1
          """);
      assertEquals(OptionalLong.of(0xFFF0), image.value(RIP));
      assertEquals(OptionalLong.of(0x30), image.value(VmcsEncodings.GUEST_CR0));
      assertEquals(OptionalLong.of(1), image.value(VmcsEncodings.VIRTUAL_PROCESSOR_ID));
      assertEquals(3, image.size());
    }

    @Test
    void numbersTakeUpTo16HexDigitsOrDecimal() {
      assertEquals(OptionalLong.of(-1L), parse("VmcsGuestNW.RIP 0xFFFFFFFFFFFFFFFF").value(RIP));
      assertEquals(OptionalLong.of(0x1234_5678L), parse("VmcsGuestNW.RIP 0x1234_5678").value(RIP));
      assertEquals(OptionalLong.of(-1L), parse("VmcsGuestNW.RIP 18446744073709551615").value(RIP));
    }

    @Test
    void formatWritesWhatParseReads() {
      Map<Integer, Long> values = new TreeMap<>(Map.of(VmcsEncodings.GUEST_CR0, 0x8000_0031L, RIP, -1L,
          VmcsEncodings.VIRTUAL_PROCESSOR_ID, 1L));
      VmcsImage image = VmcsImage.of(values);
      String nl = System.lineSeparator();
      assertEquals("VmcsControl16.VIRTUAL_PROCESSOR_ID 0x1" + nl + "VmcsGuestNW.CR0 0x80000031" + nl
          + "VmcsGuestNW.RIP 0xFFFFFFFFFFFFFFFF" + nl, VmcsImageText.format(image, VmcsFields.CATALOG));
      assertEquals(image, parse(VmcsImageText.format(image, VmcsFields.CATALOG)));
    }

    @Test
    void aFileIsReadThroughTextInputAndAByteOrderMarkIsNoPartOfIt(@TempDir Path dir) throws IOException {
      // U+FEFF before the first line, as an editor's "UTF-8 with BOM" writes it (Unicode 15, section 23.8).
      Path file = dir.resolve("bom.vmcs");
      Files.writeString(file, "\uFEFFVmcsGuestNW.RIP 0xFFF0\n", StandardCharsets.UTF_8);
      assertEquals(OptionalLong.of(0xFFF0), VmcsImageText.load(file, VmcsFields.CATALOG).value(RIP));
      assertEquals(OptionalLong.of(0xFFF0), parse("\uFEFFVmcsGuestNW.RIP 0xFFF0").value(RIP), "a decoded text too");
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedByLineAndByte(@TempDir Path dir) throws IOException {
      // 0xFF never occurs in UTF-8 (RFC 3629, section 1): line 2, byte 17 of the line, 18 + 17 = 35 of the file.
      Path file = dir.resolve("bad.vmcs");
      byte[] bytes = "VmcsGuestNW.RIP 1\nVmcsGuestNW.RSP x\n".getBytes(StandardCharsets.UTF_8);
      bytes[34] = (byte) 0xFF;
      Files.write(file, bytes);
      ProblemException e = assertThrows(ProblemException.class, () -> VmcsImageText.load(file, VmcsFields.CATALOG));
      assertEquals(List.of(file + ":2: [InputNotUtf8] byte 17 of the line (byte 35 of the file) is not UTF-8:"
          + " 0xFF"), e.problems().stream().map(Problem::render).toList());
    }

    @Test
    void problemsWithoutAFileNameCarryTheDefault() {
      ProblemException e = assertThrows(ProblemException.class, () -> parse("\nVmcsGuestNW.RIP zz"));
      assertEquals("<text>:2: [ImageBadNumber] field VmcsGuestNW.RIP: 'zz' is not a number (hexadecimal with 0x,"
          + " or decimal, up to 64 bits)", e.getMessage());
    }
  }

  /** One test a problem id of {@link ImageProblem}. */
  @Nested
  class ProblemIds {

    @Test
    void imageMalformedLine() {
      assertEquals(List.of("image.txt:1: [ImageMalformedLine] expected 'FIELD VALUE', got 'VmcsGuestNW.RIP'"),
          problems("VmcsGuestNW.RIP"));
      assertEquals(List.of("image.txt:1: [ImageMalformedLine] expected 'FIELD VALUE', got 'RIP 1 2'"),
          problems("RIP 1 2 # three words"));
    }

    @Test
    void imageUnknownField() {
      assertEquals(List.of("image.txt:1: [ImageUnknownField] field NO_SUCH_FIELD: no field of the catalog has this"
          + " name"), problems("NO_SUCH_FIELD 1"));
    }

    @Test
    void imageUnknownEncoding() {
      // 0x681F is the high access of an encoding whose bit 0 is 1: natural-width fields have none, and the
      // text form takes full-access encodings only (SDM Vol. 3C 25.11.2, Table 25-21).
      assertEquals(List.of("image.txt:1: [ImageUnknownEncoding] field 0x681F: no field of the catalog has this"
          + " full-access encoding (SDM Vol. 3C 25.11.2, Table 25-21)"), problems("0x681F 1"));
      assertEquals(List.of("image.txt:1: [ImageUnknownEncoding] field 0x10000681E: no field of the catalog has"
          + " this full-access encoding (SDM Vol. 3C 25.11.2, Table 25-21)"), problems("0x10000681E 1"));
    }

    @Test
    void imageAmbiguousField() {
      // CR0 is a guest-state field (0x6800) and a host-state field (0x6C00), SDM Vol. 3D B.4.3, B.4.4.
      assertEquals(List.of("image.txt:2: [ImageAmbiguousField] field CR0: names several fields; write one of"
          + " VmcsGuestNW.CR0, VmcsHostNW.CR0"), problems("\nCR0 0x30\n"));
    }

    @Test
    void imageBadNumber() {
      assertEquals(List.of("image.txt:1: [ImageBadNumber] field VmcsGuestNW.RIP: '0x1FFFFFFFFFFFFFFFF' is not a"
          + " number (hexadecimal with 0x, or decimal, up to 64 bits)"), problems("VmcsGuestNW.RIP 0x1FFFFFFFFFFFFFFFF"));
      assertEquals(List.of("image.txt:1: [ImageBadNumber] field VmcsGuestNW.RIP: '0x' is not a number"
          + " (hexadecimal with 0x, or decimal, up to 64 bits)"), problems("VmcsGuestNW.RIP 0x"));
      assertEquals(List.of("image.txt:1: [ImageBadNumber] field 0xZZ: '0xZZ' is not a number (hexadecimal with 0x,"
          + " or decimal, up to 64 bits)"), problems("0xZZ 1"));
    }

    @Test
    void imageDuplicateField() {
      assertEquals(List.of("image.txt:3: [ImageDuplicateField] field VmcsGuestNW.RIP: is given twice (first on"
          + " line 1)"), problems("VmcsGuestNW.RIP 0x1\n\n0x681E 0x2"));
    }

    @Test
    void imageValueTooWide() {
      // The guest CS selector is a 16-bit field (encoding bits 14:13 = 0, SDM Vol. 3C Table 25-21).
      assertEquals(List.of("image.txt:1: [ImageValueTooWide] field VmcsGuest16.CS_SELECTOR: value 0x10000 does"
          + " not fit the field's 16 bits (SDM Vol. 3C 25.11.2, Table 25-21)"),
          problems("VmcsGuest16.CS_SELECTOR 0x10000"));
    }

    @Test
    void everyIdIsTestedHere() {
      List<String> tested = Arrays.stream(ProblemIds.class.getDeclaredMethods())
          .filter(method -> method.isAnnotationPresent(Test.class)).map(method -> method.getName()).toList();
      for (ImageProblem kind : ImageProblem.values()) {
        String method = Character.toLowerCase(kind.id().charAt(0)) + kind.id().substring(1);
        assertEquals(true, tested.contains(method), kind.id() + " has no test named " + method);
      }
    }
  }

  @Test
  void everyProblemOfTheTextIsReportedAtOnceByLine() {
    assertEquals(List.of(
        "image.txt:1: [ImageUnknownField] field NOPE: no field of the catalog has this name",
        "image.txt:1: [ImageBadNumber] field NOPE: 'zz' is not a number (hexadecimal with 0x, or decimal, up to"
            + " 64 bits)",
        "image.txt:2: [ImageMalformedLine] expected 'FIELD VALUE', got 'RIP'",
        "image.txt:3: [ImageAmbiguousField] field CR0: names several fields; write one of VmcsGuestNW.CR0,"
            + " VmcsHostNW.CR0",
        "image.txt:5: [ImageDuplicateField] field VmcsGuestNW.RIP: is given twice (first on line 4)",
        "image.txt:6: [ImageValueTooWide] field VmcsGuest16.CS_SELECTOR: value 0x10000 does not fit the field's 16"
            + " bits (SDM Vol. 3C 25.11.2, Table 25-21)"),
        problems("NOPE zz\nRIP\nCR0 1\nVmcsGuestNW.RIP 1\nVmcsGuestNW.RIP 2\nVmcsGuest16.CS_SELECTOR 0x10000\n"));
  }

  @Test
  void aQuotedLineIsCutAndControlCharactersShown() {
    String longName = "X".repeat(100);
    assertEquals(List.of("image.txt:1: [ImageUnknownField] field " + "X".repeat(80) + "...: no field of the catalog"
        + " has this name"), problems(longName + " 1"));
    assertEquals(List.of("image.txt:1: [ImageMalformedLine] expected 'FIELD VALUE', got 'RIP\\u0007X'"),
        problems("RIP\u0007X"));
  }
}
