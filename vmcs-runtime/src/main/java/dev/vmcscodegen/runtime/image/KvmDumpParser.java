package dev.vmcscodegen.runtime.image;

import dev.vmcscodegen.problem.Parsed;
import dev.vmcscodegen.problem.Problem;
import dev.vmcscodegen.problem.ProblemException;
import dev.vmcscodegen.problem.Problems;
import dev.vmcscodegen.runtime.VmcsField;
import dev.vmcscodegen.runtime.fields.VmcsControl16;
import dev.vmcscodegen.runtime.fields.VmcsControl32;
import dev.vmcscodegen.runtime.fields.VmcsControl64;
import dev.vmcscodegen.runtime.fields.VmcsControlNW;
import dev.vmcscodegen.runtime.fields.VmcsGuest16;
import dev.vmcscodegen.runtime.fields.VmcsGuest32;
import dev.vmcscodegen.runtime.fields.VmcsGuest64;
import dev.vmcscodegen.runtime.fields.VmcsGuestNW;
import dev.vmcscodegen.runtime.fields.VmcsHost16;
import dev.vmcscodegen.runtime.fields.VmcsHost32;
import dev.vmcscodegen.runtime.fields.VmcsHost64;
import dev.vmcscodegen.runtime.fields.VmcsHostNW;
import dev.vmcscodegen.runtime.fields.VmcsReadOnly32;
import dev.vmcscodegen.runtime.fields.VmcsReadOnlyNW;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the VMCS dump Linux KVM prints on a failed VM entry ({@code vmx_dump_vmcs} in
 * {@code arch/x86/kvm/vmx/vmx.c}): each printed item mapped to its VMCS field, in one table of line
 * shapes. Segment lines give selector, access rights ({@code attr}), limit and base; {@code CR0: actual,
 * shadow, gh_mask} give the guest CR0, the CR0 read shadow and the guest/host mask; the control lines give
 * the controls; {@code VMEntry}/{@code VMExit}/{@code IDTVectoring} give the event fields.
 *
 * <p>{@code EFER= ... (effective)} and {@code (autoload)} are KVM's idea of EFER, not the VMCS field
 * (which is printed bare only when "load IA32_EFER" is 1); they are skipped with a warning, as is every
 * other line that is no field ({@link DumpProblem}). Fields KVM does not print (VMCS link pointer, bitmap
 * addresses, MSR-area counts) stay absent, so the checks that need them are not verifiable. Timestamps and
 * the {@code kvm_intel:} prefix are optional.
 */
public final class KvmDumpParser {

  /** The file name problems carry when the caller gives none. */
  public static final String NO_FILE = "<text>";

  private static final String X = "(?:0x)?([0-9a-fA-F]+)";
  private static final Pattern PREFIX = Pattern.compile("^\\s*(?:\\[[^\\]]*\\]\\s*)?(?:kvm_intel:|kvm:)?\\s*");

  private enum Section { NONE, GUEST, HOST, CONTROL }

  /** A line shape of one section and the fields its numbers are, in the order printed. */
  private record Rule(Section section, Pattern pattern, VmcsField[] fields) {}

