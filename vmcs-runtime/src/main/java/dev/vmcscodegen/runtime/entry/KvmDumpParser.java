package dev.vmcscodegen.runtime.entry;

import static dev.vmcscodegen.runtime.fields.VmcsEncodings.*;

import dev.vmcscodegen.runtime.fields.VmcsControl32;
import dev.vmcscodegen.runtime.fields.VmcsControl64;
import dev.vmcscodegen.runtime.fields.VmcsControlNW;
import dev.vmcscodegen.runtime.fields.VmcsGuest16;
import dev.vmcscodegen.runtime.fields.VmcsGuest32;
import dev.vmcscodegen.runtime.fields.VmcsReadOnly32;
import dev.vmcscodegen.runtime.fields.VmcsReadOnlyNW;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the VMCS dump Linux KVM prints on a failed VM entry ({@code vmx_dump_vmcs} in
 * {@code arch/x86/kvm/vmx/vmx.c}): each printed item mapped to its VMCS field. Segment lines give
 * selector, access rights ({@code attr}), limit and base; {@code CR0: actual, shadow, gh_mask} give
 * the guest CR0, the CR0 read shadow and the guest/host mask; the control lines give the controls;
 * {@code VMEntry}/{@code VMExit}/{@code IDTVectoring} give the event fields.
 *
 * <p>{@code EFER= ... (effective)} and {@code (autoload)} are KVM's idea of EFER, not the VMCS field
 * (which is printed bare only when "load IA32_EFER" is 1); they are skipped and say so. Fields KVM does
 * not print (VMCS link pointer, bitmap addresses, MSR-area counts) stay absent, so the checks that need
 * them are not verifiable. Timestamps and the {@code kvm_intel:} prefix are optional.
 */
public final class KvmDumpParser {

  private static final String X = "(?:0x)?([0-9a-fA-F]+)";
  private static final Pattern PREFIX = Pattern.compile("^\\s*(?:\\[[^\\]]*\\]\\s*)?(?:kvm_intel:|kvm:)?\\s*");
  private static final Pattern SEGMENT = Pattern.compile(
      "^(ES|CS|SS|DS|FS|GS|LDTR|TR):\\s+sel=" + X + ",\\s*attr=" + X + ",\\s*limit=" + X + ",\\s*base=" + X);
  private static final Pattern TABLE = Pattern.compile("^(GDTR|IDTR):\\s+limit=" + X + ",\\s*base=" + X);

  private enum Section { NONE, GUEST, HOST, CONTROL }

  private record Rule(Section section, Pattern pattern, int[] fields) {}

