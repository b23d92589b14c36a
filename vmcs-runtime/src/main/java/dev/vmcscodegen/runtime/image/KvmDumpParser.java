package dev.vmcscodegen.runtime.image;

import static dev.vmcscodegen.runtime.image.DumpDialect.range;

import dev.vmcscodegen.problem.Parsed;
import dev.vmcscodegen.problem.ProblemException;
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
import dev.vmcscodegen.runtime.fields.VmcsReadOnly64;
import dev.vmcscodegen.runtime.fields.VmcsReadOnlyNW;
import dev.vmcscodegen.runtime.image.DumpDialect.Layout;
import dev.vmcscodegen.runtime.image.DumpDialect.Rule;
import dev.vmcscodegen.runtime.image.DumpDialect.Section;
import dev.vmcscodegen.runtime.image.DumpDialect.Target;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the VMCS dump Linux KVM prints on a failed VM entry ({@code dump_vmcs} in
 * {@code arch/x86/kvm/vmx/vmx.c}, {@code arch/x86/kvm/vmx.c} before 4.20), in every layout it has printed:
 * each line shape below is KVM's own {@code pr_err} format, tagged with the layouts that print it.
 *
 * <ol start="0">
 *   <li>Linux 4.1 to 5.12: {@code dump_vmcs} as added by commit 4eb64dce8d0a ("KVM: x86: dump VMCS on
 *       invalid entry"): controls without {@code 0x} ({@code PinBased=%08x CPUBased=%08x SecondaryExec=%08x},
 *       {@code EntryControls=%08x ExitControls=%08x}), guest {@code EFER =     0x%016llx  PAT = 0x%016llx} on
 *       one line, {@code CR3 target} lines (dropped in 5.x);
 *   <li>Linux 5.13 to 5.18: David Edmondson's 2021 series ("KVM: x86: dump_vmcs should not assume
 *       GUEST_IA32_EFER is valid" and its siblings): the {@code VMCS %p, last attempted VM-entry on CPU %d}
 *       header, {@code EFER= 0x%016llx} with {@code (effective)} or {@code (autoload)} when it is not the VMCS
 *       field, {@code PAT} on its own line, the MSR autoload lists;
 *   <li>Linux 5.19 and later: the tertiary controls (Robert Hoo and Zeng Guang's series with IPI
 *       virtualization): {@code CPUBased=0x%08x SecondaryExec=0x%08x TertiaryExec=0x%016llx} and
 *       {@code PinBased=0x%08x EntryControls=%08x ExitControls=%08x}; the one-line CET line
 *       ({@code S_CET = ..., SSP = ..., SSP TABLE = ...}) and {@code PKRS} of the CET and PKS series; from 6.10
 *       the {@code VE info address} and {@code ve_info:} lines;
 *   <li>FRED: {@code PinBased=0x%08x EntryControls=0x%08x} and
 *       {@code ExitControls=0x%08x SecondaryExitControls=0x%016llx}, the event data on the {@code VMEntry} and
 *       {@code IDTVectoring} lines, the guest's and host's FRED state (the FRED series, 2024-2025).
 * </ol>
 *
 * <p>The CET series' earlier versions (2020 on, so on kernels of any layout) print the CET fields one a line,
 * the guest's before {@code *** Host State ***}, the host's after the last control line; both are read.
 * Lines printed by {@code pr_cont} ({@code virt-APIC addr}, {@code TPR Threshold}) may come on a line of
 * their own or after the line before; both are read. {@code EFER= ... (effective)} and {@code (autoload)}
 * are KVM's idea of EFER, not the VMCS field; they are skipped with a warning, as are the MSR area lists and
 * every other line that is no field ({@link DumpProblem}). Fields KVM does not print (VMCS link pointer,
 * bitmap addresses, MSR-area counts) stay absent, so the checks that need them are not verifiable. How the
 * text around the lines is read (log prefixes, mail quoting and wrapping, several dumps, cut lines) is
 * {@link DumpReader}'s.
 */
public final class KvmDumpParser {

