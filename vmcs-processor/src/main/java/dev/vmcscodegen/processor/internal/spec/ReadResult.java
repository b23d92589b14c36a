package dev.vmcscodegen.processor.internal.spec;

import dev.vmcscodegen.problem.Problem;
import dev.vmcscodegen.processor.internal.model.SpecFile;
import java.util.List;
import java.util.Objects;

/**
 * What reading a spec gave: the lines that could be read, and a problem for each that could not.
 *
 * @param spec the groups and fields that were read
 * @param problems the lines that could not be read, in file order
 */
public record ReadResult(SpecFile spec, List<Problem> problems) {

  /** Validates and freezes the parts. */
  public ReadResult {
    Objects.requireNonNull(spec, "spec");
    problems = List.copyOf(problems);
  }
}
