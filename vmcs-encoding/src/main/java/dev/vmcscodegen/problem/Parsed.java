package dev.vmcscodegen.problem;

import java.util.List;
import java.util.Objects;

/**
 * What a reader made of an input that it could use, with the warnings it has to say about it.
 *
 * @param value the value read
 * @param problems the warnings, by line (a usable input has no errors)
 * @param <T> the value's type
 */
public record Parsed<T>(T value, List<Problem> problems) {

  /** Validates and freezes the parts. */
  public Parsed {
    Objects.requireNonNull(value, "value");
    problems = Problems.sorted(problems);
    if (Problems.hasErrors(problems)) {
      throw new IllegalArgumentException("a parsed value cannot carry errors: " + Problems.render(problems));
    }
  }
}
