package dev.vmcscodegen.runtime.entry;

import java.util.Objects;

/**
 * A check that could not be decided because an input was missing (a field absent from the image,
 * memory not given, a processor fact unknown). It is never counted as a violation.
 *
 * @param check the check
 * @param missing what was missing, in words
 */
public record NotVerifiable(Check check, String missing) {

  /** Validates. */
  public NotVerifiable {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(missing, "missing");
  }
}
