package dev.vmcscodegen.runtime.image;

import dev.vmcscodegen.problem.ProblemDefinition;
import dev.vmcscodegen.problem.ProblemKind;
import dev.vmcscodegen.problem.Severity;

/**
 * Every problem {@link KvmDumpParser} reports in a Linux KVM {@code dump_vmcs} log, each with a stable id
 * ({@code [DumpUnknownLine]}). The warnings name every line the parser read past, so nothing is dropped
 * silently; the errors leave no image. Ids never change meaning: scripts and tests match on them.
 */
public enum DumpProblem implements ProblemKind {
  /** Not one line of the text is a field: it is not a dump. */
  NO_FIELDS("DumpNoFields", "no %s line found: expected lines such as '%s' after '*** Guest State ***'",
      "", Severity.ERROR),
  /** Given to a reader that tells the kind of dump ({@link DumpFormat}), a text of none of the kinds. */
  NO_DUMP("DumpNotFound", "no VMCS dump in the text: no line of a Linux KVM dump_vmcs or a Xen vmcs_dump_vcpu"
      + " dump, and no FIELD VALUE line", "", Severity.ERROR),
  /** A printed number of more than 16 hexadecimal digits. */
  NUMBER_TOO_LONG("DumpNumberTooLong", "%s has more than 64 bits", "", Severity.ERROR),
  /** A printed value with bits set above its field's width. */
  VALUE_TOO_WIDE("DumpValueTooWide", "value 0x%X does not fit the field's %d bits",
      "SDM Vol. 3C 25.11.2, Table 25-21", Severity.ERROR),
  /** The {@code VMCS <pointer>, last attempted VM-entry on CPU n} line that opens a dump. */
  HEADER_LINE("DumpHeaderLine", "skipped, the dump's header: '%s'", "", Severity.WARNING),
  /**
   * {@code EFER= ... (effective)} or {@code (autoload)}: KVM's idea of EFER, printed when "load IA32_EFER"
   * is 0, not the VMCS field.
   */
  EFFECTIVE_EFER("DumpEffectiveEfer",
      "skipped, KVM's effective EFER, not the VMCS field (\"load IA32_EFER\" is 0): '%s'", "", Severity.WARNING),
  /** A line that is no field this parser knows (or a field line outside its section). */
  UNKNOWN_LINE("DumpUnknownLine", "skipped, not a VMCS field this parser knows: '%s'", "", Severity.WARNING),
  /**
   * A line that stops inside its layout (cut by a terminal, a mailer or a copy at 80 columns) and that the
   * next line does not complete: the values printed whole before the cut are read, the rest is not.
   */
  LINE_CUT("DumpLineCut", "line cut short, '%s' expected; %s: '%s'", "", Severity.WARNING),
  /**
   * A value with fewer digits than its layout prints ({@code %08x} prints at least 8): a cut value, not a
   * smaller number, so its field is not read.
   */
  VALUE_CUT("DumpValueCut", "'%s' has %d digits where the dump prints at least %d: cut short, not read", "",
      Severity.WARNING),
  /** One field printed twice in one dump with different values: neither is read. */
  CONFLICTING_VALUES("DumpConflictingValues", "printed as 0x%X on line %d and as 0x%X here: neither is read",
      "", Severity.WARNING),
  /** The text holds more than one dump; one is read, never a mix of two. */
  SEVERAL_DUMPS("DumpSeveral", "%d dumps in the text (starting at lines %s); read the %s one, starting at line %d",
      "", Severity.WARNING),
  /** A line of an MSR-load or MSR-store area listing ({@code MSR guest autoload:}): memory, not a VMCS field. */
  MSR_AREA("DumpMsrAreaLine", "skipped, an MSR area listing, not a VMCS field: '%s'", "", Severity.WARNING),
  /** Lines of layouts no single hypervisor version prints together (pasted from two versions?). */
  MIXED_LAYOUT("DumpMixedLayout", "this line's layout is not the one of the lines before (%s): '%s'", "",
      Severity.WARNING),
  /**
   * KVM's {@code ve_info:} line: the contents of the page the #VE information address points at (exit
   * reason, delivery, qualification, addresses, EPTP index), memory, not VMCS fields.
   */
  VE_INFO_AREA("DumpVeInfoArea", "skipped, the #VE information page KVM read from memory, not a VMCS field: '%s'",
      "", Severity.WARNING),
  /**
   * Xen's {@code EFER(MSR LL)}: the guest EFER kept in the MSR-load list (the processor has no EFER VM-entry
   * control), not the VMCS field.
   */
  MSR_LIST_EFER("DumpMsrListEfer", "EFER skipped, Xen's MSR-load list value, not the VMCS field: '%s'", "",
      Severity.WARNING);

  private final ProblemDefinition definition;

  DumpProblem(String id, String template, String citation, Severity severity) {
    this.definition = new ProblemDefinition(id, template, citation, severity);
  }

  @Override
  public ProblemDefinition definition() {
    return definition;
  }
}