  private static final List<Rule> RULES = List.of(
      segment("ES", VmcsGuest16.ES_SELECTOR, VmcsGuest32.ES_ACCESS_RIGHTS, VmcsGuest32.ES_LIMIT, VmcsGuestNW.ES_BASE),
      segment("CS", VmcsGuest16.CS_SELECTOR, VmcsGuest32.CS_ACCESS_RIGHTS, VmcsGuest32.CS_LIMIT, VmcsGuestNW.CS_BASE),
      segment("SS", VmcsGuest16.SS_SELECTOR, VmcsGuest32.SS_ACCESS_RIGHTS, VmcsGuest32.SS_LIMIT, VmcsGuestNW.SS_BASE),
      segment("DS", VmcsGuest16.DS_SELECTOR, VmcsGuest32.DS_ACCESS_RIGHTS, VmcsGuest32.DS_LIMIT, VmcsGuestNW.DS_BASE),
      segment("FS", VmcsGuest16.FS_SELECTOR, VmcsGuest32.FS_ACCESS_RIGHTS, VmcsGuest32.FS_LIMIT, VmcsGuestNW.FS_BASE),
      segment("GS", VmcsGuest16.GS_SELECTOR, VmcsGuest32.GS_ACCESS_RIGHTS, VmcsGuest32.GS_LIMIT, VmcsGuestNW.GS_BASE),
      segment("LDTR", VmcsGuest16.LDTR_SELECTOR, VmcsGuest32.LDTR_ACCESS_RIGHTS, VmcsGuest32.LDTR_LIMIT,
          VmcsGuestNW.LDTR_BASE),
      segment("TR", VmcsGuest16.TR_SELECTOR, VmcsGuest32.TR_ACCESS_RIGHTS, VmcsGuest32.TR_LIMIT, VmcsGuestNW.TR_BASE),
      rule(Section.GUEST, "^GDTR:\\s+limit=" + X + ",\\s*base=" + X, VmcsGuest32.GDTR_LIMIT, VmcsGuestNW.GDTR_BASE),
      rule(Section.GUEST, "^IDTR:\\s+limit=" + X + ",\\s*base=" + X, VmcsGuest32.IDTR_LIMIT, VmcsGuestNW.IDTR_BASE),
      rule(Section.GUEST, "^CR0: actual=" + X + ",\\s*shadow=" + X + ",\\s*gh_mask=" + X, VmcsGuestNW.CR0,
          VmcsControlNW.CR0_READ_SHADOW, VmcsControlNW.CR0_GUEST_HOST_MASK),
      rule(Section.GUEST, "^CR4: actual=" + X + ",\\s*shadow=" + X + ",\\s*gh_mask=" + X, VmcsGuestNW.CR4,
          VmcsControlNW.CR4_READ_SHADOW, VmcsControlNW.CR4_GUEST_HOST_MASK),
      rule(Section.GUEST, "^CR3 = " + X + "$", VmcsGuestNW.CR3),
      rule(Section.GUEST, "^PDPTR0 = " + X + "\\s+PDPTR1 = " + X + "$", VmcsGuest64.PDPTE0, VmcsGuest64.PDPTE1),
      rule(Section.GUEST, "^PDPTR2 = " + X + "\\s+PDPTR3 = " + X + "$", VmcsGuest64.PDPTE2, VmcsGuest64.PDPTE3),
      rule(Section.GUEST, "^RSP = " + X + "\\s+RIP = " + X + "$", VmcsGuestNW.RSP, VmcsGuestNW.RIP),
      rule(Section.GUEST, "^RFLAGS=" + X + "\\s+DR7 = " + X + "$", VmcsGuestNW.RFLAGS, VmcsGuestNW.DR7),
      rule(Section.GUEST, "^Sysenter RSP=" + X + "\\s+CS:RIP=" + X + ":" + X + "$", VmcsGuestNW.IA32_SYSENTER_ESP,
          VmcsGuest32.IA32_SYSENTER_CS, VmcsGuestNW.IA32_SYSENTER_EIP),
      rule(Section.GUEST, "^EFER\\s*=\\s*" + X + "$", VmcsGuest64.IA32_EFER),
      rule(Section.GUEST, "^PAT = " + X + "$", VmcsGuest64.IA32_PAT),
      rule(Section.GUEST, "^DebugCtl = " + X + "\\s+DebugExceptions = " + X + "$", VmcsGuest64.IA32_DEBUGCTL,
          VmcsGuestNW.PENDING_DEBUG_EXCEPTIONS),
      rule(Section.GUEST, "^PerfGlobCtl = " + X + "$", VmcsGuest64.IA32_PERF_GLOBAL_CTRL),
      rule(Section.GUEST, "^BndCfgS = " + X + "$", VmcsGuest64.IA32_BNDCFGS),
      rule(Section.GUEST, "^Interruptibility = " + X + "\\s+ActivityState = " + X + "$",
          VmcsGuest32.INTERRUPTIBILITY_STATE, VmcsGuest32.ACTIVITY_STATE),
      rule(Section.GUEST, "^InterruptStatus = " + X + "$", VmcsGuest16.INTERRUPT_STATUS),
      rule(Section.HOST, "^RIP = " + X + "\\s+RSP = " + X + "$", VmcsHostNW.RIP, VmcsHostNW.RSP),
      rule(Section.HOST, "^CS=" + X + " SS=" + X + " DS=" + X + " ES=" + X + " FS=" + X + " GS=" + X + " TR=" + X
          + "$", VmcsHost16.CS_SELECTOR, VmcsHost16.SS_SELECTOR, VmcsHost16.DS_SELECTOR, VmcsHost16.ES_SELECTOR,
          VmcsHost16.FS_SELECTOR, VmcsHost16.GS_SELECTOR, VmcsHost16.TR_SELECTOR),
      rule(Section.HOST, "^FSBase=" + X + " GSBase=" + X + " TRBase=" + X + "$", VmcsHostNW.FS_BASE,
          VmcsHostNW.GS_BASE, VmcsHostNW.TR_BASE),
      rule(Section.HOST, "^GDTBase=" + X + " IDTBase=" + X + "$", VmcsHostNW.GDTR_BASE, VmcsHostNW.IDTR_BASE),
      rule(Section.HOST, "^CR0=" + X + " CR3=" + X + " CR4=" + X + "$", VmcsHostNW.CR0, VmcsHostNW.CR3,
          VmcsHostNW.CR4),
      rule(Section.HOST, "^Sysenter RSP=" + X + "\\s+CS:RIP=" + X + ":" + X + "$", VmcsHostNW.IA32_SYSENTER_ESP,
          VmcsHost32.IA32_SYSENTER_CS, VmcsHostNW.IA32_SYSENTER_EIP),
      rule(Section.HOST, "^PAT = " + X + "$", VmcsHost64.IA32_PAT),
      rule(Section.HOST, "^EFER\\s*=\\s*" + X + "$", VmcsHost64.IA32_EFER),
      rule(Section.HOST, "^PerfGlobCtl = " + X + "$", VmcsHost64.IA32_PERF_GLOBAL_CTRL),
      rule(Section.CONTROL, "^CPUBased=" + X + " SecondaryExec=" + X + " TertiaryExec=" + X + "$",
          VmcsControl32.PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS,
          VmcsControl32.SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS,
          VmcsControl64.TERTIARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS),
      rule(Section.CONTROL, "^CPUBased=" + X + " SecondaryExec=" + X + "$",
          VmcsControl32.PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS,
          VmcsControl32.SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS),
      rule(Section.CONTROL, "^PinBased=" + X + " EntryControls=" + X + " ExitControls=" + X + "$",
          VmcsControl32.PIN_BASED_VM_EXECUTION_CONTROLS, VmcsControl32.VM_ENTRY_CONTROLS,
          VmcsControl32.PRIMARY_VM_EXIT_CONTROLS),
      rule(Section.CONTROL, "^ExceptionBitmap=" + X + " PFECmask=" + X + " PFECmatch=" + X + "$",
          VmcsControl32.EXCEPTION_BITMAP, VmcsControl32.PAGE_FAULT_ERROR_CODE_MASK,
          VmcsControl32.PAGE_FAULT_ERROR_CODE_MATCH),
      rule(Section.CONTROL, "^VMEntry: intr_info=" + X + " errcode=" + X + " ilen=" + X + "$",
          VmcsControl32.VM_ENTRY_INTERRUPTION_INFORMATION, VmcsControl32.VM_ENTRY_EXCEPTION_ERROR_CODE,
          VmcsControl32.VM_ENTRY_INSTRUCTION_LENGTH),
      rule(Section.CONTROL, "^VMExit: intr_info=" + X + " errcode=" + X + " ilen=" + X + "$",
          VmcsReadOnly32.VM_EXIT_INTERRUPTION_INFORMATION, VmcsReadOnly32.VM_EXIT_INTERRUPTION_ERROR_CODE,
          VmcsReadOnly32.VM_EXIT_INSTRUCTION_LENGTH),
      rule(Section.CONTROL, "^reason=" + X + " qualification=" + X + "$", VmcsReadOnly32.EXIT_REASON,
          VmcsReadOnlyNW.EXIT_QUALIFICATION),
      rule(Section.CONTROL, "^IDTVectoring: info=" + X + " errcode=" + X + "$",
          VmcsReadOnly32.IDT_VECTORING_INFORMATION, VmcsReadOnly32.IDT_VECTORING_ERROR_CODE),
      rule(Section.CONTROL, "^TSC Offset = " + X + "$", VmcsControl64.TSC_OFFSET),
      rule(Section.CONTROL, "^TSC Multiplier = " + X + "$", VmcsControl64.TSC_MULTIPLIER),
      rule(Section.CONTROL, "^SVI\\|RVI = [0-9a-fA-F]+\\|[0-9a-fA-F]+ TPR Threshold = " + X + "$",
          VmcsControl32.TPR_THRESHOLD),
      rule(Section.CONTROL, "^virt-APIC addr = " + X + "$", VmcsControl64.VIRTUAL_APIC_ADDRESS),
      rule(Section.CONTROL, "^APIC-access addr = " + X + "$", VmcsControl64.APIC_ACCESS_ADDRESS),
      rule(Section.CONTROL, "^PostedIntrVec = " + X + "$", VmcsControl16.POSTED_INTERRUPT_NOTIFICATION_VECTOR),
      rule(Section.CONTROL, "^EPT pointer = " + X + "$", VmcsControl64.EPT_POINTER),
      rule(Section.CONTROL, "^PLE Gap=" + X + " Window=" + X + "$", VmcsControl32.PLE_GAP, VmcsControl32.PLE_WINDOW),
      rule(Section.CONTROL, "^Virtual processor ID = " + X + "$", VmcsControl16.VIRTUAL_PROCESSOR_ID));

