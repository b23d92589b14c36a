package dev.vmcscodegen.problem;

/** How bad a {@link Problem} is. */
public enum Severity {
  /** The input cannot be used as it is: a spec generates nothing, a reader gives no value. */
  ERROR,
  /** The input was used, with something left out or assumed; the problem says what. */
  WARNING
}
