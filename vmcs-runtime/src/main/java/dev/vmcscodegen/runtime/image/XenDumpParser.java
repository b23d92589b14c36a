package dev.vmcscodegen.runtime.image;

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
import java.util.Arrays;
import java.util.List;

/**
 * Reads the VMCS dump Xen prints ({@code vmcs_dump_vcpu} in {@code xen/arch/x86/hvm/vmx/vmcs.c}; on a failed
 * VM entry and for the {@code 'v'} debug key), each line shape Xen's own {@code printk} format: the guest
 * registers with Xen's copy in parentheses ({@code RSP = 0x%016lx (0x%016lx)}, the copy ignored), the
 * segment table under {@code sel  attr  limit   base} ({@code   CS: %04x %05x %08x %016lx}),
 * {@code EFER(VMCS)} or {@code EFER(MSR LL)} (the MSR-load list's value, not the field), the preemption
 * timer and SMBASE, and the control lines pairing two fields. Xen's console prefixes ({@code (XEN) },
 * {@code (XEN) [2019-11-02 14:09:46] }) and everything else around the lines is {@link DumpReader}'s.
 */
public final class XenDumpParser {

  private static final List<Rule> RULES = new ArrayList<>();
  private static final long XEN = 1;

  static {
    guest();
    host();
    control();
  }

  static final DumpDialect DIALECT = new DumpDialect("Xen vmcs_dump_vcpu", "  CS: 0008 0a099 ffffffff 0000000000000000",
      List.of(new Layout("Xen 4.x", "later")), List.of(), RULES);

  private XenDumpParser() {}

  private static void rule(Section section, String format, VmcsField... fields) {
    RULES.add(new Rule(section, new DumpTemplate(format),
        Arrays.stream(fields).map(field -> field == null ? Target.ignored() : Target.of(field)).toList(), XEN, null));
  }

  private static void segment(String register, VmcsField selector, VmcsField accessRights, VmcsField limit,
      VmcsField base) {
    // vmx_dump_sel: "%s: %04x %05x %08x %016"PRIx64 (selector, attributes, limit, base)
    rule(Section.GUEST, register + ": %04x %05x %08x %016lx", selector, accessRights, limit, base);
  }