  private KvmDumpParser() {}

  private static Rule rule(Section section, String regex, VmcsField... fields) {
    return new Rule(section, Pattern.compile(regex), fields);
  }

  /** A guest segment register's line: {@code CS:   sel=0x0010, attr=0x0a09b, limit=0xffffffff, base=0x0}. */
  private static Rule segment(String register, VmcsField selector, VmcsField accessRights, VmcsField limit,
      VmcsField base) {
    return rule(Section.GUEST, "^" + register + ":\\s+sel=" + X + ",\\s*attr=" + X + ",\\s*limit=" + X
        + ",\\s*base=" + X, selector, accessRights, limit, base);
  }

  /** Parses a dump, as {@link #parse(String, String)} with the file name {@value #NO_FILE}. */
  public static Parsed<VmcsImage> parse(String text) {
    return parse(text, NO_FILE);
  }

  /**
   * Parses a dump: the image of every field it prints, with a warning for every line that is no field.
   *
   * @param file the name problems carry ({@code FILE:LINE})
   * @throws ProblemException with every problem if the text holds no dump (no field could be read) or a
   *     value does not fit its field
   */
  public static Parsed<VmcsImage> parse(String text, String file) {
    Problems problems = new Problems();
    VmcsImage image = VmcsImage.empty();
    Section section = Section.NONE;
    String[] lines = text.split("\\R");
    for (int number = 1; number <= lines.length; number++) {
      String line = PREFIX.matcher(lines[number - 1]).replaceFirst("").trim();
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("*** Guest State")) {
        section = Section.GUEST;
      } else if (line.startsWith("*** Host State")) {
        section = Section.HOST;
      } else if (line.startsWith("*** Control State")) {
        section = Section.CONTROL;
      } else {
        Rule rule = ruleFor(section, line);
        if (rule == null) {
          problems.add(skipped(line).at(file, number, "", Problem.excerpt(line)));
        } else {
          image = put(image, rule, line, file, number, problems);
        }
      }
    }
    if (image.size() == 0 && !problems.hasErrors()) {
      problems.add(DumpProblem.NO_FIELDS.at(file, 0, ""));
    }
    problems.throwIfErrors();
    return new Parsed<>(image, problems.list());
  }

  private static Rule ruleFor(Section section, String line) {
    for (Rule rule : RULES) {
      if (rule.section() == section && rule.pattern().matcher(line).find()) {
        return rule;
      }
    }
    return null;
  }

  private static DumpProblem skipped(String line) {
    if (line.startsWith("EFER")) {
      return DumpProblem.EFFECTIVE_EFER;
    }
    if (line.startsWith("VMCS ")) {
      return DumpProblem.HEADER_LINE;
    }
    return DumpProblem.UNKNOWN_LINE;
  }

  private static VmcsImage put(VmcsImage image, Rule rule, String line, String file, int number,
      Problems problems) {
    Matcher matcher = rule.pattern().matcher(line);
    matcher.find();
    VmcsImage result = image;
    for (int i = 0; i < rule.fields().length; i++) {
      VmcsField field = rule.fields()[i];
      String hex = matcher.group(i + 1);
      String subject = "field " + field.qualifiedName();
      if (hex.length() > 16) {
        problems.add(DumpProblem.NUMBER_TOO_LONG.at(file, number, subject, Problem.excerpt(hex)));
        continue;
      }
      long value = Long.parseUnsignedLong(hex, 16);
      if (!result.fits(field.encoding(), value)) {
        problems.add(DumpProblem.VALUE_TOO_WIDE.at(file, number, subject, value, result.bits(field.encoding())));
        continue;
      }
      result = result.with(field.encoding(), value);
    }
    return result;
  }
}
