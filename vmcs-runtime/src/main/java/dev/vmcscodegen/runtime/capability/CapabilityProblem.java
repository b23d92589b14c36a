package dev.vmcscodegen.runtime.capability;

import dev.vmcscodegen.problem.ProblemKind;
import dev.vmcscodegen.problem.Severity;

/**
 * Every problem of a capability profile ({@link VmxCapabilities#parse}, {@link VmxCapabilities#of}), each
 * with a stable id ({@code [CapsBadNumber]}). All are errors: a profile with any of them gives no
 * capabilities. The presence rules are checked only when every line could be read. Ids never change
 * meaning: scripts and tests match on them.
 */
public enum CapabilityProblem implements ProblemKind {
  /** A line that is not two words, {@code MSR VALUE}. */
  MALFORMED_LINE("CapsMalformedLine", "expected 'MSR VALUE' (two hexadecimal numbers), found %d fields: '%s'", ""),
  /** An MSR that is not one of the VMX capability MSRs, by address or name. */
  UNKNOWN_MSR("CapsUnknownMsr",
      "'%s' is not a VMX capability MSR (0x480 to 0x493, or a name such as IA32_VMX_BASIC)",
      "SDM Vol. 3D Appendix A"),
  /** A value that is not 1 to 16 hexadecimal digits. */
  BAD_NUMBER("CapsBadNumber", "value '%s' is not a hexadecimal number of 1 to 16 digits", ""),
  /** An MSR given on two lines. */
  DUPLICATE_MSR("CapsDuplicateMsr", "listed twice (first on line %d)", ""),
  /** An MSR that exists by the presence rules but is absent. */
  MISSING_MSR("CapsMissingMsr", "missing: %s", ""),
  /** An MSR that is present but cannot exist by the presence rules. */
  IMPOSSIBLE_MSR("CapsImpossibleMsr", "listed but cannot exist: %s", "");

  private final String id;
  private final String template;
  private final String citation;

  CapabilityProblem(String id, String template, String citation) {
    this.id = id;
    this.template = template;
    this.citation = citation;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String template() {
    return template;
  }

  @Override
  public String citation() {
    return citation;
  }

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }
}
