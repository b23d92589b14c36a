package dev.vmcscodegen.runtime.capability;

import dev.vmcscodegen.problem.ProblemDefinition;
import dev.vmcscodegen.problem.ProblemKind;
import dev.vmcscodegen.problem.Severity;

/**
 * Every problem of a capability profile ({@link VmxCapabilities#readProfile}, {@link VmxCapabilities#read},
 * {@link VmxCapabilities#of}), each with a stable id ({@code [CapsBadNumber]}). Only two are errors, the
 * ones that leave nothing to decode ({@link #NO_BASIC}, {@link #NOTHING_READ}); the others are warnings: the
 * line or MSR they name is skipped or reported as unknown, and the rest is decoded. The strict readers
 * ({@link VmxCapabilities#parse}, {@link VmxCapabilities#of}) refuse a profile with any problem. Ids never
 * change meaning: scripts and tests match on them.
 */
public enum CapabilityProblem implements ProblemKind {
  /** A line that is not two words, {@code MSR VALUE}; skipped. */
  MALFORMED_LINE("CapsMalformedLine", "expected 'MSR VALUE' (two hexadecimal numbers), found %d fields: '%s'",
      "", Severity.WARNING),
  /** An MSR that is not one of the VMX capability MSRs, by address or name; skipped. */
  UNKNOWN_MSR("CapsUnknownMsr",
      "'%s' is not a VMX capability MSR (0x480 to 0x493, or a name such as IA32_VMX_BASIC)",
      "SDM Vol. 3D Appendix A", Severity.WARNING),
  /** A value that is not 1 to 16 hexadecimal digits; the line is skipped. */
  BAD_NUMBER("CapsBadNumber", "value '%s' is not a hexadecimal number of 1 to 16 digits", "",
      Severity.WARNING),
  /** An MSR given two different values: which one the processor has is unknown. */
  CONFLICTING_MSR("CapsConflictingMsr", "given two values, %s on line %d and %s here",
      "SDM Vol. 3D Appendix A", Severity.WARNING),
  /**
   * MSRs that QEMU's vmxcap printed decoded (a control section, or a section without its {@code Hex:}
   * line): no value to read, so they are unknown.
   */
  DECODED_ONLY("CapsDecodedOnly", "vmxcap printed '%s' decoded (%s), not as a value: unknown", "",
      Severity.WARNING),
  /** An MSR that exists by the presence rules but is absent: what it decides is unknown. */
  MISSING_MSR("CapsMissingMsr", "missing, though %s; it decides %s", "", Severity.WARNING),
  /**
   * A TRUE capability MSR absent though IA32_VMX_BASIC bit 55 is 1: the plain MSR stands in, which shows
   * the default-1 bits as fixed to 1.
   */
  TRUE_MSR_FALLBACK("CapsTrueMsrFallback",
      "missing, though IA32_VMX_BASIC bit 55 is 1; the allowed settings come from %s, so its default-1 bits"
          + " are shown as fixed to 1 (they may be 0)",
      "SDM Vol. 3D A.2", Severity.WARNING),
  /** An MSR that is present but cannot exist by the presence rules; ignored. */
  IMPOSSIBLE_MSR("CapsImpossibleMsr", "listed but cannot exist: %s", "", Severity.WARNING),
  /** A value that breaks a rule of SDM Vol. 3D Appendix A; decoded as given. */
  CONTRADICTS_SDM("CapsContradictsSdm", "%s", "SDM Vol. 3D Appendix A", Severity.WARNING),
  /** A capability MSR the msr device could not read; reported as unknown. */
  UNREADABLE_MSR("CapsUnreadableMsr", "could not be read (%s); it decides %s", "", Severity.WARNING),
  /** No IA32_VMX_BASIC: nothing can be decoded without it. */
  NO_BASIC("CapsNoBasic", "IA32_VMX_BASIC (0x480) is missing or unusable: without it nothing can be decoded",
      "SDM Vol. 3D A.1", Severity.ERROR),
  /** No line of the input is a capability MSR value. */
  NOTHING_READ("CapsNothingRead",
      "no line is a capability MSR value ('0x480 0x00da040000000004', 'IA32_VMX_BASIC 0x...', a VirtualBox"
          + " release-log line 'HM: MSR_IA32_VMX_BASIC = 0x...', or vmxcap's 'Hex: 0x...')",
      "", Severity.ERROR);

  private final ProblemDefinition definition;

  CapabilityProblem(String id, String template, String citation, Severity severity) {
    this.definition = new ProblemDefinition(id, template, citation, severity);
  }

  @Override
  public ProblemDefinition definition() {
    return definition;
  }
}
