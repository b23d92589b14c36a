package dev.vmcscodegen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FieldsCommandTest {

  /** Table 25-21: type bits 11:10 and width bits 14:13 name these words. */
  private static final String[] CATEGORIES = {"control", "read-only", "guest", "host"};
  private static final String[] WIDTHS = {"16", "64", "32", "natural"};

  @TempDir
  Path directory;

  private static JsonObject find(JsonArray fields, int encoding) {
    for (JsonElement element : fields) {
      if (element.getAsJsonObject().get("encoding").getAsInt() == encoding) {
        return element.getAsJsonObject();
      }
    }
    throw new AssertionError("no field with encoding " + Integer.toHexString(encoding));
  }

  @Test
  void specProblemsAreWordedAsJavacWordsThem() throws IOException {
    // Table 25-21: 0x6807 sets bit 0 (high access) on a guest 64-bit encoding, 0x4800 is a 32-bit one
    Path spec = directory.resolve("bad.spec");
    Files.writeString(spec, "[guest 64] SDM Vol. 3D, B.2.3\nMINE 0x2807 Mine\nWRONG 0x4800 Wrong\n");
    CliRun run = CliRun.of("fields", "--spec", spec.toString(), "--extends-base");
    assertEquals(1, run.exitCode());
    List<String> fromCli = run.err().lines().toList();
    List<String> fromJavac = javacErrors(spec);
    assertEquals(3, fromCli.size(), run.err()); // the two encoding rules, and 0x4800 is the base's guest ES limit (B.3.3)
    assertEquals(fromJavac, fromCli);
  }

  /**
   * The errors javac reports for a package annotated {@code @VmcsSpec(spec)}, with vmcs-processor found
   * on the class path as javac finds it (its service file; {@code -proc:only} turns processing on for
   * JDK 23+).
   */
  private List<String> javacErrors(Path spec) throws IOException {
    javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
    Path source = directory.resolve("p/package-info.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, "@dev.vmcscodegen.annotations.VmcsSpec(value = \"" + spec.toString().replace("\\", "/")
        + "\", extendsBase = true)\npackage p;\n");
    javax.tools.DiagnosticCollector<javax.tools.JavaFileObject> diagnostics = new javax.tools.DiagnosticCollector<>();
    try (javax.tools.StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      javax.tools.JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics,
          List.of("-proc:only", "-d", directory.toString()), null, files.getJavaFileObjects(source));
      task.call();
    }
    return diagnostics.getDiagnostics().stream()
        .filter(diagnostic -> diagnostic.getKind() == javax.tools.Diagnostic.Kind.ERROR)
        .map(diagnostic -> diagnostic.getMessage(java.util.Locale.ROOT))
        .toList();
  }

  @Test
  void jsonCatalogHasTheSdmFields() {
    JsonArray fields = CliRun.of("fields", "--json").json().getAsJsonArray("fields");
    // SDM Vol. 3D B.4.3: guest RIP 0000681EH; B.3.2: exit reason 00004402H; B.2.1: EPT pointer 0000201AH.
    JsonObject rip = find(fields, 0x681E);
    CliRun.assertHasKeys(rip, "encoding", "name", "group", "category", "width");
    assertEquals("RIP", rip.get("name").getAsString());
    assertEquals("VmcsGuestNW", rip.get("group").getAsString());
    assertEquals("guest", rip.get("category").getAsString());
    assertEquals("natural", rip.get("width").getAsString());
    JsonObject exitReason = find(fields, 0x4402);
    assertEquals("EXIT_REASON", exitReason.get("name").getAsString());
    assertEquals("read-only", exitReason.get("category").getAsString());
    assertEquals("32", exitReason.get("width").getAsString());
    assertEquals("VmcsControl64", find(fields, 0x201A).get("group").getAsString());
  }

  @Test
  void everyListedFieldAgreesWithItsEncodingBits() {
    JsonArray fields = CliRun.of("fields", "--format", "json").json().getAsJsonArray("fields");
    assertTrue(fields.size() > 100, "Appendix B lists well over 100 fields");
    for (JsonElement element : fields) {
      JsonObject field = element.getAsJsonObject();
      int encoding = field.get("encoding").getAsInt();
      // Table 25-21: bits 11:10 type, bits 14:13 width, bit 0 = 0 for the full access.
      assertEquals(CATEGORIES[(encoding >> 10) & 3], field.get("category").getAsString(), field.toString());
      assertEquals(WIDTHS[(encoding >> 13) & 3], field.get("width").getAsString(), field.toString());
      assertEquals(0, encoding & 1, field.toString());
    }
  }

  @Test
  void tsvHasTheHeaderAndOneRowAField() {
    List<String> lines = CliRun.of("fields", "--format", "tsv").text().lines().toList();
    assertEquals("encoding\tname\tgroup\tcategory\twidth", lines.get(0));
    assertTrue(lines.contains("0x681E\tRIP\tVmcsGuestNW\tguest\tnatural"), "guest RIP row (SDM Vol. 3D B.4.3)");
    assertTrue(lines.contains("0x4402\tEXIT_REASON\tVmcsReadOnly32\tread-only\t32"), "exit reason (B.3.2)");
    assertTrue(lines.stream().skip(1).allMatch(line -> line.split("\t", -1).length == 5), "five columns");
  }

  @Test
  void tableIsReadable() {
    String text = CliRun.of("fields").text();
    assertTrue(text.lines().anyMatch(line -> line.matches("0x681E\\s+RIP\\s+VmcsGuestNW\\s+guest\\s+natural\\s+.+")),
        text);
  }

  @Test
  void specFileIsListedWithItsGroups() throws IOException {
    Path spec = directory.resolve("extra.spec");
    Files.writeString(spec, """
        # two fields of a made-up extension; index 0x1F0 is unused by Appendix B
        [guest 32]          Example reference
        EXAMPLE_STATE   0x4BE0   An example 32-bit guest field
        [control 64]        Example reference
        EXAMPLE_POINTER 0x23E0   An example 64-bit control   | Example line reference
        """);
    JsonArray fields = CliRun.of("fields", "--spec", spec.toString(), "--prefix", "My", "--json").json()
        .getAsJsonArray("fields");
    assertEquals(2, fields.size());
    JsonObject first = fields.get(0).getAsJsonObject();
    assertEquals(0x4BE0, first.get("encoding").getAsInt());
    assertEquals("EXAMPLE_STATE", first.get("name").getAsString());
    assertEquals("MyGuest32", first.get("group").getAsString());
    JsonObject second = fields.get(1).getAsJsonObject();
    assertEquals("MyControl64", second.get("group").getAsString());
    assertEquals("64", second.get("width").getAsString());
  }

  @Test
  void specProblemsArePrintedAsFileLineMessage() throws IOException {
    Path spec = directory.resolve("bad.spec");
    Files.writeString(spec, """
        [guest natural]   Example reference
        GOOD      0x6BE0   A good field
        HIGH      0x6BE3   Odd encoding: a high access on a natural-width field
        WRONG     0x4BE4   Encoding of a 32-bit field in a natural-width group
        """);
    CliRun run = CliRun.of("fields", "--spec", spec.toString(), "--json");
    assertEquals(1, run.exitCode());
    assertEquals("", run.out());
    List<String> lines = run.err().lines().toList();
    // Table 25-21: bit 0 is the access type (only 64-bit fields have a high access); bits 14:13 the width.
    assertTrue(lines.stream().anyMatch(line -> line.startsWith(spec + ":3: ") && line.contains("[VmcsHighAccessEncoding]")),
        run.err());
    assertTrue(lines.stream().anyMatch(line -> line.startsWith(spec + ":4: ") && line.contains("[VmcsWidthMismatch]")),
        run.err());
    assertTrue(lines.stream().noneMatch(line -> line.contains(":2: ")), run.err());
  }

  @Test
  void extensionMayNotReuseABaseEncoding() throws IOException {
    Path spec = directory.resolve("clash.spec");
    Files.writeString(spec, """
        [guest natural]   Example reference
        MY_RIP    0x681E   Reuses the encoding of guest RIP (SDM Vol. 3D B.4.3)
        """);
    assertEquals(0, CliRun.of("fields", "--spec", spec.toString(), "--json").exitCode());
    CliRun run = CliRun.of("fields", "--spec", spec.toString(), "--extends-base", "--json");
    assertEquals(1, run.exitCode());
    assertTrue(run.err().startsWith(spec + ":2: ") && run.err().contains("[VmcsBaseEncodingCollision]"), run.err());
  }

  @Test
  void aSpecFileIsReadAsJavacReadsIt() throws IOException {
    // An editor's "UTF-8 with BOM" (U+FEFF first, Unicode 15, section 23.8); then Latin-1's é, the one byte
    // 0xE9, which starts a three-byte UTF-8 sequence that " " cannot continue (RFC 3629, section 3).
    // SDM Vol. 3C 25.11.2, Table 25-21: 0x03E0 is a free 16-bit control encoding (index 0x1F0).
    String text = "[control 16] SDM Vol. 3C 25.11.2\nVENDOR_SELECT 0x03E0 Vendor select\n";
    Path bom = directory.resolve("bom.spec");
    Files.writeString(bom, "\uFEFF" + text, StandardCharsets.UTF_8);
    assertEquals(0, CliRun.of("fields", "--spec", bom.toString(), "--extends-base", "--json").exitCode());
    assertEquals(List.of(), javacErrors(bom));
    Path latin1 = directory.resolve("latin1.spec");
    Files.write(latin1, text.replace("Vendor select", "Vendor s\u00e9 lect").getBytes(StandardCharsets.ISO_8859_1));
    CliRun run = CliRun.of("fields", "--spec", latin1.toString(), "--extends-base");
    // line 2, byte 30 of the line ("VENDOR_SELECT 0x03E0 Vendor s" is 29), 33 + 30 = 63 of the file
    assertEquals(latin1 + ":2: [InputNotUtf8] byte 30 of the line (byte 63 of the file) is not UTF-8: 0xE9",
        run.failure(1));
    assertEquals(javacErrors(latin1), run.err().lines().toList());
  }

  @Test
  void missingSpecFileIsBadInput() {
    String message = CliRun.of("fields", "--spec", directory.resolve("none.spec").toString()).failure(1);
    assertTrue(message.contains("none.spec: no such file"), message);
  }

  @Test
  void unknownFormatIsBadUsage() {
    String message = CliRun.of("fields", "--format", "xml").failure(2);
    assertTrue(message.contains("xml"), message);
  }
}