  /** The file name problems carry when the caller gives none. */
  public static final String NO_FILE = "<text>";

  private static final int CLASSIC = 0;
  private static final int EDMONDSON = 1;
  private static final int TERTIARY = 2;
  private static final int FRED = 3;
  private static final long ALL = range(CLASSIC, FRED);

  private static final List<Layout> LAYOUTS = List.of(
      new Layout("Linux 4.1", "5.12"),
      new Layout("Linux 5.13", "5.18"),
      new Layout("Linux 5.19", "later"),
      new Layout("Linux with KVM FRED support", "later"));

  private static final List<Rule> RULES = new ArrayList<>();

  static {
    guest();
    host();
    control();
  }

  static final DumpDialect DIALECT = new DumpDialect("KVM dump_vmcs",
      "CS:   sel=0x0010, attr=0x0a09b, limit=0xffffffff, base=0x0", LAYOUTS,
      List.of(Rule.skipped(Section.NONE, range(EDMONDSON, FRED), "VMCS %p, last attempted VM-entry on CPU %d",
          DumpProblem.HEADER_LINE)),
      RULES);

  private KvmDumpParser() {}

  private static void rule(Section section, long layouts, String format, VmcsField... fields) {
    RULES.add(Rule.fields(section, layouts, format, fields));
  }

  private static void segment(String register, VmcsField selector, VmcsField accessRights, VmcsField limit,
      VmcsField base) {
    // vmx_dump_sel: "%s sel=0x%04x, attr=0x%05x, limit=0x%08x, base=0x%016lx" with "CS:  ", "LDTR:" ...
    rule(Section.GUEST, ALL, register + ": sel=0x%04x, attr=0x%05x, limit=0x%08x, base=0x%016lx", selector,
        accessRights, limit, base);
  }

