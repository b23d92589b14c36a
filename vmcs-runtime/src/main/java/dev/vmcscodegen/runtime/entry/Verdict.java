package dev.vmcscodegen.runtime.entry;

/**
 * What a check of a VMCS image concludes: it enters only when every check was decided and none is
 * violated; with a violation it fails; with no violation but some checks undecided (a field absent, a
 * capability MSR unknown, memory not given) nothing can be promised.
 */
public enum Verdict {
  /** Every check was decided and none is violated. */
  ENTERS("enters"),
  /** At least one decided check is violated. */
  FAILS("fails"),
  /** No decided check is violated, but some checks could not be decided. */
  UNDECIDED("undecided");

  private final String word;

  Verdict(String word) {
    this.word = word;
  }

  /** The verdict as one lower-case word, as the CLI's JSON gives it: {@code enters}, {@code fails}, {@code undecided}. */
  public String word() {
    return word;
  }
}
