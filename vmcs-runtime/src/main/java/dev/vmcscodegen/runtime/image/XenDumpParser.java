package dev.vmcscodegen.runtime.image;

import static dev.vmcscodegen.runtime.image.DumpDialect.layouts;
import static dev.vmcscodegen.runtime.image.DumpDialect.range;

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
import dev.vmcscodegen.runtime.fields.VmcsReadOnlyNW;
import dev.vmcscodegen.runtime.image.DumpDialect.Layout;
import dev.vmcscodegen.runtime.image.DumpDialect.Rule;
import dev.vmcscodegen.runtime.image.DumpDialect.Section;
import dev.vmcscodegen.runtime.image.DumpDialect.Target;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the VMCS dump Xen prints ({@code vmcs_dump_vcpu} in {@code xen/arch/x86/hvm/vmx/vmcs.c}; on a failed
 * VM entry and for the {@code 'v'} debug key), each line shape Xen's own {@code printk} format, tagged with
 * the layouts that print it:
 *
 * <ol start="0">
 *   <li>Xen 3.4 to 4.5: segments as {@code CS: sel=0x%04x, attr=0x%05x, limit=0x%08x, base=0x%016"PRIx64},
 *       {@code CR3: actual=0x%016llx, target_count=%d} and the four CR3-target values,
 *       {@code Guest PAT = 0x%08x%08x} (high and low halves: one 16-digit number), {@code TSC Offset} in the
 *       guest section, {@code Interruptibility=%04x ActivityState=%04x}, the host's {@code RSP} before its
 *       {@code RIP} and {@code DS} before {@code SS}, an 8-digit exit qualification, and a {@code VMExit} line
 *       whose {@code ilen} is the VM-entry instruction length (Xen passed {@code VM_ENTRY_INSTRUCTION_LEN}),
 *       so not read;
 *   <li>Xen 4.6 to 4.18 (Jan Beulich's 2015 "VMX: dump full guest state" and siblings): the guest
 *       registers with Xen's copy in parentheses ({@code RSP = 0x%016lx (0x%016lx)}, the copy ignored), the
 *       segment table under {@code sel  attr  limit   base} ({@code   CS: %04x %05x %08x %016lx}),
 *       {@code EFER(VMCS)} or {@code EFER(MSR LL)} from 4.12 (the MSR-load list's value, not the field), the
 *       preemption timer and SMBASE, the CR3-target lines, and the control lines pairing two fields;
 *   <li>Xen 4.19 and later: {@code PinBased=%08x CPUBased=%08x} and
 *       {@code SecondaryExec=%08x TertiaryExec=%016lx}, and {@code SPEC_CTRL mask = 0x%016lx  shadow = ...}.
 * </ol>
 *
 * <p>Xen 3.2 and 3.3 printed the segments' attributes in Xen's own format, not the VMCS access rights: their
 * dumps are read as the first layout, so those attributes are wrong. Xen's console prefixes
 * ({@code (XEN) }, {@code (XEN) [2019-11-02 14:09:46] }) and everything else around the lines is
 * {@link DumpReader}'s.
 */
public final class XenDumpParser {

  private static final List<Rule> RULES = new ArrayList<>();

  private static final int OLD = 0;
  private static final int TABLE = 1;
  private static final int TERTIARY = 2;
  private static final long ALL = range(OLD, TERTIARY);
  private static final long SINCE_4_6 = range(TABLE, TERTIARY);

  private static final List<Layout> LAYOUTS = List.of(
      new Layout("Xen 3.4", "4.5"),
      new Layout("Xen 4.6", "4.18"),
      new Layout("Xen 4.19", "later"));

  static {
    guest();
    host();
    control();
  }

  static final DumpDialect DIALECT = new DumpDialect("Xen vmcs_dump_vcpu", "  CS: 0008 0a099 ffffffff 0000000000000000",
      LAYOUTS, List.of(), RULES);

  private XenDumpParser() {}

  private static void rule(Section section, long layouts, String format, VmcsField... fields) {
    RULES.add(Rule.fields(section, layouts, format, fields));
  }

  private static void segment(String register, VmcsField selector, VmcsField accessRights, VmcsField limit,
      VmcsField base) {
    // vmx_dump_sel: "%s: %04x %05x %08x %016"PRIx64 (selector, attributes, limit, base); before 4.6
    // "%s: sel=0x%04x, attr=0x%05x, limit=0x%08x, base=0x%016"PRIx64.
    rule(Section.GUEST, SINCE_4_6, register + ": %04x %05x %08x %016lx", selector, accessRights, limit, base);
    rule(Section.GUEST, layouts(OLD), register + ": sel=0x%04x, attr=0x%05x, limit=0x%08x, base=0x%016lx",
        selector, accessRights, limit, base);
  }

  private static void guest() {
    Section g = Section.GUEST;
    rule(g, ALL, "CR0: actual=0x%016lx, shadow=0x%016lx, gh_mask=%016lx", VmcsGuestNW.CR0,
        VmcsControlNW.CR0_READ_SHADOW, VmcsControlNW.CR0_GUEST_HOST_MASK);
    rule(g, ALL, "CR4: actual=0x%016lx, shadow=0x%016lx, gh_mask=%016lx", VmcsGuestNW.CR4,
        VmcsControlNW.CR4_READ_SHADOW, VmcsControlNW.CR4_GUEST_HOST_MASK);
    rule(g, SINCE_4_6, "CR3 = 0x%016lx", VmcsGuestNW.CR3);
    rule(g, layouts(OLD), "CR3: actual=0x%016llx, target_count=%d", VmcsGuestNW.CR3, VmcsControl32.CR3_TARGET_COUNT);
    rule(g, layouts(OLD), "target0=%016llx, target1=%016llx", VmcsControlNW.CR3_TARGET_VALUE_0,
        VmcsControlNW.CR3_TARGET_VALUE_1);
    rule(g, layouts(OLD), "target2=%016llx, target3=%016llx", VmcsControlNW.CR3_TARGET_VALUE_2,
        VmcsControlNW.CR3_TARGET_VALUE_3);
    rule(g, SINCE_4_6, "PDPTE0 = 0x%016lx  PDPTE1 = 0x%016lx", VmcsGuest64.PDPTE0, VmcsGuest64.PDPTE1);
    rule(g, SINCE_4_6, "PDPTE2 = 0x%016lx  PDPTE3 = 0x%016lx", VmcsGuest64.PDPTE2, VmcsGuest64.PDPTE3);
    rule(g, ALL, "RSP = 0x%016lx (0x%016lx)  RIP = 0x%016lx (0x%016lx)", VmcsGuestNW.RSP, null, VmcsGuestNW.RIP,
        null);
    // 4.6 and later print "RFLAGS=0x%08lx", before "0x%016llx": at least 8 digits either way.
    rule(g, ALL, "RFLAGS=0x%08lx (0x%08lx)  DR7 = 0x%016lx", VmcsGuestNW.RFLAGS, null, VmcsGuestNW.DR7);
    rule(g, ALL, "Sysenter RSP=%016lx CS:RIP=%04x:%016lx", VmcsGuestNW.IA32_SYSENTER_ESP,
        VmcsGuest32.IA32_SYSENTER_CS, VmcsGuestNW.IA32_SYSENTER_EIP);
    rule(g, SINCE_4_6, "sel attr limit base");
    segment("CS", VmcsGuest16.CS_SELECTOR, VmcsGuest32.CS_ACCESS_RIGHTS, VmcsGuest32.CS_LIMIT, VmcsGuestNW.CS_BASE);
    segment("DS", VmcsGuest16.DS_SELECTOR, VmcsGuest32.DS_ACCESS_RIGHTS, VmcsGuest32.DS_LIMIT, VmcsGuestNW.DS_BASE);
    segment("SS", VmcsGuest16.SS_SELECTOR, VmcsGuest32.SS_ACCESS_RIGHTS, VmcsGuest32.SS_LIMIT, VmcsGuestNW.SS_BASE);
    segment("ES", VmcsGuest16.ES_SELECTOR, VmcsGuest32.ES_ACCESS_RIGHTS, VmcsGuest32.ES_LIMIT, VmcsGuestNW.ES_BASE);
    segment("FS", VmcsGuest16.FS_SELECTOR, VmcsGuest32.FS_ACCESS_RIGHTS, VmcsGuest32.FS_LIMIT, VmcsGuestNW.FS_BASE);
    segment("GS", VmcsGuest16.GS_SELECTOR, VmcsGuest32.GS_ACCESS_RIGHTS, VmcsGuest32.GS_LIMIT, VmcsGuestNW.GS_BASE);
    segment("LDTR", VmcsGuest16.LDTR_SELECTOR, VmcsGuest32.LDTR_ACCESS_RIGHTS, VmcsGuest32.LDTR_LIMIT,
        VmcsGuestNW.LDTR_BASE);
    segment("TR", VmcsGuest16.TR_SELECTOR, VmcsGuest32.TR_ACCESS_RIGHTS, VmcsGuest32.TR_LIMIT, VmcsGuestNW.TR_BASE);
    // vmx_dump_sel2: "%s:            %08x %016"PRIx64 (limit, base); before 4.6 "limit=0x%08x, base=0x%016"PRIx64.
    rule(g, SINCE_4_6, "GDTR: %08x %016lx", VmcsGuest32.GDTR_LIMIT, VmcsGuestNW.GDTR_BASE);
    rule(g, SINCE_4_6, "IDTR: %08x %016lx", VmcsGuest32.IDTR_LIMIT, VmcsGuestNW.IDTR_BASE);
    rule(g, layouts(OLD), "GDTR: limit=0x%08x, base=0x%016lx", VmcsGuest32.GDTR_LIMIT, VmcsGuestNW.GDTR_BASE);
    rule(g, layouts(OLD), "IDTR: limit=0x%08x, base=0x%016lx", VmcsGuest32.IDTR_LIMIT, VmcsGuestNW.IDTR_BASE);
    rule(g, SINCE_4_6, "EFER = 0x%016lx  PAT = 0x%016lx", VmcsGuest64.IA32_EFER, VmcsGuest64.IA32_PAT);
    rule(g, SINCE_4_6, "EFER(VMCS) = 0x%016lx  PAT = 0x%016lx", VmcsGuest64.IA32_EFER, VmcsGuest64.IA32_PAT);
    RULES.add(new Rule(g, new DumpTemplate("EFER(MSR LL) = 0x%016lx  PAT = 0x%016lx"),
        List.of(Target.ignored(), Target.of(VmcsGuest64.IA32_PAT)), SINCE_4_6, DumpProblem.MSR_LIST_EFER));
    // "Guest PAT = 0x%08x%08x" of the high and the low half: the 16 digits of "0x%016llx".
    rule(g, layouts(OLD), "Guest PAT = 0x%016llx", VmcsGuest64.IA32_PAT);
    rule(g, layouts(OLD), "TSC Offset = %016llx", VmcsControl64.TSC_OFFSET);
    rule(g, SINCE_4_6, "PreemptionTimer = 0x%08x  SM Base = 0x%08x", VmcsGuest32.VMX_PREEMPTION_TIMER_VALUE,
        VmcsGuest32.SMBASE);
    rule(g, SINCE_4_6, "DebugCtl = 0x%016lx  DebugExceptions = 0x%016lx", VmcsGuest64.IA32_DEBUGCTL,
        VmcsGuestNW.PENDING_DEBUG_EXCEPTIONS);
    rule(g, layouts(OLD), "DebugCtl=%016llx DebugExceptions=%016llx", VmcsGuest64.IA32_DEBUGCTL,
        VmcsGuestNW.PENDING_DEBUG_EXCEPTIONS);
    rule(g, SINCE_4_6, "PerfGlobCtl = 0x%016lx  BndCfgS = 0x%016lx", VmcsGuest64.IA32_PERF_GLOBAL_CTRL,
        VmcsGuest64.IA32_BNDCFGS);
    rule(g, SINCE_4_6, "Interruptibility = %08x  ActivityState = %08x", VmcsGuest32.INTERRUPTIBILITY_STATE,
        VmcsGuest32.ACTIVITY_STATE);
    rule(g, layouts(OLD), "Interruptibility=%04x ActivityState=%04x", VmcsGuest32.INTERRUPTIBILITY_STATE,
        VmcsGuest32.ACTIVITY_STATE);
    rule(g, SINCE_4_6, "InterruptStatus = %04x", VmcsGuest16.INTERRUPT_STATUS);
    rule(g, layouts(TERTIARY), "SPEC_CTRL mask = 0x%016lx  shadow = 0x%016lx", VmcsControl64.IA32_SPEC_CTRL_MASK,
        VmcsControl64.IA32_SPEC_CTRL_SHADOW);
  }

  private static void host() {
    Section h = Section.HOST;
    rule(h, SINCE_4_6, "RIP = 0x%016lx (%ps)  RSP = 0x%016lx", VmcsHostNW.RIP, VmcsHostNW.RSP);
    rule(h, layouts(OLD), "RSP = 0x%016llx  RIP = 0x%016llx", VmcsHostNW.RSP, VmcsHostNW.RIP);
    rule(h, SINCE_4_6, "CS=%04x SS=%04x DS=%04x ES=%04x FS=%04x GS=%04x TR=%04x", VmcsHost16.CS_SELECTOR,
        VmcsHost16.SS_SELECTOR, VmcsHost16.DS_SELECTOR, VmcsHost16.ES_SELECTOR, VmcsHost16.FS_SELECTOR,
        VmcsHost16.GS_SELECTOR, VmcsHost16.TR_SELECTOR);
    rule(h, layouts(OLD), "CS=%04x DS=%04x ES=%04x FS=%04x GS=%04x SS=%04x TR=%04x", VmcsHost16.CS_SELECTOR,
        VmcsHost16.DS_SELECTOR, VmcsHost16.ES_SELECTOR, VmcsHost16.FS_SELECTOR, VmcsHost16.GS_SELECTOR,
        VmcsHost16.SS_SELECTOR, VmcsHost16.TR_SELECTOR);
    rule(h, ALL, "FSBase=%016lx GSBase=%016lx TRBase=%016lx", VmcsHostNW.FS_BASE, VmcsHostNW.GS_BASE,
        VmcsHostNW.TR_BASE);
    rule(h, ALL, "GDTBase=%016lx IDTBase=%016lx", VmcsHostNW.GDTR_BASE, VmcsHostNW.IDTR_BASE);
    rule(h, ALL, "CR0=%016lx CR3=%016lx CR4=%016lx", VmcsHostNW.CR0, VmcsHostNW.CR3, VmcsHostNW.CR4);
    rule(h, ALL, "Sysenter RSP=%016lx CS:RIP=%04x:%016lx", VmcsHostNW.IA32_SYSENTER_ESP, VmcsHost32.IA32_SYSENTER_CS,
        VmcsHostNW.IA32_SYSENTER_EIP);
    rule(h, SINCE_4_6, "EFER = 0x%016lx  PAT = 0x%016lx", VmcsHost64.IA32_EFER, VmcsHost64.IA32_PAT);
    rule(h, layouts(OLD), "Host PAT = 0x%016llx", VmcsHost64.IA32_PAT);
    rule(h, SINCE_4_6, "PerfGlobCtl = 0x%016lx", VmcsHost64.IA32_PERF_GLOBAL_CTRL);
  }

  private static void control() {
    Section c = Section.CONTROL;
    VmcsField pin = VmcsControl32.PIN_BASED_VM_EXECUTION_CONTROLS;
    VmcsField primary = VmcsControl32.PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS;
    VmcsField secondary = VmcsControl32.SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS;
    rule(c, range(OLD, TABLE), "PinBased=%08x CPUBased=%08x SecondaryExec=%08x", pin, primary, secondary);
    rule(c, layouts(TERTIARY), "PinBased=%08x CPUBased=%08x", pin, primary);
    rule(c, layouts(TERTIARY), "SecondaryExec=%08x TertiaryExec=%016lx", secondary,
        VmcsControl64.TERTIARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS);
    rule(c, ALL, "EntryControls=%08x ExitControls=%08x", VmcsControl32.VM_ENTRY_CONTROLS,
        VmcsControl32.PRIMARY_VM_EXIT_CONTROLS);
    rule(c, SINCE_4_6, "ExceptionBitmap=%08x PFECmask=%08x PFECmatch=%08x", VmcsControl32.EXCEPTION_BITMAP,
        VmcsControl32.PAGE_FAULT_ERROR_CODE_MASK, VmcsControl32.PAGE_FAULT_ERROR_CODE_MATCH);
    rule(c, layouts(OLD), "ExceptionBitmap=%08x", VmcsControl32.EXCEPTION_BITMAP);
    rule(c, ALL, "VMEntry: intr_info=%08x errcode=%08x ilen=%08x", VmcsControl32.VM_ENTRY_INTERRUPTION_INFORMATION,
        VmcsControl32.VM_ENTRY_EXCEPTION_ERROR_CODE, VmcsControl32.VM_ENTRY_INSTRUCTION_LENGTH);
    rule(c, SINCE_4_6, "VMExit: intr_info=%08x errcode=%08x ilen=%08x",
        VmcsReadOnly32.VM_EXIT_INTERRUPTION_INFORMATION, VmcsReadOnly32.VM_EXIT_INTERRUPTION_ERROR_CODE,
        VmcsReadOnly32.VM_EXIT_INSTRUCTION_LENGTH);
    rule(c, layouts(OLD), "VMExit: intr_info=%08x errcode=%08x ilen=%08x",
        VmcsReadOnly32.VM_EXIT_INTERRUPTION_INFORMATION, VmcsReadOnly32.VM_EXIT_INTERRUPTION_ERROR_CODE, null);
    rule(c, SINCE_4_6, "reason=%08x qualification=%016lx", VmcsReadOnly32.EXIT_REASON,
        VmcsReadOnlyNW.EXIT_QUALIFICATION);
    rule(c, layouts(OLD), "reason=%08x qualification=%08x", VmcsReadOnly32.EXIT_REASON,
        VmcsReadOnlyNW.EXIT_QUALIFICATION);
    rule(c, ALL, "IDTVectoring: info=%08x errcode=%08x", VmcsReadOnly32.IDT_VECTORING_INFORMATION,
        VmcsReadOnly32.IDT_VECTORING_ERROR_CODE);
    rule(c, range(TABLE, TERTIARY), "TSC Offset = 0x%016lx  TSC Multiplier = 0x%016lx", VmcsControl64.TSC_OFFSET,
        VmcsControl64.TSC_MULTIPLIER);
    rule(c, layouts(TABLE), "TSC Offset = 0x%016lx", VmcsControl64.TSC_OFFSET); // 4.6 alone
    rule(c, SINCE_4_6, "TPR Threshold = 0x%02x  PostedIntrVec = 0x%02x", VmcsControl32.TPR_THRESHOLD,
        VmcsControl16.POSTED_INTERRUPT_NOTIFICATION_VECTOR);
    rule(c, layouts(OLD), "TPR Threshold = 0x%02x", VmcsControl32.TPR_THRESHOLD);
    rule(c, SINCE_4_6, "EPT pointer = 0x%016lx  EPTP index = 0x%04x", VmcsControl64.EPT_POINTER,
        VmcsControl16.EPTP_INDEX);
    // "EPT pointer = 0x%08x%08x" of the high and the low half.
    rule(c, layouts(OLD), "EPT pointer = 0x%016llx", VmcsControl64.EPT_POINTER);
    VmcsField[] targets = {VmcsControlNW.CR3_TARGET_VALUE_0, VmcsControlNW.CR3_TARGET_VALUE_1,
        VmcsControlNW.CR3_TARGET_VALUE_2, VmcsControlNW.CR3_TARGET_VALUE_3};
    RULES.add(new Rule(c, new DumpTemplate("CR3 target%u=%016lx target%u=%016lx"),
        List.of(Target.index(targets), Target.ignored(), Target.index(targets), Target.ignored()), SINCE_4_6, null));
    RULES.add(new Rule(c, new DumpTemplate("CR3 target%u=%016lx"), List.of(Target.index(targets), Target.ignored()),
        SINCE_4_6, null));
    rule(c, SINCE_4_6, "PLE Gap=%08x Window=%08x", VmcsControl32.PLE_GAP, VmcsControl32.PLE_WINDOW);
    rule(c, SINCE_4_6, "Virtual processor ID = 0x%04x VMfunc controls = %016lx", VmcsControl16.VIRTUAL_PROCESSOR_ID,
        VmcsControl64.VM_FUNCTION_CONTROLS);
    rule(c, layouts(OLD), "Virtual processor ID = 0x%04x", VmcsControl16.VIRTUAL_PROCESSOR_ID);
  }

  /**
   * Reads a Xen dump from UTF-8 text of any size, line by line: the image, its problems and the layout. A
   * byte sequence that is not UTF-8 is read as U+FFFD, and a warning on a line of the dump.
   *
   * @param text the bytes, which the caller closes
   * @param file the name problems carry ({@code FILE:LINE})
   * @throws ProblemException with every problem if the text holds no dump or a value does not fit its field
   * @throws java.io.UncheckedIOException if the stream fails
   */
  public static DumpReading read(InputStream text, String file) {
    return DumpReader.read(DIALECT, text, file);
  }
}
