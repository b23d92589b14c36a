package dev.vmcscodegen.runtime.control;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A control field update was refused and nothing was written: the message names the control field,
 * each offending bit by its SDM name, and which capability MSR forbids it (SDM Vol. 3C 31.5.1
 * Algorithm 3; SDM Vol. 3D A.3 to A.5).
 */
public final class VmxControlException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ControlKind kind;
  private final transient List<ControlViolation> violations;

  /**
   * An exception for the given violations.
   *
   * @throws IllegalArgumentException if {@code violations} is empty
   */
  public VmxControlException(ControlKind kind, List<ControlViolation> violations) {
    super(message(kind, violations));
    this.kind = kind;
    this.violations = List.copyOf(violations);
  }

  /** An exception for a field the processor does not support at all, with the reason. */
  public VmxControlException(ControlKind kind, String reason) {
    super(String.format("cannot write the %s (0x%04X): %s", kind.sdmName(), kind.encoding(), reason));
    this.kind = kind;
    this.violations = List.of();
  }

  private static String message(ControlKind kind, List<ControlViolation> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("an exception needs at least one violation");
    }
    return String.format("cannot write the %s (0x%04X): %s", kind.sdmName(), kind.encoding(),
        violations.stream().map(ControlViolation::describe).collect(Collectors.joining("; ")));
  }

  /** The control field that was not written. */
  public ControlKind kind() {
    return kind;
  }

  /** Every offending bit with its rule, lowest bit first per rule. */
  public List<ControlViolation> violations() {
    return violations;
  }
}