  private static void guest() {
    Section g = Section.GUEST;
    rule(g, ALL, "CR0: actual=0x%016lx, shadow=0x%016lx, gh_mask=%016lx", VmcsGuestNW.CR0,
        VmcsControlNW.CR0_READ_SHADOW, VmcsControlNW.CR0_GUEST_HOST_MASK);
    rule(g, ALL, "CR4: actual=0x%016lx, shadow=0x%016lx, gh_mask=%016lx", VmcsGuestNW.CR4,
        VmcsControlNW.CR4_READ_SHADOW, VmcsControlNW.CR4_GUEST_HOST_MASK);
    rule(g, ALL, "CR3 = 0x%016lx", VmcsGuestNW.CR3);
    rule(g, ALL, "PDPTR0 = 0x%016llx  PDPTR1 = 0x%016llx", VmcsGuest64.PDPTE0, VmcsGuest64.PDPTE1);
    rule(g, ALL, "PDPTR2 = 0x%016llx  PDPTR3 = 0x%016llx", VmcsGuest64.PDPTE2, VmcsGuest64.PDPTE3);
    rule(g, ALL, "RSP = 0x%016lx  RIP = 0x%016lx", VmcsGuestNW.RSP, VmcsGuestNW.RIP);
    rule(g, ALL, "RFLAGS=0x%08lx         DR7 = 0x%016lx", VmcsGuestNW.RFLAGS, VmcsGuestNW.DR7);
    rule(g, ALL, "Sysenter RSP=%016lx CS:RIP=%04x:%016lx", VmcsGuestNW.IA32_SYSENTER_ESP,
        VmcsGuest32.IA32_SYSENTER_CS, VmcsGuestNW.IA32_SYSENTER_EIP);
    segment("CS", VmcsGuest16.CS_SELECTOR, VmcsGuest32.CS_ACCESS_RIGHTS, VmcsGuest32.CS_LIMIT, VmcsGuestNW.CS_BASE);
    segment("DS", VmcsGuest16.DS_SELECTOR, VmcsGuest32.DS_ACCESS_RIGHTS, VmcsGuest32.DS_LIMIT, VmcsGuestNW.DS_BASE);
    segment("SS", VmcsGuest16.SS_SELECTOR, VmcsGuest32.SS_ACCESS_RIGHTS, VmcsGuest32.SS_LIMIT, VmcsGuestNW.SS_BASE);
    segment("ES", VmcsGuest16.ES_SELECTOR, VmcsGuest32.ES_ACCESS_RIGHTS, VmcsGuest32.ES_LIMIT, VmcsGuestNW.ES_BASE);
    segment("FS", VmcsGuest16.FS_SELECTOR, VmcsGuest32.FS_ACCESS_RIGHTS, VmcsGuest32.FS_LIMIT, VmcsGuestNW.FS_BASE);
    segment("GS", VmcsGuest16.GS_SELECTOR, VmcsGuest32.GS_ACCESS_RIGHTS, VmcsGuest32.GS_LIMIT, VmcsGuestNW.GS_BASE);
    segment("LDTR", VmcsGuest16.LDTR_SELECTOR, VmcsGuest32.LDTR_ACCESS_RIGHTS, VmcsGuest32.LDTR_LIMIT,
        VmcsGuestNW.LDTR_BASE);
    segment("TR", VmcsGuest16.TR_SELECTOR, VmcsGuest32.TR_ACCESS_RIGHTS, VmcsGuest32.TR_LIMIT, VmcsGuestNW.TR_BASE);
    fred(g, "guest", VmcsGuest64.IA32_FRED_CONFIG, VmcsGuest64.IA32_FRED_STKLVLS, VmcsGuest64.IA32_FRED_RSP1,
        VmcsGuest64.IA32_FRED_RSP2, VmcsGuest64.IA32_FRED_RSP3);
    // vmx_dump_dtsel: "%s                           limit=0x%08x, base=0x%016lx"
    rule(g, ALL, "GDTR: limit=0x%08x, base=0x%016lx", VmcsGuest32.GDTR_LIMIT, VmcsGuestNW.GDTR_BASE);
    rule(g, ALL, "IDTR: limit=0x%08x, base=0x%016lx", VmcsGuest32.IDTR_LIMIT, VmcsGuestNW.IDTR_BASE);
    rule(g, range(CLASSIC, CLASSIC), "EFER =     0x%016llx  PAT = 0x%016llx", VmcsGuest64.IA32_EFER,
        VmcsGuest64.IA32_PAT);
    rule(g, range(EDMONDSON, FRED), "EFER= 0x%016llx", VmcsGuest64.IA32_EFER);
    for (String kvmIdea : List.of("(effective)", "(autoload)")) {
      RULES.add(Rule.skipped(g, range(EDMONDSON, FRED), "EFER= 0x%016llx " + kvmIdea, DumpProblem.EFFECTIVE_EFER));
    }
    rule(g, range(EDMONDSON, FRED), "PAT = 0x%016llx", VmcsGuest64.IA32_PAT);
    rule(g, ALL, "DebugCtl = 0x%016llx  DebugExceptions = 0x%016lx", VmcsGuest64.IA32_DEBUGCTL,
        VmcsGuestNW.PENDING_DEBUG_EXCEPTIONS);
    rule(g, ALL, "PerfGlobCtl = 0x%016llx", VmcsGuest64.IA32_PERF_GLOBAL_CTRL);
    rule(g, ALL, "BndCfgS = 0x%016llx", VmcsGuest64.IA32_BNDCFGS);
    rule(g, range(TERTIARY, FRED), "PKRS = 0x%016llx", VmcsGuest64.IA32_PKRS);
    rule(g, ALL, "Interruptibility = %08x  ActivityState = %08x", VmcsGuest32.INTERRUPTIBILITY_STATE,
        VmcsGuest32.ACTIVITY_STATE);
    rule(g, ALL, "InterruptStatus = %04x", VmcsGuest16.INTERRUPT_STATUS);
    cet(g, VmcsGuestNW.IA32_S_CET, VmcsGuestNW.SSP, VmcsGuestNW.IA32_INTERRUPT_SSP_TABLE_ADDR);
    msrArea(g, "guest autoload");
    msrArea(g, "guest autostore");
  }