  private static final List<Rule> RULES = List.of(
      rule(Section.GUEST, "^CR0: actual=" + X + ",\\s*shadow=" + X + ",\\s*gh_mask=" + X, GUEST_CR0,
          VmcsControlNW.CR0_READ_SHADOW.encoding(), VmcsControlNW.CR0_GUEST_HOST_MASK.encoding()),
      rule(Section.GUEST, "^CR4: actual=" + X + ",\\s*shadow=" + X + ",\\s*gh_mask=" + X, GUEST_CR4,
          VmcsControlNW.CR4_READ_SHADOW.encoding(), VmcsControlNW.CR4_GUEST_HOST_MASK.encoding()),
      rule(Section.GUEST, "^CR3 = " + X + "$", GUEST_CR3),
      rule(Section.GUEST, "^PDPTR0 = " + X + "\\s+PDPTR1 = " + X + "$", GUEST_PDPTE0, GUEST_PDPTE1),
      rule(Section.GUEST, "^PDPTR2 = " + X + "\\s+PDPTR3 = " + X + "$", GUEST_PDPTE2, GUEST_PDPTE3),
      rule(Section.GUEST, "^RSP = " + X + "\\s+RIP = " + X + "$", GUEST_RSP, GUEST_RIP),
      rule(Section.GUEST, "^RFLAGS=" + X + "\\s+DR7 = " + X + "$", GUEST_RFLAGS, GUEST_DR7),
      rule(Section.GUEST, "^Sysenter RSP=" + X + "\\s+CS:RIP=" + X + ":" + X + "$", GUEST_IA32_SYSENTER_ESP,
          VmcsGuest32.IA32_SYSENTER_CS.encoding(), GUEST_IA32_SYSENTER_EIP),
      rule(Section.GUEST, "^EFER\\s*=\\s*" + X + "$", GUEST_IA32_EFER),
      rule(Section.GUEST, "^PAT = " + X + "$", GUEST_IA32_PAT),
      rule(Section.GUEST, "^DebugCtl = " + X + "\\s+DebugExceptions = " + X + "$", GUEST_IA32_DEBUGCTL,
          GUEST_PENDING_DEBUG_EXCEPTIONS),
      rule(Section.GUEST, "^PerfGlobCtl = " + X + "$", GUEST_IA32_PERF_GLOBAL_CTRL),
      rule(Section.GUEST, "^BndCfgS = " + X + "$", GUEST_IA32_BNDCFGS),
      rule(Section.GUEST, "^Interruptibility = " + X + "\\s+ActivityState = " + X + "$",
          GUEST_INTERRUPTIBILITY_STATE, GUEST_ACTIVITY_STATE),
      rule(Section.GUEST, "^InterruptStatus = " + X + "$", VmcsGuest16.INTERRUPT_STATUS.encoding()),
      rule(Section.HOST, "^RIP = " + X + "\\s+RSP = " + X + "$", HOST_RIP, HOST_RSP),
      rule(Section.HOST, "^CS=" + X + " SS=" + X + " DS=" + X + " ES=" + X + " FS=" + X + " GS=" + X + " TR=" + X
          + "$", HOST_CS_SELECTOR, HOST_SS_SELECTOR, HOST_DS_SELECTOR, HOST_ES_SELECTOR, HOST_FS_SELECTOR,
          HOST_GS_SELECTOR, HOST_TR_SELECTOR),
      rule(Section.HOST, "^FSBase=" + X + " GSBase=" + X + " TRBase=" + X + "$", HOST_FS_BASE, HOST_GS_BASE,
          HOST_TR_BASE),
      rule(Section.HOST, "^GDTBase=" + X + " IDTBase=" + X + "$", HOST_GDTR_BASE, HOST_IDTR_BASE),
      rule(Section.HOST, "^CR0=" + X + " CR3=" + X + " CR4=" + X + "$", HOST_CR0, HOST_CR3, HOST_CR4),
      rule(Section.HOST, "^Sysenter RSP=" + X + "\\s+CS:RIP=" + X + ":" + X + "$", HOST_IA32_SYSENTER_ESP,
          HOST_IA32_SYSENTER_CS, HOST_IA32_SYSENTER_EIP),
      rule(Section.HOST, "^PAT = " + X + "$", HOST_IA32_PAT),
      rule(Section.HOST, "^EFER\\s*=\\s*" + X + "$", HOST_IA32_EFER),
      rule(Section.HOST, "^PerfGlobCtl = " + X + "$", HOST_IA32_PERF_GLOBAL_CTRL),
      rule(Section.CONTROL, "^CPUBased=" + X + " SecondaryExec=" + X + " TertiaryExec=" + X + "$",
          PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS, SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS,
          TERTIARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS),
      rule(Section.CONTROL, "^CPUBased=" + X + " SecondaryExec=" + X + "$",
          PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS, SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS),
      rule(Section.CONTROL, "^PinBased=" + X + " EntryControls=" + X + " ExitControls=" + X + "$",
          PIN_BASED_VM_EXECUTION_CONTROLS, VM_ENTRY_CONTROLS, PRIMARY_VM_EXIT_CONTROLS),
      rule(Section.CONTROL, "^ExceptionBitmap=" + X + " PFECmask=" + X + " PFECmatch=" + X + "$",
          VmcsControl32.EXCEPTION_BITMAP.encoding(), VmcsControl32.PAGE_FAULT_ERROR_CODE_MASK.encoding(),
          VmcsControl32.PAGE_FAULT_ERROR_CODE_MATCH.encoding()),
      rule(Section.CONTROL, "^VMEntry: intr_info=" + X + " errcode=" + X + " ilen=" + X + "$",
          VM_ENTRY_INTERRUPTION_INFORMATION, VM_ENTRY_EXCEPTION_ERROR_CODE, VM_ENTRY_INSTRUCTION_LENGTH),
      rule(Section.CONTROL, "^VMExit: intr_info=" + X + " errcode=" + X + " ilen=" + X + "$",
          VmcsReadOnly32.VM_EXIT_INTERRUPTION_INFORMATION.encoding(),
          VmcsReadOnly32.VM_EXIT_INTERRUPTION_ERROR_CODE.encoding(),
          VmcsReadOnly32.VM_EXIT_INSTRUCTION_LENGTH.encoding()),
      rule(Section.CONTROL, "^reason=" + X + " qualification=" + X + "$", VmcsReadOnly32.EXIT_REASON.encoding(),
          VmcsReadOnlyNW.EXIT_QUALIFICATION.encoding()),
      rule(Section.CONTROL, "^IDTVectoring: info=" + X + " errcode=" + X + "$",
          VmcsReadOnly32.IDT_VECTORING_INFORMATION.encoding(), VmcsReadOnly32.IDT_VECTORING_ERROR_CODE.encoding()),
      rule(Section.CONTROL, "^TSC Offset = " + X + "$", VmcsControl64.TSC_OFFSET.encoding()),
      rule(Section.CONTROL, "^TSC Multiplier = " + X + "$", VmcsControl64.TSC_MULTIPLIER.encoding()),
      rule(Section.CONTROL, "^SVI\\|RVI = [0-9a-fA-F]+\\|[0-9a-fA-F]+ TPR Threshold = " + X + "$", TPR_THRESHOLD),
      rule(Section.CONTROL, "^virt-APIC addr = " + X + "$", VIRTUAL_APIC_ADDRESS),
      rule(Section.CONTROL, "^APIC-access addr = " + X + "$", APIC_ACCESS_ADDRESS),
      rule(Section.CONTROL, "^PostedIntrVec = " + X + "$", POSTED_INTERRUPT_NOTIFICATION_VECTOR),
      rule(Section.CONTROL, "^EPT pointer = " + X + "$", EPT_POINTER),
      rule(Section.CONTROL, "^PLE Gap=" + X + " Window=" + X + "$", VmcsControl32.PLE_GAP.encoding(),
          VmcsControl32.PLE_WINDOW.encoding()),
      rule(Section.CONTROL, "^Virtual processor ID = " + X + "$", VIRTUAL_PROCESSOR_ID));

