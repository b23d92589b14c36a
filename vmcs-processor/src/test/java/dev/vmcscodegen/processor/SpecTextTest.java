package dev.vmcscodegen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.vmcscodegen.problem.TextInput;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec file's text as every route reads it (the façade, javac): a byte-order mark is no part of it, and
 * a file too large or not UTF-8 is a problem at the spec's name, line and byte, like any other.
 */
class SpecTextTest {

  /** SDM Vol. 3D B.4.3: guest RIP is natural-width, encoding 0x681E. */
  private static final String CLEAN = "[guest natural] SDM Vol. 3D, B.4.3\nRIP 0x681E Guest RIP\n";

  /** U+FEFF, which an editor's "UTF-8 with BOM" writes first as EF BB BF (Unicode 15, section 23.8). */
  private static final String BOM = "\uFEFF";

  @TempDir
  Path specRoot;

  private Compilation javac(byte[] spec) throws IOException {
    Files.write(specRoot.resolve("case.spec"), spec);
    return javac();
  }

  /** javac on a class annotated {@code @VmcsSpec("case.spec")}, the spec under {@code -Avmcs.specRoot}. */
  private Compilation javac() {
    List<JavaFileObject> sources = new ArrayList<>(RuntimeSources.core());
    sources.add(JavaFileObjects.forSourceLines("test.vmcs.Anchor",
        "package test.vmcs;",
        "import dev.vmcscodegen.annotations.VmcsSpec;",
        "@VmcsSpec(\"case.spec\")",
        "final class Anchor {}"));
    return Compiler.javac().withProcessors(new VmcsProcessor()).withOptions("-Avmcs.specRoot=" + specRoot)
        .compile(sources);
  }

  @Test
  void aByteOrderMarkDoesNotMakeAValidSpecFailThroughTheFacade() {
    SpecCompilation compilation = SpecCompiler.check("t.spec", BOM + CLEAN, false, "Vmcs");
    assertEquals(List.of(), compilation.problems());
    assertEquals(List.of("RIP"), compilation.fields().stream().map(SpecField::name).toList());
    assertEquals(SpecCompiler.compile("t.spec", CLEAN, false, "p", "Vmcs").sources(),
        SpecCompiler.compile("t.spec", BOM + CLEAN, false, "p", "Vmcs").sources());
  }

  @Test
  void aByteOrderMarkDoesNotMakeAValidSpecFailThroughJavac() throws IOException {
    Compilation compilation = javac((BOM + CLEAN).getBytes(StandardCharsets.UTF_8));
    assertThat(compilation).succeeded();
    assertThat(compilation).generatedSourceFile("test.vmcs.VmcsGuestNW");
  }

  @Test
  void aSpecThatIsNotUtf8IsAnErrorAtItsLineAndByte() throws IOException {
    // Latin-1 writes é as the one byte 0xE9, which in UTF-8 starts a three-byte sequence that " " (0x20)
    // cannot continue (RFC 3629, section 3): line 2, byte 21 of the line, byte 35 + 21 = 56 of the file.
    byte[] latin1 = CLEAN.replace("Guest RIP", "Guest RIP\u00e9 ").getBytes(StandardCharsets.ISO_8859_1);
    Compilation compilation = javac(latin1);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(
        "case.spec:2: [InputNotUtf8] byte 21 of the line (byte 56 of the file) is not UTF-8: 0xE9")
        .inFile(compilation.sourceFiles().get(compilation.sourceFiles().size() - 1))
        .onLineContaining("@VmcsSpec");
    assertEquals(1, compilation.errors().size(), compilation.errors().toString());
  }

  @Test
  void aSpecLargerThanTheBoundIsAnErrorWithoutBeingRead() throws IOException {
    Path file = specRoot.resolve("case.spec");
    try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
      sparse.setLength(TextInput.DEFAULT_MAX_BYTES + 1L);
    }
    Compilation compilation = javac();
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("case.spec: [InputTooLarge] larger than 16777216 bytes");
    assertTrue(Files.size(file) > TextInput.DEFAULT_MAX_BYTES);
  }
}
