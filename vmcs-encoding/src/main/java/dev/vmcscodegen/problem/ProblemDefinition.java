package dev.vmcscodegen.problem;

import java.util.Objects;

/**
 * What a {@link ProblemKind} constant declares: the catalogue enums hold one of these, and
 * {@link ProblemKind} reads its parts, so the enums carry no accessor bodies of their own.
 *
 * @param id the stable id, such as {@code VmcsDuplicateEncoding}
 * @param template the {@link String#format} template of the text
 * @param citation the SDM text behind the rule; empty if none
 * @param severity whether a problem of this kind stops the input from being used
 */
public record ProblemDefinition(String id, String template, String citation, Severity severity) {

  /** Checks that nothing is null. */
  public ProblemDefinition {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(citation, "citation");
    Objects.requireNonNull(severity, "severity");
  }
}
