package dev.vmcscodegen.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lookup order the {@code @VmcsSpec} javadoc promises, with javac writing classes to a real
 * directory (Compile-Testing keeps them in memory, so it cannot show the walk up from the class output).
 */
class SpecLookupTest {

  private static final String GUEST_SPEC = "[guest natural] SDM Vol. 3D, B.4.3\nRIP 0x681E Guest RIP\n";
  private static final String HOST_SPEC = "[host natural] SDM Vol. 3D, B.4.4\nRIP 0x6C16 Host RIP\n";

  @TempDir
  Path project;

  /** Runs javac with the processor only (the generated code is checked, not compiled) and returns its errors. */
  private List<String> javac(String annotation, String... options) throws IOException {
    Path sources = Files.createDirectories(project.resolve("module/src/main/java/p"));
    Path anchor = sources.resolve("Anchor.java");
    Files.writeString(anchor, "package p;\n@dev.vmcscodegen.annotations.VmcsSpec(" + annotation
        + ") final class Anchor {}\n", StandardCharsets.UTF_8);
    Path classes = Files.createDirectories(project.resolve("module/target/classes"));
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> arguments = new ArrayList<>(List.of("-proc:only", "-d", classes.toString(),
        "-s", classes.toString(), "-classpath", classPath()));
    arguments.addAll(List.of(options));
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
        StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task = compiler.getTask(null, files, diagnostics, arguments, null,
          files.getJavaFileObjects(anchor));
      task.setProcessors(List.of(new VmcsProcessor()));
      task.call();
    }
    return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> d.getMessage(Locale.ROOT)).toList();
  }

  private static String classPath() {
    return RuntimeSources.compiledClassPath().stream().map(File::toString)
        .collect(Collectors.joining(File.pathSeparator));
  }

  private boolean generated(String type) {
    return Files.exists(project.resolve("module/target/classes/p/" + type + ".java"));
  }

  /** Makes {@code dir} hold a Maven build file. */
  private static void buildFileIn(Path dir) throws IOException {
    Files.writeString(Files.createDirectories(dir).resolve("pom.xml"), "<project/>\n");
  }

  @Test
  void relativePathIsFoundByWalkingUpFromTheClassOutput() throws IOException {
    buildFileIn(project);
    Files.writeString(project.resolve("fields.spec"), GUEST_SPEC); // the checkout root, three levels up
    assertEquals(List.of(), javac("\"fields.spec\""));
    assertTrue(generated("VmcsGuestNW"));
  }

  @Test
  void specRootOptionComesBeforeTheWalk() throws IOException {
    Files.writeString(project.resolve("fields.spec"), GUEST_SPEC);
    Path root = Files.createDirectories(project.resolve("elsewhere"));
    Files.writeString(root.resolve("fields.spec"), HOST_SPEC);
    assertEquals(List.of(), javac("\"fields.spec\"", "-Avmcs.specRoot=" + root));
    assertTrue(generated("VmcsHostNW"));
    assertTrue(!generated("VmcsGuestNW"));
  }

  @Test
  void absolutePathIsTakenAsItIsAndOnlyThere() throws IOException {
    Path spec = project.resolve("abs.spec");
    Files.writeString(spec, GUEST_SPEC);
    assertEquals(List.of(), javac("\"" + spec.toString().replace("\\", "\\\\") + "\""));
    assertTrue(generated("VmcsGuestNW"));
    Path missing = project.resolve("missing.spec");
    List<String> errors = javac("\"" + missing.toString().replace("\\", "\\\\") + "\"");
    assertEquals(1, errors.size());
    assertTrue(errors.get(0).contains("[VmcsSpecNotFound]") && errors.get(0).contains(missing.toString())
        && !errors.get(0).contains("CLASS_PATH"), errors.get(0));
  }

  @Test
  void theWalkStopsAtTheTopBuildFileAndNeverLooksAbove() throws IOException {
    Path checkout = project.resolve("module");
    buildFileIn(checkout);
    Files.writeString(project.resolve("fields.spec"), GUEST_SPEC); // above the build root: never used
    List<String> errors = javac("\"fields.spec\"");
    assertEquals(1, errors.size());
    assertTrue(errors.get(0).contains("  " + checkout.resolve("fields.spec")), errors.get(0));
    assertTrue(!errors.get(0).contains("  " + project.resolve("fields.spec")), errors.get(0));
    assertTrue(!generated("VmcsGuestNW"));
  }

  @Test
  void gitMarksTheBuildRootAboveModulesWithoutBuildFiles() throws IOException {
    Files.createDirectories(project.resolve(".git"));
    Files.writeString(project.resolve("fields.spec"), GUEST_SPEC);
    assertEquals(List.of(), javac("\"fields.spec\""));
    assertTrue(generated("VmcsGuestNW"));
  }

  @Test
  void withoutABuildRootNoProjectDirectoryIsSearched() throws IOException {
    Files.writeString(project.resolve("fields.spec"), GUEST_SPEC);
    List<String> errors = javac("\"fields.spec\"");
    assertEquals(1, errors.size());
    assertTrue(errors.get(0).contains("(no build root above the class output"), errors.get(0));
    assertTrue(!errors.get(0).contains("  " + project.resolve("fields.spec")), errors.get(0));
  }

  @Test
  void buildRootIsTheTopOfTheRunOfBuildFilesOrTheNearestGit() throws IOException {
    Path module = project.resolve("a/b/module");
    buildFileIn(module);
    buildFileIn(project.resolve("a/b"));
    assertEquals(java.util.Optional.of(project.resolve("a/b")), SpecLocator.buildRoot(module.resolve("target")));
    Files.createDirectories(project.resolve("a/.git"));
    assertEquals(java.util.Optional.of(project.resolve("a")), SpecLocator.buildRoot(module.resolve("target")));
    Files.createDirectories(module.resolve(".git"));
    assertEquals(java.util.Optional.of(module), SpecLocator.buildRoot(module.resolve("target")));
  }

  @Test
  void notFoundListsEveryPlaceLookedInOrder() throws IOException {
    buildFileIn(project);
    Path root = Files.createDirectories(project.resolve("elsewhere"));
    List<String> errors = javac("\"nowhere.spec\"", "-Avmcs.specRoot=" + root);
    assertEquals(1, errors.size());
    String error = errors.get(0);
    List<String> places = List.of(root.resolve("nowhere.spec").toString(),
        project.resolve("module/target/classes/nowhere.spec").toString(),
        project.resolve("module/target/nowhere.spec").toString(),
        project.resolve("module/nowhere.spec").toString(),
        project.resolve("nowhere.spec").toString(),
        "SOURCE_PATH resource nowhere.spec", "CLASS_PATH resource nowhere.spec");
    int last = -1;
    for (String place : places) {
      int at = error.indexOf("  " + place, last + 1);
      assertTrue(at > last, () -> place + " missing or out of order in:\n" + error);
      last = at;
    }
  }
}
