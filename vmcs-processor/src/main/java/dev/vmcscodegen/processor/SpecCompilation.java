package dev.vmcscodegen.processor;

import dev.vmcscodegen.problem.Problem;
import java.util.List;

/**
 * What {@link SpecCompiler} made of a spec.
 *
 * @param problems everything wrong with the spec, by line; a spec with any generates nothing
 * @param fields the field lines that could be read, in spec order (checked or not)
 * @param sources the generated sources, in a stable order; empty when there are problems or nothing
 *     was asked to be generated
 */
public record SpecCompilation(List<Problem> problems, List<SpecField> fields, List<GeneratedSource> sources) {

  /** Freezes the parts. */
  public SpecCompilation {
    problems = List.copyOf(problems);
    fields = List.copyOf(fields);
    sources = List.copyOf(sources);
  }

  /** Whether the spec has no problem. */
  public boolean succeeded() {
    return problems.isEmpty();
  }
}
