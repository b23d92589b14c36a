package dev.vmcscodegen.processor.internal.check;

import dev.vmcscodegen.problem.Problem;
import dev.vmcscodegen.processor.internal.model.SpecFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The rules every spec must follow, run together. */
public final class Checks {

  private Checks() {}

  /** The rules of every spec, in the order their problems are most useful to read. */
  public static List<Check> standard() {
    return List.of(
        new ReservedBitsCheck(),
        new AccessTypeCheck(),
        new WidthBitsCheck(),
        new TypeBitsCheck(),
        new JavaNameCheck(),
        new ConstantLengthCheck(),
        new UniqueNameCheck(),
        new UniqueEncodingConstantCheck(),
        new UniqueEncodingCheck(),
        new DocPresentCheck(),
        new SdmReferenceCheck());
  }

  /** Runs every check and returns all problems, ordered by line (stable within a line). */
  public static List<Problem> run(SpecFile spec, List<Check> checks) {
    List<Problem> problems = new ArrayList<>();
    for (Check check : checks) {
      problems.addAll(check.check(spec));
    }
    problems.sort(Comparator.comparingInt(Problem::line));
    return List.copyOf(problems);
  }
}