  private KvmDumpParser() {}

  private static Rule rule(Section section, String regex, int... fields) {
    return new Rule(section, Pattern.compile(regex), fields);
  }

  /**
   * Parses a dump.
   *
   * @throws IllegalArgumentException if the text holds no dump (no field could be read), or a value
   *     does not fit its field, naming the line
   */
  public static KvmDump parse(String text) {
    Map<Integer, Long> values = new LinkedHashMap<>();
    List<String> skipped = new ArrayList<>();
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
      } else if (!parseLine(section, line, number, values)) {
        skipped.add("line " + number + ": " + line + reason(line));
      }
    }
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no KVM dump_vmcs line found: expected lines such as"
          + " 'CS:   sel=0x0010, attr=0x0a09b, limit=0xffffffff, base=0x0' after '*** Guest State ***'");
    }
    VmcsImage image = VmcsImage.empty();
    for (Map.Entry<Integer, Long> entry : values.entrySet()) {
      image = image.with(entry.getKey(), entry.getValue());
    }
    return new KvmDump(image, skipped);
  }

  private static String reason(String line) {
    if (line.startsWith("EFER")) {
      return " (KVM's effective EFER, not the VMCS field: \"load IA32_EFER\" is 0)";
    }
    if (line.startsWith("VMCS ")) {
      return " (header)";
    }
    return " (not a VMCS field this parser knows)";
  }

  private static boolean parseLine(Section section, String line, int number, Map<Integer, Long> values) {
    if (section == Section.GUEST) {
      Matcher segment = SEGMENT.matcher(line);
      if (segment.find()) {
        GuestSegment register = GuestSegment.valueOf(segment.group(1));
        put(values, register.selector(), segment.group(2), number);
        put(values, register.accessRights(), segment.group(3), number);
        put(values, register.limit(), segment.group(4), number);
        put(values, register.base(), segment.group(5), number);
        return true;
      }
      Matcher table = TABLE.matcher(line);
      if (table.find()) {
        boolean gdtr = table.group(1).equals("GDTR");
        put(values, gdtr ? GUEST_GDTR_LIMIT : GUEST_IDTR_LIMIT, table.group(2), number);
        put(values, gdtr ? GUEST_GDTR_BASE : GUEST_IDTR_BASE, table.group(3), number);
        return true;
      }
    }
    for (Rule rule : RULES) {
      if (rule.section() != section) {
        continue;
      }
      Matcher matcher = rule.pattern().matcher(line);
      if (matcher.find()) {
        for (int i = 0; i < rule.fields().length; i++) {
          put(values, rule.fields()[i], matcher.group(i + 1), number);
        }
        return true;
      }
    }
    return false;
  }

  private static void put(Map<Integer, Long> values, int encoding, String hex, int line) {
    if (hex.length() > 16) {
      throw new IllegalArgumentException("line " + line + ": " + hex + " has more than 64 bits");
    }
    long value = Long.parseUnsignedLong(hex, 16);
    try {
      VmcsImage.empty().with(encoding, value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("line " + line + ": " + e.getMessage(), e);
    }
    values.put(encoding, value);
  }
}