  private static void guest() {
    Section g = Section.GUEST;
    rule(g, "CR0: actual=0x%016lx, shadow=0x%016lx, gh_mask=%016lx", VmcsGuestNW.CR0,
        VmcsControlNW.CR0_READ_SHADOW, VmcsControlNW.CR0_GUEST_HOST_MASK);
    rule(g, "CR4: actual=0x%016lx, shadow=0x%016lx, gh_mask=%016lx", VmcsGuestNW.CR4,
        VmcsControlNW.CR4_READ_SHADOW, VmcsControlNW.CR4_GUEST_HOST_MASK);
    rule(g, "CR3 = 0x%016lx", VmcsGuestNW.CR3);
    rule(g, "PDPTE0 = 0x%016lx  PDPTE1 = 0x%016lx", VmcsGuest64.PDPTE0, VmcsGuest64.PDPTE1);
    rule(g, "PDPTE2 = 0x%016lx  PDPTE3 = 0x%016lx", VmcsGuest64.PDPTE2, VmcsGuest64.PDPTE3);
    rule(g, "RSP = 0x%016lx (0x%016lx)  RIP = 0x%016lx (0x%016lx)", VmcsGuestNW.RSP, null, VmcsGuestNW.RIP, null);
    rule(g, "RFLAGS=0x%08lx (0x%08lx)  DR7 = 0x%016lx", VmcsGuestNW.RFLAGS, null, VmcsGuestNW.DR7);
    rule(g, "Sysenter RSP=%016lx CS:RIP=%04x:%016lx", VmcsGuestNW.IA32_SYSENTER_ESP, VmcsGuest32.IA32_SYSENTER_CS,
        VmcsGuestNW.IA32_SYSENTER_EIP);
    rule(g, "sel attr limit base");
    segment("CS", VmcsGuest16.CS_SELECTOR, VmcsGuest32.CS_ACCESS_RIGHTS, VmcsGuest32.CS_LIMIT, VmcsGuestNW.CS_BASE);
    segment("DS", VmcsGuest16.DS_SELECTOR, VmcsGuest32.DS_ACCESS_RIGHTS, VmcsGuest32.DS_LIMIT, VmcsGuestNW.DS_BASE);
    segment("SS", VmcsGuest16.SS_SELECTOR, VmcsGuest32.SS_ACCESS_RIGHTS, VmcsGuest32.SS_LIMIT, VmcsGuestNW.SS_BASE);
    segment("ES", VmcsGuest16.ES_SELECTOR, VmcsGuest32.ES_ACCESS_RIGHTS, VmcsGuest32.ES_LIMIT, VmcsGuestNW.ES_BASE);
    segment("FS", VmcsGuest16.FS_SELECTOR, VmcsGuest32.FS_ACCESS_RIGHTS, VmcsGuest32.FS_LIMIT, VmcsGuestNW.FS_BASE);
    segment("GS", VmcsGuest16.GS_SELECTOR, VmcsGuest32.GS_ACCESS_RIGHTS, VmcsGuest32.GS_LIMIT, VmcsGuestNW.GS_BASE);
    segment("LDTR", VmcsGuest16.LDTR_SELECTOR, VmcsGuest32.LDTR_ACCESS_RIGHTS, VmcsGuest32.LDTR_LIMIT,
        VmcsGuestNW.LDTR_BASE);
    segment("TR", VmcsGuest16.TR_SELECTOR, VmcsGuest32.TR_ACCESS_RIGHTS, VmcsGuest32.TR_LIMIT, VmcsGuestNW.TR_BASE);
    // vmx_dump_sel2: "%s:            %08x %016"PRIx64 (limit, base)
    rule(g, "GDTR: %08x %016lx", VmcsGuest32.GDTR_LIMIT, VmcsGuestNW.GDTR_BASE);
    rule(g, "IDTR: %08x %016lx", VmcsGuest32.IDTR_LIMIT, VmcsGuestNW.IDTR_BASE);
    rule(g, "EFER = 0x%016lx  PAT = 0x%016lx", VmcsGuest64.IA32_EFER, VmcsGuest64.IA32_PAT);
    rule(g, "EFER(VMCS) = 0x%016lx  PAT = 0x%016lx", VmcsGuest64.IA32_EFER, VmcsGuest64.IA32_PAT);
    RULES.add(new Rule(g, new DumpTemplate("EFER(MSR LL) = 0x%016lx  PAT = 0x%016lx"),
        List.of(Target.ignored(), Target.of(VmcsGuest64.IA32_PAT)), XEN, DumpProblem.MSR_LIST_EFER));
    rule(g, "PreemptionTimer = 0x%08x  SM Base = 0x%08x", VmcsGuest32.VMX_PREEMPTION_TIMER_VALUE,
        VmcsGuest32.SMBASE);
    rule(g, "DebugCtl = 0x%016lx  DebugExceptions = 0x%016lx", VmcsGuest64.IA32_DEBUGCTL,
        VmcsGuestNW.PENDING_DEBUG_EXCEPTIONS);
    rule(g, "PerfGlobCtl = 0x%016lx  BndCfgS = 0x%016lx", VmcsGuest64.IA32_PERF_GLOBAL_CTRL,
        VmcsGuest64.IA32_BNDCFGS);
    rule(g, "Interruptibility = %08x  ActivityState = %08x", VmcsGuest32.INTERRUPTIBILITY_STATE,
        VmcsGuest32.ACTIVITY_STATE);
    rule(g, "InterruptStatus = %04x", VmcsGuest16.INTERRUPT_STATUS);
  }

