package dev.vmcscodegen.processor;

import dev.vmcscodegen.problem.ProblemException;
import dev.vmcscodegen.problem.TextInput;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Finds a spec in the order the {@code @VmcsSpec} javadoc promises: an absolute path as it is; under
 * {@code -Avmcs.specRoot}; under the class output directory and each of its parents up to the build
 * root ({@link #buildRoot}: the project and the checkout it sits in, never beyond); as a source path,
 * then class path resource. Records every place looked. A spec is read through {@link TextInput} (a size
 * bound, a byte-order mark skipped, invalid UTF-8 by line and byte), its problems naming the spec as the
 * annotation does.
 */
final class SpecLocator {

  /** The files that make a directory part of a build (Maven, Gradle). */
  static final List<String> BUILD_FILES =
      List.of("pom.xml", "build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts");

  /** The processor option naming a directory specs are relative to. */
  static final String SPEC_ROOT_OPTION = "vmcs.specRoot";

  private final Filer filer;
  private final Optional<String> specRoot;

  SpecLocator(Filer filer, Optional<String> specRoot) {
    this.filer = filer;
    this.specRoot = specRoot;
  }

  SpecLocation locate(String name) {
    List<String> looked = new ArrayList<>();
    Path path;
    try {
      path = Path.of(name);
    } catch (InvalidPathException e) {
      path = null;
      looked.add("(\"" + name + "\" is not a file path: " + e.getReason() + ")");
    }
    if (path != null && path.isAbsolute()) {
      return fromFile(path, name, looked).orElseGet(() -> new SpecLocation.NotFound(looked));
    }
    if (path != null) {
      Optional<SpecLocation> found = specRoot.flatMap(root -> underRoot(root, name, looked))
          .or(() -> underClassOutput(name, looked));
      if (found.isPresent()) {
        return found.get();
      }
      if (specRoot.isEmpty()) {
        looked.add(0, "(no -A" + SPEC_ROOT_OPTION + " option given)");
      }
    }
    return asResource(StandardLocation.SOURCE_PATH, name, looked)
        .or(() -> asResource(StandardLocation.CLASS_PATH, name, looked))
        .orElseGet(() -> new SpecLocation.NotFound(looked));
  }

  private Optional<SpecLocation> underRoot(String root, String name, List<String> looked) {
    try {
      return fromFile(Path.of(root).resolve(name), name, looked);
    } catch (InvalidPathException e) {
      looked.add("-A" + SPEC_ROOT_OPTION + "=" + root + " (not a path: " + e.getReason() + ")");
      return Optional.empty();
    }
  }

  private Optional<SpecLocation> underClassOutput(String name, List<String> looked) {
    URI output;
    try {
      output = filer.getResource(StandardLocation.CLASS_OUTPUT, "", "vmcs-spec-probe").toUri();
    } catch (IOException | RuntimeException e) {
      looked.add("(class output directory unknown: " + e + ")");
      return Optional.empty();
    }
    if (!"file".equals(output.getScheme())) {
      looked.add("(class output " + output + " is not a directory, so no project directory to search)");
      return Optional.empty();
    }
    Path start = Path.of(output).getParent();
    Optional<Path> root = buildRoot(start);
    if (root.isEmpty()) {
      looked.add("(no build root above the class output " + start + ": no directory holding one of "
          + String.join(", ", BUILD_FILES) + " or .git, so no project directory is searched)");
      return Optional.empty();
    }
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Optional<SpecLocation> found = fromFile(dir.resolve(name), name, looked);
      if (found.isPresent() || dir.equals(root.get())) {
        return found;
      }
    }
    return Optional.empty();
  }

  /**
   * The build root above {@code start}: the nearest directory holding {@code .git}, or else the top of
   * the run of directories holding a build file that begins at the first one found going up; the spec
   * search never walks beyond it, so a same-named file outside the project is never used.
   */
  static Optional<Path> buildRoot(Path start) {
    Path top = null;
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(".git"))) {
        return Optional.of(dir);
      }
      if (hasBuildFile(dir)) {
        top = dir;
      } else if (top != null) {
        break;
      }
    }
    return Optional.ofNullable(top);
  }

  private static boolean hasBuildFile(Path dir) {
    return BUILD_FILES.stream().anyMatch(file -> Files.isRegularFile(dir.resolve(file)));
  }

  private Optional<SpecLocation> asResource(StandardLocation location, String name, List<String> looked) {
    looked.add(location + " resource " + name);
    FileObject resource;
    try {
      resource = filer.getResource(location, "", name);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    String where = resource.toUri().toString();
    try (InputStream in = resource.openInputStream()) {
      return Optional.of(new SpecLocation.Found(where, TextInput.read(in, name, TextInput.DEFAULT_MAX_BYTES)));
    } catch (FileNotFoundException | NoSuchFileException e) {
      return Optional.empty(); // a file object for a resource that does not exist: reading it tells
    } catch (ProblemException e) {
      return Optional.of(new SpecLocation.NotText(where, e.problems()));
    } catch (IOException | RuntimeException e) {
      return Optional.of(new SpecLocation.Unreadable(where, e.toString()));
    }
  }

  private static Optional<SpecLocation> fromFile(Path file, String name, List<String> looked) {
    looked.add(file.toString());
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new SpecLocation.Found(file.toString(), TextInput.read(file, name)));
    } catch (ProblemException e) {
      return Optional.of(new SpecLocation.NotText(file.toString(), e.problems()));
    } catch (IOException | RuntimeException e) {
      return Optional.of(new SpecLocation.Unreadable(file.toString(), e.toString()));
    }
  }
}
