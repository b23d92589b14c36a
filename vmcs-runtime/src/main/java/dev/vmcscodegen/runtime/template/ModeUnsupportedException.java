package dev.vmcscodegen.runtime.template;

import java.util.List;

/** A guest mode this processor cannot enter, with every reason. */
public final class ModeUnsupportedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The mode. */
  private final GuestMode mode;
  /** Every reason, one a line; not serialized (JDK 25's serial lint), the message keeps them. */
  private final transient List<String> reasons;

  /** An exception for {@code mode} with at least one reason. */
  public ModeUnsupportedException(GuestMode mode, List<String> reasons) {
    super(message(mode, reasons));
    this.mode = mode;
    this.reasons = List.copyOf(reasons);
  }

  /** The mode that cannot be entered. */
  public GuestMode mode() {
    return mode;
  }

  /** Why, one reason an entry. */
  public List<String> reasons() {
    return reasons;
  }

  private static String message(GuestMode mode, List<String> reasons) {
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("a ModeUnsupportedException needs a reason");
    }
    StringBuilder text = new StringBuilder("this processor cannot enter a guest in ").append(mode.description())
        .append(':');
    for (String reason : reasons) {
      text.append("\n  ").append(reason);
    }
    return text.toString();
  }
}
