package dev.vmcscodegen.processor;

import com.google.testing.compile.JavaFileObjects;
import dev.vmcscodegen.annotations.VmcsSpec;
import dev.vmcscodegen.encoding.VmcsCategory;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;

/**
 * The sources of vmcs-runtime's core types ({@code dev.vmcscodegen.runtime}, no subpackages), which the
 * generated code refers to beside the vmcs-encoding types (a dependency of the processor too). The processor module does not depend on the runtime (the runtime depends on
 * the processor), so tests that compile generated code compile these beside it.
 */
final class RuntimeSources {

  /** The repository root, seen from the module directory surefire runs in. */
  static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

  private RuntimeSources() {}

  static List<JavaFileObject> core() {
    Path dir = REPOSITORY.resolve("vmcs-runtime/src/main/java/dev/vmcscodegen/runtime");
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(path -> path.toString().endsWith(".java")).sorted().map(RuntimeSources::source).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A class path on which the generated code compiles: the core types compiled once into a temporary
   * directory, and the annotations. For tests that run javac many times.
   */
  static synchronized List<File> compiledClassPath() {
    if (classPath == null) {
      try {
        Path output = Files.createTempDirectory("vmcs-runtime-core");
        output.toFile().deleteOnExit();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        File encoding = location(VmcsCategory.class);
        Boolean ok = javac.getTask(null, null, null,
            List.of("-d", output.toString(), "--release", "17", "-classpath", encoding.toString()), null,
            core()).call();
        if (!ok) {
          throw new IllegalStateException("the runtime core types do not compile");
        }
        classPath = List.of(output.toFile(), location(VmcsSpec.class), encoding);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return classPath;
  }

  private static List<File> classPath;

  /** The class directory or jar {@code type} was loaded from. */
  private static File location(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JavaFileObject source(Path path) {
    try {
      return JavaFileObjects.forResource(path.toUri().toURL());
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
