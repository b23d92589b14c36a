package dev.vmcscodegen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.vmcscodegen.processor.internal.check.Checks;
import dev.vmcscodegen.processor.internal.model.FieldDef;
import dev.vmcscodegen.processor.internal.model.SpecFile;
import dev.vmcscodegen.processor.internal.spec.ReadResult;
import dev.vmcscodegen.processor.internal.spec.SpecReader;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The repository's {@code vmcs-fields.spec} passes every check and compiles without a warning. */
class RootSpecTest {

  static String rootSpec() throws IOException {
    return Files.readString(RuntimeSources.REPOSITORY.resolve("vmcs-fields.spec"));
  }

  @Test
  void rootSpecReadsAndPassesEveryCheck() throws IOException {
    ReadResult read = SpecReader.read("vmcs-fields.spec", rootSpec());
    assertEquals(List.of(), read.problems());
    assertEquals(List.of(), Checks.run(read.spec(), Checks.standard()));
    assertTrue(read.spec().fields().size() > 150, "Appendix B lists well over 150 fields");
  }

  @Test
  void rootSpecHasTheSdmEncodingsTheRuntimeReliesOn() throws IOException {
    SpecFile spec = SpecReader.read("vmcs-fields.spec", rootSpec()).spec();
    // SDM Vol. 3D B.4.3: guest RIP 0x681E; B.4.4 host RIP 0x6C16; B.3.2 exit reason 0x4402;
    // B.1.1 VPID 0x0000; B.2.1 EPT pointer 0x201A
    assertEquals(Optional.of("VmcsGuestNW.RIP"), nameOf(spec, 0x681E));
    assertEquals(Optional.of("VmcsHostNW.RIP"), nameOf(spec, 0x6C16));
    assertEquals(Optional.of("VmcsReadOnly32.EXIT_REASON"), nameOf(spec, 0x4402));
    assertEquals(Optional.of("VmcsControl16.VIRTUAL_PROCESSOR_ID"), nameOf(spec, 0x0000));
    assertEquals(Optional.of("VmcsControl64.EPT_POINTER"), nameOf(spec, 0x201A));
  }

  @Test
  void rootSpecCompilesWithoutWarningsUnderXlintAll() {
    JavaFileObject packageInfo = JavaFileObjects.forSourceLines("test.fields.package-info",
        "@VmcsSpec(\"vmcs-fields.spec\")",
        "package test.fields;",
        "import dev.vmcscodegen.annotations.VmcsSpec;");
    List<JavaFileObject> sources = new ArrayList<>(RuntimeSources.core());
    sources.add(packageInfo);
    long start = System.nanoTime();
    Compilation compilation = Compiler.javac()
        .withProcessors(new VmcsProcessor())
        .withOptions("-Xlint:all", "-Avmcs.specRoot=" + RuntimeSources.REPOSITORY)
        .compile(sources);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println("javac with vmcs-processor on the root spec: " + millis + " ms");
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.fields.VmcsGuestNW");
    assertThat(compilation).generatedSourceFile("test.fields.VmcsFields");
    assertThat(compilation).generatedSourceFile("test.fields.VmcsEncodings");
  }

  private static Optional<String> nameOf(SpecFile spec, int encoding) {
    return spec.fields().stream().filter(field -> field.encoding() == encoding).findFirst()
        .map(RootSpecTest::qualified);
  }

  private static String qualified(FieldDef field) {
    return field.group().typeName("Vmcs") + "." + field.name();
  }
}
