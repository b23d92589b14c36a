package dev.vmcscodegen.runtime.capability;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A capability profile could not be built: its text is malformed or its MSRs contradict the rules of
 * SDM Vol. 3D Appendix A on which MSRs exist. Carries every problem found, each with its line number
 * (0 for a problem of the profile as a whole, such as a missing MSR).
 */
public final class VmxCapabilitiesException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /**
   * One problem.
   *
   * @param line the 1-based line of the profile text, 0 when the problem concerns no single line
   * @param message what is wrong and which rule says so
   */
  public record Problem(int line, String message) {

    /** Checks the line number and message. */
    public Problem {
      if (line < 0) {
        throw new IllegalArgumentException("line " + line + " is negative");
      }
      Objects.requireNonNull(message, "message");
    }

    /** {@code source:line: message}, or {@code source: message} for line 0. */
    public String render(String source) {
      return line == 0 ? source + ": " + message : source + ":" + line + ": " + message;
    }
  }

  private final String source;
  private final transient List<Problem> problems;

  /**
   * An exception for the given problems of the profile read from {@code source}.
   *
   * @throws IllegalArgumentException if {@code problems} is empty
   */
  public VmxCapabilitiesException(String source, List<Problem> problems) {
    super(render(source, problems));
    this.source = source;
    this.problems = List.copyOf(problems);
  }

  private static String render(String source, List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an exception needs at least one problem");
    }
    return problems.stream().map(problem -> problem.render(source)).collect(Collectors.joining("\n"));
  }

  /** Where the profile came from: a file name, or a description such as {@code "<text>"}. */
  public String source() {
    return source;
  }

  /** Every problem, in line order (whole-profile problems last). */
  public List<Problem> problems() {
    return problems;
  }
}
