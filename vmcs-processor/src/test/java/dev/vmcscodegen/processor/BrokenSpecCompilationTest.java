package dev.vmcscodegen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What javac shows for a spec with problems, in a project whose code names the generated types in
 * imports and declarations: the spec's problems, on the annotation's value, and no
 * {@code cannot find symbol} for the types the clean lines still make.
 */
class BrokenSpecCompilationTest {

  @TempDir
  Path specRoot;

  private Compilation compile(String spec) throws IOException {
    Files.writeString(specRoot.resolve("own.spec"), spec, StandardCharsets.UTF_8);
    List<JavaFileObject> sources = new ArrayList<>(RuntimeSources.core());
    sources.add(JavaFileObjects.forSourceLines("com.example.vmcs.package-info",
        "@dev.vmcscodegen.annotations.VmcsSpec(",
        "    value = \"own.spec\", prefix = \"Ext\")",
        "package com.example.vmcs;"));
    sources.add(JavaFileObjects.forSourceLines("com.example.Hypervisor",
        "package com.example;",
        "import com.example.vmcs.ExtFields;",
        "import com.example.vmcs.ExtGuestNW;",
        "import com.example.vmcs.ExtGuest32;",
        "final class Hypervisor {",
        "  ExtGuestNW scratch = ExtGuestNW.VENDOR_SCRATCH;",
        "  ExtGuest32 state = ExtGuest32.VENDOR_STATE;",
        "  Object all = ExtFields.CATALOG;",
        "}"));
    return Compiler.javac().withProcessors(new VmcsProcessor()).withOptions("-Avmcs.specRoot=" + specRoot)
        .compile(sources);
  }

  private static List<String> errors(Compilation compilation) {
    return compilation.errors().stream().map(error -> error.getMessage(null)).toList();
  }

  @Test
  void onlyTheSpecsProblemIsReportedWhenTheOtherLinesStillMakeTheTypes() throws IOException {
    // SDM Vol. 3C 25.11.2, Table 25-21: 0x4BE1 sets access type bit 0 (a 32-bit field has no high half)
    Compilation compilation = compile("""
        [guest natural]  Vendor (SDM Vol. 3C 25.11.2)
        VENDOR_SCRATCH   0x6BE0  Vendor scratch register
        [guest 32]       Vendor (SDM Vol. 3C 25.11.2)
        VENDOR_STATE     0x4BE1  Vendor state word
        VENDOR_MODE      0x4BE2  Vendor mode word
        """);
    assertThat(compilation).failed();
    assertEquals(List.of("own.spec:4: [VmcsHighAccessEncoding] field VENDOR_STATE: encoding 0x4BE1 has access"
        + " type bit 0 set (the high half of a 64-bit field); list the full-access encoding 0x4BE0, the high"
        + " half follows from it (SDM Vol. 3C 25.11.2 / Table 25-21)"), errors(compilation));
    assertThat(compilation).hadErrorContaining("[VmcsHighAccessEncoding]")
        .inFile(compilation.sourceFiles().stream().filter(file -> file.getName().contains("package-info"))
            .findFirst().orElseThrow())
        .onLineContaining("value = \"own.spec\"");
    assertEquals(0, compilation.diagnostics().stream()
        .filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.WARNING).count());
  }

  @Test
  void aGroupWithNoCleanLineIsStillMissing() throws IOException {
    Compilation compilation = compile("""
        [guest natural]  Vendor (SDM Vol. 3C 25.11.2)
        VENDOR_SCRATCH   0x6BE0  Vendor scratch register
        [guest 32]       Vendor (SDM Vol. 3C 25.11.2)
        VENDOR_STATE     0x4BE1  Vendor state word
        """);
    List<String> errors = errors(compilation);
    assertEquals(3, errors.size(), errors::toString); // the problem; the import and the field of ExtGuest32
    assertEquals(2, errors.stream().filter(error -> error.startsWith("cannot find symbol")).count(), errors::toString);
  }
}
