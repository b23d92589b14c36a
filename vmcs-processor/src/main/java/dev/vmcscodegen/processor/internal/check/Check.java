package dev.vmcscodegen.processor.internal.check;

import dev.vmcscodegen.problem.Problem;
import dev.vmcscodegen.processor.internal.model.SpecFile;
import java.util.List;

/** One rule a spec must follow. Returns what breaks it, in spec order; never throws. */
public interface Check {

  /** The problems of {@code spec} under this rule; empty when it holds. */
  List<Problem> check(SpecFile spec);
}
