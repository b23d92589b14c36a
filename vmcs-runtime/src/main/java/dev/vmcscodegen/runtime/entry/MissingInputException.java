package dev.vmcscodegen.runtime.entry;

/** A check needed an input the caller did not give: an absent field, memory, or a processor fact. */
final class MissingInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  MissingInputException(String what) {
    super(what, null, false, false);
  }
}
