package dev.vmcscodegen.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The problems a reader found in one input, collected in the order found and handed out sorted by line:
 * every problem at once, errors and warnings together.
 */
public final class Problems {

  private final List<Problem> found = new ArrayList<>();

  /** Adds a problem. */
  public Problems add(Problem problem) {
    found.add(problem);
    return this;
  }

  /** Adds problems. */
  public Problems addAll(List<Problem> problems) {
    found.addAll(problems);
    return this;
  }

  /** Whether any problem is an error. */
  public boolean hasErrors() {
    return hasErrors(found);
  }

  /** Whether nothing was found. */
  public boolean isEmpty() {
    return found.isEmpty();
  }

  /** Everything found, by line (stable within a line). */
  public List<Problem> list() {
    return sorted(found);
  }

  /**
   * Throws a {@link ProblemException} with every problem if any is an error.
   *
   * @throws ProblemException if an error was found
   */
  public void throwIfErrors() {
    if (hasErrors()) {
      throw new ProblemException(list());
    }
  }

  /** Whether any of {@code problems} is an error. */
  public static boolean hasErrors(List<Problem> problems) {
    return problems.stream().anyMatch(Problem::isError);
  }

  /** {@code problems} sorted by line, stable within a line. */
  public static List<Problem> sorted(List<Problem> problems) {
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(Comparator.comparingInt(Problem::line));
    return List.copyOf(sorted);
  }

  /** Each problem rendered ({@link Problem#render}), one a line. */
  public static String render(List<Problem> problems) {
    StringBuilder out = new StringBuilder();
    for (Problem problem : problems) {
      out.append(out.length() == 0 ? "" : System.lineSeparator()).append(problem.render());
    }
    return out.toString();
  }
}
