package dev.vmcscodegen.runtime.state;

import java.util.List;

/**
 * An EPT pointer that VM entry would reject (SDM Vol. 3C 27.2.1.1) or that the processor's
 * IA32_VMX_EPT_VPID_CAP does not support; nothing was written. Lists every problem.
 */
public final class EptPointerException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  /**
   * An exception for these problems.
   *
   * @throws IllegalArgumentException if {@code problems} is empty
   */
  public EptPointerException(List<String> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  private static String message(List<String> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an exception needs at least one problem");
    }
    return "invalid EPT pointer: " + String.join("; ", problems);
  }

  /** Every problem found. */
  public List<String> problems() {
    return problems;
  }
}
