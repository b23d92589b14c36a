package dev.vmcscodegen.benchmarks;

import dev.vmcscodegen.processor.BaseSpec;
import dev.vmcscodegen.processor.VmcsProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What {@code vmcs-processor} costs a warm, in-process javac (as Maven's compiler plugin runs it),
 * measured three ways on the same spec:
 * <ul>
 *   <li>{@code baseline}: the {@code package-info.java} carrying {@code @VmcsSpec} and one small class,
 *       no processor: what the compile costs without code generation;</li>
 *   <li>{@code withProcessor}: the same sources with the processor: read, check, generate, and javac
 *       compiling the generated enums;</li>
 *   <li>{@code generatedSourcesOnly}: the same sources plus the generated files written out beforehand,
 *       no processor: the share of the cost that is javac compiling the output.</li>
 * </ul>
 * {@code withProcessor - baseline} is what the processor adds to a build. The spec is the repository's
 * {@code vmcs-fields.spec} ({@code root}) or a synthetic one of 1,000 or 8,000 fields.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ProcessorBenchmark {

  /** Where the processor jar ships the repository's spec. */
  private static final String PACKAGE = "bench.vmcs";
  private static final String USER_CLASS = "package bench.vmcs;\n\n"
      + "/** Stands for the user's own code in the compiled package. */\n"
      + "public final class Hypervisor {\n"
      + "  private Hypervisor() {}\n\n"
      + "  /** Something to compile besides the annotation. */\n"
      + "  public static long mask(long value, int bits) {\n"
      + "    return bits == 64 ? value : value & ((1L << bits) - 1);\n"
      + "  }\n"
      + "}\n";

  /** {@code root}: the repository's spec; a number: a synthetic spec of that many fields. */
  @Param({"root", "1000", "8000"})
  public String spec;

  private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
  private Path work;
  private List<Path> annotatedSources;
  private List<Path> withGeneratedSources;
  private List<String> classPath;
  private int fields;

  /** Writes the spec, the sources, and the generated files once per trial. */
  @Setup(Level.Trial)
  public void writeSources() throws IOException {
    if (javac == null) {
      throw new IllegalStateException("no system Java compiler: run the benchmarks on a JDK, not a JRE");
    }
    work = Files.createTempDirectory("vmcs-processor-bench");
    String specText = "root".equals(spec) ? rootSpec() : SyntheticSpec.of(Integer.parseInt(spec));
    fields = countFields(specText);
    Path specFile = Files.writeString(work.resolve("bench.spec"), specText, StandardCharsets.UTF_8);
    Path sources = Files.createDirectories(work.resolve("src").resolve(PACKAGE.replace('.', '/')));
    String packageInfo = "/** Fields of the benchmark's spec. */\n"
        + "@dev.vmcscodegen.annotations.VmcsSpec(\""
        + specFile.toAbsolutePath().toString().replace("\\", "\\\\") + "\")\n"
        + "package " + PACKAGE + ";\n";
    annotatedSources = List.of(
        Files.writeString(sources.resolve("package-info.java"), packageInfo, StandardCharsets.UTF_8),
        Files.writeString(sources.resolve("Hypervisor.java"), USER_CLASS, StandardCharsets.UTF_8));
    classPath = List.of("-classpath", System.getProperty("java.class.path"));

    Path generated = work.resolve("generated");
    compile(annotatedSources, true, work.resolve("first"), generated);
    List<Path> all = new ArrayList<>(annotatedSources);
    try (Stream<Path> files = Files.walk(generated)) {
      files.filter(file -> file.toString().endsWith(".java")).sorted().forEach(all::add);
    }
    withGeneratedSources = List.copyOf(all);
  }

  /** Removes the temporary directory. */
  @TearDown(Level.Trial)
  public void deleteSources() throws IOException {
    Files.walkFileTree(work, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
    System.out.printf(Locale.ROOT, "%n[ProcessorBenchmark] spec=%s holds %d fields; generated sources: %d%n",
        spec, fields, withGeneratedSources.size() - annotatedSources.size());
  }

  /** The annotated package and one class, without the processor. */
  @Benchmark
  public int baseline() throws IOException {
    return compile(annotatedSources, false, work.resolve("out-baseline"), work.resolve("gen-baseline"));
  }

  /** The annotated package and one class, with the processor generating and javac compiling its output. */
  @Benchmark
  public int withProcessor() throws IOException {
    return compile(annotatedSources, true, work.resolve("out-processor"), work.resolve("gen-processor"));
  }

  /** The annotated package, one class and the generated sources written beforehand, without the processor. */
  @Benchmark
  public int generatedSourcesOnly() throws IOException {
    return compile(withGeneratedSources, false, work.resolve("out-generated"), work.resolve("gen-generated"));
  }

  /** Compiles and returns the number of diagnostics; a failed compile fails the benchmark. */
  private int compile(List<Path> sources, boolean processor, Path classes, Path generated) throws IOException {
    Files.createDirectories(classes);
    Files.createDirectories(generated);
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
        StandardCharsets.UTF_8)) {
      List<String> options = new ArrayList<>(classPath);
      options.addAll(List.of("--release", "17", "-d", classes.toString(), "-s", generated.toString()));
      if (!processor) {
        options.add("-proc:none");
      }
      JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null,
          files.getJavaFileObjectsFromPaths(sources));
      if (processor) {
        task.setProcessors(List.of(new VmcsProcessor()));
      }
      if (!task.call()) {
        throw new IllegalStateException("compile failed for spec " + spec + ": " + diagnostics.getDiagnostics());
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return diagnostics.getDiagnostics().size();
  }

  /** The repository's spec, as the processor jar ships it. */
  private static String rootSpec() throws IOException {
    return BaseSpec.read();
  }

  private static int countFields(String specText) {
    int count = 0;
    for (String line : specText.split("\n", -1)) {
      String text = line.strip();
      if (!text.isEmpty() && !text.startsWith("#") && !text.startsWith("[")) {
        count++;
      }
    }
    return count;
  }
}