  /** vmx_dump_msrs: "MSR %s:" then "%2d: msr=0x%08x value=0x%016llx" per entry; memory, not VMCS fields. */
  private static void msrArea(Section section, String name) {
    long layouts = range(EDMONDSON, FRED);
    RULES.add(Rule.skipped(section, layouts, "MSR " + name + ":", DumpProblem.MSR_AREA));
    if (RULES.stream().noneMatch(rule -> rule.section() == section && rule.note() == DumpProblem.MSR_AREA
        && rule.template().format().startsWith("%"))) {
      RULES.add(Rule.skipped(section, layouts, "%2d: msr=0x%08x value=0x%016llx", DumpProblem.MSR_AREA));
    }
  }

  /**
   * The FRED series' FRED state: one {@code pr_err} of three lines, {@code FRED guest: config=0x%016llx,
   * stack_levels=0x%016llx} ({@code stack levels} in one version), {@code RSP0=0x%016llx, RSP1=0x%016llx},
   * {@code RSP2=0x%016llx, RSP3=0x%016llx}; RSP0 is the MSR (the host's: the task's stack), no VMCS field.
   */
  private static void fred(Section section, String whose, VmcsField config, VmcsField levels, VmcsField rsp1,
      VmcsField rsp2, VmcsField rsp3) {
    long layouts = range(FRED, FRED);
    rule(section, layouts, "FRED " + whose + ": config=0x%016llx, stack_levels=0x%016llx", config, levels);
    rule(section, layouts, "FRED " + whose + ": config=0x%016llx, stack levels=0x%016llx", config, levels);
    rule(section, layouts, "RSP0=0x%016llx, RSP1=0x%016llx", null, rsp1);
    rule(section, layouts, "RSP2=0x%016llx, RSP3=0x%016llx", rsp2, rsp3);
  }

  /** The CET lines of KVM's CET series: one line (the versions on top of the tertiary controls), or three. */
  private static void cet(Section section, VmcsField sCet, VmcsField ssp, VmcsField table) {
    rule(section, range(TERTIARY, FRED), "S_CET = 0x%016lx, SSP = 0x%016lx, SSP TABLE = 0x%016lx", sCet, ssp,
        table);
    cetLines(section, sCet, ssp, table);
  }

  /**
   * The CET lines of the series' earlier versions, one line a field, {@code SSP TABLE} or
   * {@code INTR SSP TABLE}: printed on kernels of every layout (v14 of November 2020 on a kernel of the first).
   */
  private static void cetLines(Section section, VmcsField sCet, VmcsField ssp, VmcsField table) {
    rule(section, ALL, "S_CET = 0x%016lx", sCet);
    rule(section, ALL, "SSP = 0x%016lx", ssp);
    rule(section, ALL, "SSP TABLE = 0x%016lx", table);
    rule(section, ALL, "INTR SSP TABLE = 0x%016lx", table);
  }

