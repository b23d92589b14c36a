package dev.vmcscodegen.maven;

import dev.vmcscodegen.problem.Problem;
import dev.vmcscodegen.problem.ProblemException;
import dev.vmcscodegen.problem.Problems;
import dev.vmcscodegen.problem.TextInput;
import dev.vmcscodegen.processor.SpecCompiler;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A configured spec as read from disk: what the generation depends on, and nothing else.
 *
 * @param name how problems name the spec (its path)
 * @param content the spec's text, or {@code null} when it could not be read
 * @param unreadable why it could not be read (no file, too large, not UTF-8), empty when it was
 * @param packageName the package to generate into
 * @param prefix the type-name prefix
 * @param extendsBase whether the spec extends the base spec
 */
record SpecInput(String name, String content, List<Problem> unreadable, String packageName, String prefix,
    boolean extendsBase) {

  /** Validates the parts: exactly one of content and reasons. */
  SpecInput {
    Objects.requireNonNull(name, "name");
    unreadable = List.copyOf(unreadable);
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(prefix, "prefix");
    if ((content == null) == unreadable.isEmpty()) {
      throw new IllegalArgumentException("a spec has either content or the problems that kept it from being read");
    }
  }

  /**
   * Reads {@code file} through {@link TextInput}, as the processor reads a spec: a byte-order mark
   * skipped; a missing or unreadable file, one too large or not UTF-8 a problem at {@code name}.
   */
  static SpecInput load(Path file, String name, String packageName, String prefix, boolean extendsBase) {
    List<Problem> problems;
    try {
      return read(name, TextInput.read(file, name), packageName, prefix, extendsBase);
    } catch (NoSuchFileException e) {
      problems = List.of(SpecCompiler.unreadable(name, "no such file"));
    } catch (ProblemException e) {
      problems = e.problems();
    } catch (IOException e) {
      problems = List.of(SpecCompiler.unreadable(name, e.toString()));
    }
    return new SpecInput(name, null, problems, packageName, prefix, extendsBase);
  }

  /** A spec that was read. */
  static SpecInput read(String name, String content, String packageName, String prefix, boolean extendsBase) {
    return new SpecInput(name, content, List.of(), packageName, prefix, extendsBase);
  }

  /** The text the input hash covers: every part, the content last and length-prefixed. */
  String fingerprint() {
    return "spec " + name + "\npackage " + packageName + "\nprefix " + prefix + "\nextendsBase " + extendsBase
        + "\n" + (content == null ? "unreadable " + Problems.render(unreadable)
            : "content " + content.length() + "\n" + content)
        + "\n";
  }
}
