package dev.vmcscodegen.runtime.entry;

/**
 * The rule of one check as a predicate over the entry state: true when the VMCS satisfies it (an
 * inapplicable rule, such as a gated one whose control is 0, holds). Reading an absent field or memory
 * that was not given stops the evaluation, and the check is reported as not verifiable.
 */
@FunctionalInterface
public interface Condition {

  /** Whether the rule holds. */
  boolean holds(EntryState state);
}