  private static void host() {
    Section h = Section.HOST;
    rule(h, ALL, "RIP = 0x%016lx  RSP = 0x%016lx", VmcsHostNW.RIP, VmcsHostNW.RSP);
    rule(h, ALL, "CS=%04x SS=%04x DS=%04x ES=%04x FS=%04x GS=%04x TR=%04x", VmcsHost16.CS_SELECTOR,
        VmcsHost16.SS_SELECTOR, VmcsHost16.DS_SELECTOR, VmcsHost16.ES_SELECTOR, VmcsHost16.FS_SELECTOR,
        VmcsHost16.GS_SELECTOR, VmcsHost16.TR_SELECTOR);
    rule(h, ALL, "FSBase=%016lx GSBase=%016lx TRBase=%016lx", VmcsHostNW.FS_BASE, VmcsHostNW.GS_BASE,
        VmcsHostNW.TR_BASE);
    rule(h, ALL, "GDTBase=%016lx IDTBase=%016lx", VmcsHostNW.GDTR_BASE, VmcsHostNW.IDTR_BASE);
    fred(h, "host", VmcsHost64.IA32_FRED_CONFIG, VmcsHost64.IA32_FRED_STKLVLS, VmcsHost64.IA32_FRED_RSP1,
        VmcsHost64.IA32_FRED_RSP2, VmcsHost64.IA32_FRED_RSP3);
    rule(h, ALL, "CR0=%016lx CR3=%016lx CR4=%016lx", VmcsHostNW.CR0, VmcsHostNW.CR3, VmcsHostNW.CR4);
    rule(h, ALL, "Sysenter RSP=%016lx CS:RIP=%04x:%016lx", VmcsHostNW.IA32_SYSENTER_ESP,
        VmcsHost32.IA32_SYSENTER_CS, VmcsHostNW.IA32_SYSENTER_EIP);
    rule(h, range(CLASSIC, CLASSIC), "EFER = 0x%016llx  PAT = 0x%016llx", VmcsHost64.IA32_EFER,
        VmcsHost64.IA32_PAT);
    rule(h, range(EDMONDSON, FRED), "EFER= 0x%016llx", VmcsHost64.IA32_EFER);
    rule(h, range(EDMONDSON, FRED), "PAT = 0x%016llx", VmcsHost64.IA32_PAT);
    rule(h, ALL, "PerfGlobCtl = 0x%016llx", VmcsHost64.IA32_PERF_GLOBAL_CTRL);
    rule(h, range(TERTIARY, FRED), "PKRS = 0x%016llx", VmcsHost64.IA32_PKRS);
    cet(h, VmcsHostNW.IA32_S_CET, VmcsHostNW.SSP, VmcsHostNW.IA32_INTERRUPT_SSP_TABLE_ADDR);
    msrArea(h, "host autoload");
  }

