package dev.vmcscodegen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor claims {@code @Generated} only where it is on its own output: javac's
 * {@code -Xlint:processing} stays quiet about our generated code, and another tool's {@code @Generated}
 * is left to that tool's processors.
 */
class GeneratedClaimTest {

  @TempDir
  Path specRoot;

  private Compilation compile(JavaFileObject... more) throws IOException {
    Files.writeString(specRoot.resolve("own.spec"), "[guest natural] SDM Vol. 3D, B.4.3\nRIP 0x681E Guest RIP\n",
        StandardCharsets.UTF_8);
    List<JavaFileObject> sources = new ArrayList<>(RuntimeSources.core());
    sources.add(JavaFileObjects.forSourceLines("p.Anchor",
        "package p;", "@dev.vmcscodegen.annotations.VmcsSpec(\"own.spec\") final class Anchor {}"));
    sources.addAll(List.of(more));
    return Compiler.javac().withProcessors(new VmcsProcessor())
        .withOptions("-Avmcs.specRoot=" + specRoot, "-Xlint:processing").compile(sources);
  }

  @Test
  void ourGeneratedCodeRaisesNoProcessingWarning() throws IOException {
    assertThat(compile()).succeededWithoutWarnings();
  }

  @Test
  void anotherToolsGeneratedIsNotClaimed() throws IOException {
    Compilation compilation = compile(JavaFileObjects.forSourceLines("q.Foreign",
        "package q;", "@javax.annotation.processing.Generated(\"other.Tool\") final class Foreign {}"));
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("No processor claimed any of these annotations");
    assertThat(compilation).hadWarningContaining("javax.annotation.processing.Generated");
  }
}
