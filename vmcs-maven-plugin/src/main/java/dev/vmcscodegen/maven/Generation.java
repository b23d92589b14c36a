package dev.vmcscodegen.maven;

import dev.vmcscodegen.problem.Problem;
import dev.vmcscodegen.processor.GeneratedSource;
import dev.vmcscodegen.processor.SpecCompilation;
import dev.vmcscodegen.processor.SpecCompiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One run of the plugin, without Maven: decide from the previous {@link GenerationState} whether anything
 * changed; if so, compile every spec through {@link SpecCompiler} (the checks and generator javac's
 * processor runs), write the sources that differ, delete the sources (and their classes) of groups that
 * are gone, and remember the new state. A spec with problems writes and deletes nothing and forgets
 * the state, so the next run checks again.
 *
 * @param outputDirectory where the sources go (a compile source root)
 * @param classesDirectory where the compiler puts classes; classes of deleted sources are deleted too
 * @param stateFile this execution's state file
 * @param pluginIdentity what identifies the generator's code: a new plugin build regenerates
 */
record Generation(Path outputDirectory, Path classesDirectory, Path stateFile, String pluginIdentity) {

  /**
   * What a run did.
   *
   * @param problems every problem of every spec; when there is one, nothing was written
   * @param upToDate whether nothing had changed, so nothing was compiled
   * @param written sources written (new or changed), relative to the output directory
   * @param unchanged sources regenerated with the same text, left untouched (their time stamps too)
   * @param removed sources of the previous run that are no longer generated, deleted
   */
  record Outcome(List<Problem> problems, boolean upToDate, List<String> written, List<String> unchanged,
      List<String> removed) {

    /** Freezes the lists. */
    Outcome {
      problems = List.copyOf(problems);
      written = List.copyOf(written);
      unchanged = List.copyOf(unchanged);
      removed = List.copyOf(removed);
    }
  }

  /** Runs the generation for {@code specs}. */
  Outcome run(List<SpecInput> specs) throws IOException {
    String hash = inputHash(specs);
    Optional<GenerationState> previous = GenerationState.read(stateFile);
    if (previous.isPresent() && previous.get().inputHash().equals(hash)
        && previous.get().outputs().stream().allMatch(output -> Files.isRegularFile(outputDirectory.resolve(output)))) {
      return new Outcome(List.of(), true, List.of(), previous.get().outputs(), List.of());
    }
    List<Problem> problems = new ArrayList<>();
    List<GeneratedSource> sources = new ArrayList<>();
    for (SpecInput spec : specs) {
      if (spec.content() == null) {
        problems.addAll(spec.unreadable());
        continue;
      }
      SpecCompilation compilation = SpecCompiler.compile(spec.name(), spec.content(), spec.extendsBase(),
          spec.packageName(), spec.prefix());
      problems.addAll(compilation.problems());
      sources.addAll(compilation.sources());
    }
    if (!problems.isEmpty()) {
      Files.deleteIfExists(stateFile);
      return new Outcome(problems, false, List.of(), List.of(), List.of());
    }
    List<String> written = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    Set<String> outputs = new LinkedHashSet<>();
    for (GeneratedSource source : sources) {
      String relative = source.qualifiedName().replace('.', '/') + ".java";
      outputs.add(relative);
      Path file = outputDirectory.resolve(relative);
      byte[] text = source.text().getBytes(StandardCharsets.UTF_8);
      if (holds(file, text)) {
        unchanged.add(relative);
      } else {
        Files.createDirectories(file.getParent());
        Files.write(file, text);
        written.add(relative);
      }
    }
    List<String> removed = new ArrayList<>();
    for (String old : previous.map(GenerationState::outputs).orElse(List.of())) {
      if (!outputs.contains(old)) {
        Files.deleteIfExists(outputDirectory.resolve(old));
        deleteClasses(old);
        removed.add(old);
      }
    }
    new GenerationState(hash, List.copyOf(outputs)).write(stateFile);
    return new Outcome(List.of(), false, written, unchanged, removed);
  }

  /**
   * Whether {@code file} holds exactly {@code text}: compared as bytes, so a file edited into anything
   * (not UTF-8, huge) is simply different and written again.
   */
  private static boolean holds(Path file, byte[] text) throws IOException {
    return Files.isRegularFile(file) && Files.size(file) == text.length
        && Arrays.equals(Files.readAllBytes(file), text);
  }

  /** Deletes {@code Name.class} and {@code Name$*.class} of a deleted source {@code pkg/Name.java}. */
  private void deleteClasses(String source) throws IOException {
    String type = source.substring(0, source.length() - ".java".length());
    Path classFile = classesDirectory.resolve(type + ".class");
    Files.deleteIfExists(classFile);
    Path dir = classFile.getParent();
    if (!Files.isDirectory(dir)) {
      return;
    }
    String simpleName = classFile.getFileName().toString();
    String nested = simpleName.substring(0, simpleName.length() - ".class".length()) + "$*.class";
    try (DirectoryStream<Path> classes = Files.newDirectoryStream(dir, nested)) {
      for (Path nestedClass : classes) {
        Files.deleteIfExists(nestedClass);
      }
    }
  }

  /** SHA-256 over the plugin's identity, the output directory and every spec's configuration and text. */
  String inputHash(List<SpecInput> specs) {
    StringBuilder text = new StringBuilder("plugin ").append(pluginIdentity).append("\noutput ")
        .append(outputDirectory.toAbsolutePath()).append('\n');
    specs.forEach(spec -> text.append(spec.fingerprint()));
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