  private static void control() {
    Section c = Section.CONTROL;
    VmcsField pin = VmcsControl32.PIN_BASED_VM_EXECUTION_CONTROLS;
    VmcsField primary = VmcsControl32.PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS;
    VmcsField secondary = VmcsControl32.SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS;
    VmcsField tertiary = VmcsControl64.TERTIARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS;
    VmcsField entry = VmcsControl32.VM_ENTRY_CONTROLS;
    VmcsField exit = VmcsControl32.PRIMARY_VM_EXIT_CONTROLS;
    rule(c, range(CLASSIC, EDMONDSON), "PinBased=%08x CPUBased=%08x SecondaryExec=%08x", pin, primary, secondary);
    // The tertiary-controls patch as first posted (v5, January 2022) kept this line after its one line of
    // four controls (lore.kernel.org/kvm/7fd4cb11-9920-6432-747e-633b96db0598@intel.com).
    rule(c, range(CLASSIC, TERTIARY), "EntryControls=%08x ExitControls=%08x", entry, exit);
    // The tertiary-controls patch as first posted printed all four on one line.
    rule(c, range(TERTIARY, TERTIARY),
        "PinBased=0x%08x CPUBased=0x%08x SecondaryExec=0x%08x TertiaryExec=0x%016llx", pin, primary, secondary,
        tertiary);
    rule(c, range(TERTIARY, FRED), "CPUBased=0x%08x SecondaryExec=0x%08x TertiaryExec=0x%016llx", primary,
        secondary, tertiary);
    rule(c, range(TERTIARY, FRED), "CPUBased=0x%08x SecondaryExec=0x%08x", primary, secondary);
    rule(c, range(TERTIARY, TERTIARY), "PinBased=0x%08x EntryControls=%08x ExitControls=%08x", pin, entry, exit);
    rule(c, range(FRED, FRED), "PinBased=0x%08x EntryControls=0x%08x", pin, entry);
    rule(c, range(FRED, FRED), "ExitControls=0x%08x SecondaryExitControls=0x%016llx", exit,
        VmcsControl64.SECONDARY_VM_EXIT_CONTROLS);
    rule(c, ALL, "ExceptionBitmap=%08x PFECmask=%08x PFECmatch=%08x", VmcsControl32.EXCEPTION_BITMAP,
        VmcsControl32.PAGE_FAULT_ERROR_CODE_MASK, VmcsControl32.PAGE_FAULT_ERROR_CODE_MATCH);
    // The FRED series adds the event data: "event_data=%016llx" ("event data=" in one version).
    for (String eventData : List.of("event_data", "event data")) {
      rule(c, range(FRED, FRED), "VMEntry: intr_info=%08x errcode=%08x ilen=%08x " + eventData + "=%016llx",
          VmcsControl32.VM_ENTRY_INTERRUPTION_INFORMATION, VmcsControl32.VM_ENTRY_EXCEPTION_ERROR_CODE,
          VmcsControl32.VM_ENTRY_INSTRUCTION_LENGTH, VmcsControl64.INJECTED_EVENT_DATA);
      rule(c, range(FRED, FRED), "IDTVectoring: info=%08x errcode=%08x " + eventData + "=%016llx",
          VmcsReadOnly32.IDT_VECTORING_INFORMATION, VmcsReadOnly32.IDT_VECTORING_ERROR_CODE,
          VmcsReadOnly64.ORIGINAL_EVENT_DATA);
    }
    rule(c, ALL, "VMEntry: intr_info=%08x errcode=%08x ilen=%08x", VmcsControl32.VM_ENTRY_INTERRUPTION_INFORMATION,
        VmcsControl32.VM_ENTRY_EXCEPTION_ERROR_CODE, VmcsControl32.VM_ENTRY_INSTRUCTION_LENGTH);
    rule(c, ALL, "VMExit: intr_info=%08x errcode=%08x ilen=%08x", VmcsReadOnly32.VM_EXIT_INTERRUPTION_INFORMATION,
        VmcsReadOnly32.VM_EXIT_INTERRUPTION_ERROR_CODE, VmcsReadOnly32.VM_EXIT_INSTRUCTION_LENGTH);
    rule(c, ALL, "reason=%08x qualification=%016lx", VmcsReadOnly32.EXIT_REASON, VmcsReadOnlyNW.EXIT_QUALIFICATION);
    rule(c, ALL, "IDTVectoring: info=%08x errcode=%08x", VmcsReadOnly32.IDT_VECTORING_INFORMATION,
        VmcsReadOnly32.IDT_VECTORING_ERROR_CODE);
    rule(c, ALL, "TSC Offset = 0x%016llx", VmcsControl64.TSC_OFFSET);
    rule(c, ALL, "TSC Multiplier = 0x%016llx", VmcsControl64.TSC_MULTIPLIER);
    // pr_err("SVI|RVI = %02x|%02x ") then pr_cont("TPR Threshold = 0x%02x\n"): SVI is the guest interrupt
    // status's high byte, RVI its low byte (SDM Vol. 3C 25.4.2).
    RULES.add(new Rule(c, new DumpTemplate("SVI|RVI = %02x|%02x TPR Threshold = 0x%02x"),
        List.of(Target.shifted(VmcsGuest16.INTERRUPT_STATUS, 8), Target.of(VmcsGuest16.INTERRUPT_STATUS),
            Target.of(VmcsControl32.TPR_THRESHOLD)), ALL, null));
    RULES.add(new Rule(c, new DumpTemplate("SVI|RVI = %02x|%02x"),
        List.of(Target.shifted(VmcsGuest16.INTERRUPT_STATUS, 8), Target.of(VmcsGuest16.INTERRUPT_STATUS)), ALL,
        null));
    rule(c, ALL, "TPR Threshold = 0x%02x", VmcsControl32.TPR_THRESHOLD);
    rule(c, ALL, "APIC-access addr = 0x%016llx virt-APIC addr = 0x%016llx", VmcsControl64.APIC_ACCESS_ADDRESS,
        VmcsControl64.VIRTUAL_APIC_ADDRESS);
    rule(c, ALL, "APIC-access addr = 0x%016llx", VmcsControl64.APIC_ACCESS_ADDRESS);
    rule(c, ALL, "virt-APIC addr = 0x%016llx", VmcsControl64.VIRTUAL_APIC_ADDRESS);
    rule(c, ALL, "PostedIntrVec = 0x%02x", VmcsControl16.POSTED_INTERRUPT_NOTIFICATION_VECTOR);
    // 4.x printed "0x%08llx", later kernels "0x%016llx": at least 8 digits either way.
    rule(c, ALL, "EPT pointer = 0x%08llx", VmcsControl64.EPT_POINTER);
    VmcsField[] targets = {VmcsControlNW.CR3_TARGET_VALUE_0, VmcsControlNW.CR3_TARGET_VALUE_1,
        VmcsControlNW.CR3_TARGET_VALUE_2, VmcsControlNW.CR3_TARGET_VALUE_3};
    RULES.add(new Rule(c, new DumpTemplate("CR3 target%u=%016lx target%u=%016lx"),
        List.of(Target.index(targets), Target.ignored(), Target.index(targets), Target.ignored()),
        range(CLASSIC, CLASSIC), null));
    RULES.add(new Rule(c, new DumpTemplate("CR3 target%u=%016lx"), List.of(Target.index(targets), Target.ignored()),
        range(CLASSIC, CLASSIC), null));
    rule(c, ALL, "PLE Gap=%08x Window=%08x", VmcsControl32.PLE_GAP, VmcsControl32.PLE_WINDOW);
    rule(c, ALL, "Virtual processor ID = 0x%04x", VmcsControl16.VIRTUAL_PROCESSOR_ID);
    // The CET series' earlier versions printed the host's CET lines last, after the VPID line ("if
    // (vmexit_ctl & VM_EXIT_LOAD_CET_STATE)"), so in the control section.
    cetLines(c, VmcsHostNW.IA32_S_CET, VmcsHostNW.SSP, VmcsHostNW.IA32_INTERRUPT_SSP_TABLE_ADDR);
    // Linux 6.10 (the EPT-violation #VE series) prints the #VE information address, and from 6.12 marks it
    // "(corrupted!)" when it is not the page KVM set: the VMCS field either way. The "ve_info:" line after it
    // is that page's contents, memory KVM read, not VMCS fields.
    rule(c, range(TERTIARY, FRED), "VE info address = 0x%016llx",
        VmcsControl64.VIRTUALIZATION_EXCEPTION_INFORMATION_ADDRESS);
    rule(c, range(TERTIARY, FRED), "VE info address = 0x%016llx(corrupted!)",
        VmcsControl64.VIRTUALIZATION_EXCEPTION_INFORMATION_ADDRESS);
    RULES.add(Rule.skipped(c, range(TERTIARY, FRED), "ve_info: 0x%08x 0x%08x 0x%016llx 0x%016llx 0x%016llx 0x%04x",
        DumpProblem.VE_INFO_AREA));
  }

  /** Parses a dump, as {@link #parse(String, String)} with the file name {@value #NO_FILE}. */
  public static Parsed<VmcsImage> parse(String text) {
    return parse(text, NO_FILE);
  }

  /**
   * Parses a dump: the image of every field it prints, with a warning for every dump line that is no field.
   *
   * @param file the name problems carry ({@code FILE:LINE})
   * @throws ProblemException with every problem if the text holds no dump (no field could be read) or a
   *     value does not fit its field
   */
  public static Parsed<VmcsImage> parse(String text, String file) {
    return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), file).parsed();
  }

  /**
   * Reads a dump from UTF-8 text of any size, line by line: the image, its problems and the layout
   * recognised. A byte sequence that is not UTF-8 is read as U+FFFD, and a warning on a line of the dump.
   *
   * @param text the bytes, which the caller closes
   * @param file the name problems carry ({@code FILE:LINE})
   * @throws ProblemException as {@link #parse(String, String)}
   * @throws java.io.UncheckedIOException if the stream fails
   */
  public static DumpReading read(InputStream text, String file) {
    return DumpReader.read(DIALECT, text, file);
  }
}