  private static void host() {
    Section h = Section.HOST;
    rule(h, "RIP = 0x%016lx (%ps)  RSP = 0x%016lx", VmcsHostNW.RIP, VmcsHostNW.RSP);
    rule(h, "CS=%04x SS=%04x DS=%04x ES=%04x FS=%04x GS=%04x TR=%04x", VmcsHost16.CS_SELECTOR,
        VmcsHost16.SS_SELECTOR, VmcsHost16.DS_SELECTOR, VmcsHost16.ES_SELECTOR, VmcsHost16.FS_SELECTOR,
        VmcsHost16.GS_SELECTOR, VmcsHost16.TR_SELECTOR);
    rule(h, "FSBase=%016lx GSBase=%016lx TRBase=%016lx", VmcsHostNW.FS_BASE, VmcsHostNW.GS_BASE,
        VmcsHostNW.TR_BASE);
    rule(h, "GDTBase=%016lx IDTBase=%016lx", VmcsHostNW.GDTR_BASE, VmcsHostNW.IDTR_BASE);
    rule(h, "CR0=%016lx CR3=%016lx CR4=%016lx", VmcsHostNW.CR0, VmcsHostNW.CR3, VmcsHostNW.CR4);
    rule(h, "Sysenter RSP=%016lx CS:RIP=%04x:%016lx", VmcsHostNW.IA32_SYSENTER_ESP, VmcsHost32.IA32_SYSENTER_CS,
        VmcsHostNW.IA32_SYSENTER_EIP);
    rule(h, "EFER = 0x%016lx  PAT = 0x%016lx", VmcsHost64.IA32_EFER, VmcsHost64.IA32_PAT);
    rule(h, "PerfGlobCtl = 0x%016lx", VmcsHost64.IA32_PERF_GLOBAL_CTRL);
  }

  private static void control() {
    Section c = Section.CONTROL;
    rule(c, "PinBased=%08x CPUBased=%08x SecondaryExec=%08x", VmcsControl32.PIN_BASED_VM_EXECUTION_CONTROLS,
        VmcsControl32.PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS,
        VmcsControl32.SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS);
    rule(c, "EntryControls=%08x ExitControls=%08x", VmcsControl32.VM_ENTRY_CONTROLS,
        VmcsControl32.PRIMARY_VM_EXIT_CONTROLS);
    rule(c, "ExceptionBitmap=%08x PFECmask=%08x PFECmatch=%08x", VmcsControl32.EXCEPTION_BITMAP,
        VmcsControl32.PAGE_FAULT_ERROR_CODE_MASK, VmcsControl32.PAGE_FAULT_ERROR_CODE_MATCH);
    rule(c, "VMEntry: intr_info=%08x errcode=%08x ilen=%08x", VmcsControl32.VM_ENTRY_INTERRUPTION_INFORMATION,
        VmcsControl32.VM_ENTRY_EXCEPTION_ERROR_CODE, VmcsControl32.VM_ENTRY_INSTRUCTION_LENGTH);
    rule(c, "VMExit: intr_info=%08x errcode=%08x ilen=%08x", VmcsReadOnly32.VM_EXIT_INTERRUPTION_INFORMATION,
        VmcsReadOnly32.VM_EXIT_INTERRUPTION_ERROR_CODE, VmcsReadOnly32.VM_EXIT_INSTRUCTION_LENGTH);
    rule(c, "reason=%08x qualification=%016lx", VmcsReadOnly32.EXIT_REASON, VmcsReadOnlyNW.EXIT_QUALIFICATION);
    rule(c, "IDTVectoring: info=%08x errcode=%08x", VmcsReadOnly32.IDT_VECTORING_INFORMATION,
        VmcsReadOnly32.IDT_VECTORING_ERROR_CODE);
    rule(c, "TSC Offset = 0x%016lx  TSC Multiplier = 0x%016lx", VmcsControl64.TSC_OFFSET,
        VmcsControl64.TSC_MULTIPLIER);
    rule(c, "TPR Threshold = 0x%02x  PostedIntrVec = 0x%02x", VmcsControl32.TPR_THRESHOLD,
        VmcsControl16.POSTED_INTERRUPT_NOTIFICATION_VECTOR);
    rule(c, "EPT pointer = 0x%016lx  EPTP index = 0x%04x", VmcsControl64.EPT_POINTER, VmcsControl16.EPTP_INDEX);
    rule(c, "PLE Gap=%08x Window=%08x", VmcsControl32.PLE_GAP, VmcsControl32.PLE_WINDOW);
    rule(c, "Virtual processor ID = 0x%04x VMfunc controls = %016lx", VmcsControl16.VIRTUAL_PROCESSOR_ID,
        VmcsControl64.VM_FUNCTION_CONTROLS);
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
