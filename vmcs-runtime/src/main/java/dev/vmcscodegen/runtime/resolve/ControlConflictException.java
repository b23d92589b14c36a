package dev.vmcscodegen.runtime.resolve;

import java.util.List;

/** Intents no setting of the controls can satisfy on a profile: every conflict found, one a line. */
public final class ControlConflictException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The conflicts; not serialized (a conflict names enum bits and reasons), the message keeps their text. */
  private final transient List<ControlConflict> conflicts;

  /** An exception for {@code conflicts}, which must not be empty. */
  public ControlConflictException(List<ControlConflict> conflicts) {
    super(message(conflicts));
    this.conflicts = List.copyOf(conflicts);
  }

  /** Every conflict, by control field and bit. */
  public List<ControlConflict> conflicts() {
    return conflicts;
  }

  private static String message(List<ControlConflict> conflicts) {
    if (conflicts.isEmpty()) {
      throw new IllegalArgumentException("a ControlConflictException needs at least one conflict");
    }
    StringBuilder text = new StringBuilder("the control intents cannot be satisfied (")
        .append(conflicts.size()).append(conflicts.size() == 1 ? " conflict):" : " conflicts):");
    for (ControlConflict conflict : conflicts) {
      text.append("\n  ").append(conflict.describe());
    }
    return text.toString();
  }
}
