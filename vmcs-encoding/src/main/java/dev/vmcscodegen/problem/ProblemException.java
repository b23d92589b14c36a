package dev.vmcscodegen.problem;

import java.util.List;

/**
 * An input that cannot be used: carries every problem found in it (at least one error), rendered one a
 * line as the message.
 */
public class ProblemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The problems; not serialized (a problem's kind is any catalogue's enum), the message keeps their text. */
  private final transient List<Problem> problems;

  /** An exception for {@code problems}, which must not be empty. */
  public ProblemException(List<Problem> problems) {
    super(Problems.render(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ProblemException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, errors and warnings, by line. */
  public List<Problem> problems() {
    return problems;
  }
}
