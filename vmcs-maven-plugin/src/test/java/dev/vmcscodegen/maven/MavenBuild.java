package dev.vmcscodegen.maven;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the Maven that runs this build ({@code maven.home}, 3.9 or newer: the Maven Wrapper's) on a small
 * project, offline, on the JDK running the tests. Its local repository holds only this build's
 * {@code dev.vmcscodegen} artifacts (copied by the pom's {@code it-repository} execution, plus the plugin
 * and the parent pom added here); everything else comes from the user's repository as a read-only tail
 * ({@code maven.repo.local.tail}), so nothing is installed into ~/.m2 and nothing is downloaded.
 */
final class MavenBuild {

  /**
   * A finished build.
   *
   * @param exitCode Maven's exit code
   * @param output everything it printed, standard error included
   */
  record Result(int exitCode, String output) {

    /** Asserts the build passed, showing the log if not. */
    Result passed() {
      assertTrue(exitCode == 0, () -> "the build failed:\n" + output);
      return this;
    }

    /** Asserts the build failed, showing the log if not. */
    Result failed() {
      assertTrue(exitCode != 0, () -> "the build passed:\n" + output);
      return this;
    }
  }

  private static final String VERSION = property("vmcs.it.version");
  private static boolean repositoryReady;

  private MavenBuild() {}

  /** Copies the test project {@code src/it/<name>} to a fresh directory named {@code copy}. */
  static Path project(String name, String copy) {
    Path source = Path.of(property("vmcs.it.projects"), name);
    Path target = Path.of(property("vmcs.it.work"), copy);
    try {
      deleteTree(target);
      try (Stream<Path> files = Files.walk(source)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          Path to = target.resolve(source.relativize(file).toString());
          if (Files.isDirectory(file)) {
            Files.createDirectories(to);
          } else {
            Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  /** Runs {@code mvn -B -ntp -o <arguments>} in {@code project}. */
  static Result run(Path project, String... arguments) {
    prepareRepository();
    Path mavenHome = Path.of(property("vmcs.it.mavenHome"));
    boolean windows = System.getProperty("os.name").startsWith("Windows");
    List<String> command = new ArrayList<>(List.of(
        mavenHome.resolve("bin").resolve(windows ? "mvn.cmd" : "mvn").toString(),
        "-B", "-ntp", "-o",
        "-Dmaven.repo.local=" + property("vmcs.it.repository"),
        "-Dmaven.repo.local.tail=" + property("vmcs.it.userRepository"),
        "-Dvmcs.version=" + VERSION));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    // a short-lived Maven starts faster without the optimising compiler
    builder.environment().put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1");
    builder.environment().remove("MAVEN_ARGS");
    Path log = project.resolve("build-" + System.nanoTime() + ".log");
    builder.redirectOutput(log.toFile());
    try {
      Process process = builder.start();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("mvn " + String.join(" ", arguments) + " did not finish in 5 minutes");
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      Files.delete(log);
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Adds the plugin (jar and pom) and the parent pom to the test repository, once. */
  private static synchronized void prepareRepository() {
    if (repositoryReady) {
      return;
    }
    Path repository = Path.of(property("vmcs.it.repository"), "dev", "vmcscodegen");
    try {
      copy(Path.of(property("vmcs.it.pluginJar")), repository, "vmcs-maven-plugin", "jar");
      copy(Path.of(property("vmcs.it.pluginPom")), repository, "vmcs-maven-plugin", "pom");
      copy(Path.of(property("vmcs.it.parentPom")), repository, "vmcs-parent", "pom");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    repositoryReady = true;
  }

  private static void copy(Path file, Path repository, String artifactId, String extension) throws IOException {
    Path dir = Files.createDirectories(repository.resolve(artifactId).resolve(VERSION));
    Files.copy(file, dir.resolve(artifactId + "-" + VERSION + "." + extension), StandardCopyOption.REPLACE_EXISTING);
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files.sorted((a, b) -> b.compareTo(a))::iterator) {
        Files.delete(file);
      }
    }
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException("system property " + name + " is not set: run the integration tests"
          + " through Maven (failsafe sets it, see vmcs-maven-plugin/pom.xml)");
    }
    return value;
  }
}
