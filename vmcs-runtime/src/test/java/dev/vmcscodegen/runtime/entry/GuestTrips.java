package dev.vmcscodegen.runtime.entry;

import static dev.vmcscodegen.runtime.entry.Baselines.*;
import static dev.vmcscodegen.runtime.fields.VmcsEncodings.*;

import dev.vmcscodegen.runtime.exit.InterruptionType;
import dev.vmcscodegen.runtime.arch.AccessRightsLayout;
import dev.vmcscodegen.runtime.arch.InterruptionInfoLayout;
import dev.vmcscodegen.runtime.arch.SCet;
import dev.vmcscodegen.runtime.arch.PendingDebugExceptions;
import dev.vmcscodegen.runtime.arch.Interruptibility;
import dev.vmcscodegen.runtime.arch.ActivityState;
import dev.vmcscodegen.runtime.arch.Rflags;
import dev.vmcscodegen.runtime.arch.Efer;
import dev.vmcscodegen.runtime.arch.Cr4;
import dev.vmcscodegen.runtime.arch.Cr0;
import dev.vmcscodegen.runtime.control.VmEntryControl;
import dev.vmcscodegen.runtime.control.SecondaryProcessorBasedControl;
import java.util.List;

/**
 * Tripping cases for the guest register, RIP/RFLAGS, non-register and PDPTE checks, SDM Vol. 3C
 * 27.3.1.1 and 27.3.1.3 to 27.3.1.6.
 */
final class GuestTrips {

  private static final int ENTRY = VM_ENTRY_CONTROLS;
  private static final int INFO = VM_ENTRY_INTERRUPTION_INFORMATION;
  private static final int INTR = GUEST_INTERRUPTIBILITY_STATE;
  private static final int ACTIVITY = GUEST_ACTIVITY_STATE;
  private static final long NONCANONICAL = 0x0000_8000_0000_0000L;
  private static final long VALID = InterruptionInfoLayout.VALID;
  /** Table 25-17 interruption types in bits 10:8. */
  private static final long EXTERNAL_INTERRUPT = VALID | 0x20;
  private static final long NMI = VALID | ((long) InterruptionType.NMI.code() << 8) | 2;
  private static final long IF = Rflags.IF;

  private GuestTrips() {}

  /** The PAE guest at CPL 3: CS and SS with RPL 3 and DPL 3 (SDM Vol. 3A 5.5). */
  private static Scenario ring3() {
    return pae().set(GUEST_CS_SELECTOR, 0x0B).set(GUEST_CS_ACCESS_RIGHTS, 0xC0FB)
        .set(GUEST_SS_SELECTOR, 0x13).set(GUEST_SS_ACCESS_RIGHTS, 0xC0F3);
  }

  static List<Trip> all() {
    Scenario l = longMode();
    Scenario p = pae();
    return List.of(
        Trip.of("guest-cr0-fixed0", l.clear(GUEST_CR0, 1L << 5)),
        Trip.of("guest-cr0-fixed1", l.or(GUEST_CR0, 1L << 32)),
        Trip.of("guest-cr0-pg-needs-pe", realMode().or(GUEST_CR0, Cr0.PG)),
        Trip.of("guest-cr4-fixed0", l.clear(GUEST_CR4, 1L << 13)),
        Trip.of("guest-cr4-fixed1", l.or(GUEST_CR4, 1L << 12)),
        Trip.of("guest-cr4-cet-needs-wp", l.or(GUEST_CR4, Cr4.CET).clear(GUEST_CR0, Cr0.WP)),
        Trip.of("guest-debugctl-reserved", l.set(GUEST_IA32_DEBUGCTL, 1L << 2)),
        Trip.of("guest-ia32e-needs-pg", l.or(SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS,
            SecondaryProcessorBasedControl.UNRESTRICTED_GUEST.mask()).clear(GUEST_CR0, Cr0.PG)),
        Trip.of("guest-ia32e-needs-pae", l.clear(GUEST_CR4, Cr4.PAE)),
        Trip.of("guest-non-ia32e-no-pcide", p.or(GUEST_CR4, Cr4.PCIDE)),
        Trip.of("guest-cr3-width", l.set(GUEST_CR3, 1L << 46)),
        Trip.of("guest-dr7-high", l.or(GUEST_DR7, 1L << 32)),
        Trip.of("guest-sysenter-esp-canonical", l.set(GUEST_IA32_SYSENTER_ESP, NONCANONICAL)),
        Trip.of("guest-sysenter-eip-canonical", l.set(GUEST_IA32_SYSENTER_EIP, NONCANONICAL)),
        Trip.of("guest-perf-global-ctrl", l.facts(f -> f.withPerfGlobalCtrlReservedMask(~0x7_0000_000FL))
            .or(ENTRY, VmEntryControl.LOAD_IA32_PERF_GLOBAL_CTRL.mask()).set(GUEST_IA32_PERF_GLOBAL_CTRL, 1L << 40)),
        Trip.of("guest-pat-valid", l.set(GUEST_IA32_PAT, 0x0007_0406_0007_0403L)),
        Trip.of("guest-efer-reserved", l.or(GUEST_IA32_EFER, 1L << 1)),
        Trip.of("guest-efer-lma", l.clear(GUEST_IA32_EFER, Efer.LMA | Efer.LME)),
        Trip.of("guest-efer-lme", l.clear(GUEST_IA32_EFER, Efer.LME)),
        Trip.of("guest-bndcfgs", l.or(ENTRY, VmEntryControl.LOAD_IA32_BNDCFGS.mask()).set(GUEST_IA32_BNDCFGS, 1L << 2)),
        Trip.of("guest-cet-scet", l.or(ENTRY, VmEntryControl.LOAD_CET_STATE.mask())
            .set(GUEST_IA32_S_CET, SCet.SUPPRESS | SCet.TRACKER)),
        Trip.of("guest-cet-ssp-align", l.or(ENTRY, VmEntryControl.LOAD_CET_STATE.mask()).set(GUEST_SSP, 0x1001)),
        Trip.of("guest-cet-ssp-table-canonical", l.or(ENTRY, VmEntryControl.LOAD_CET_STATE.mask())
            .set(GUEST_IA32_INTERRUPT_SSP_TABLE_ADDR, NONCANONICAL)),
        Trip.of("guest-pkrs", l.or(ENTRY, VmEntryControl.LOAD_PKRS.mask()).set(GUEST_IA32_PKRS, 1L << 32)),
        // 27.3.1.3 and 27.3.1.4.
        Trip.of("guest-gdtr-base-canonical", l.set(GUEST_GDTR_BASE, NONCANONICAL)),
        Trip.of("guest-idtr-base-canonical", l.set(GUEST_IDTR_BASE, NONCANONICAL)),
        Trip.of("guest-gdtr-limit", l.set(GUEST_GDTR_LIMIT, 0x1_0000)),
        Trip.of("guest-idtr-limit", l.set(GUEST_IDTR_LIMIT, 0x1_0000)),
        Trip.of("guest-rip-high", p.set(GUEST_RIP, 1L << 32)),
        Trip.of("guest-rip-canonical", l.set(GUEST_RIP, NONCANONICAL)),
        Trip.of("guest-rflags-reserved", l.or(GUEST_RFLAGS, 1L << 3)),
        Trip.of("guest-rflags-bit1", l.set(GUEST_RFLAGS, 0)),
        Trip.of("guest-rflags-vm", realModeWithV86Segments().or(GUEST_RFLAGS, Rflags.VM)),
        Trip.of("guest-rflags-if-for-extint", l.set(INFO, EXTERNAL_INTERRUPT)),
        // 27.3.1.5: activity states 0-3 (SDM Vol. 3C 25.4.2); interruptibility bits of Table 25-3.
        Trip.of("guest-activity-value", l.set(ACTIVITY, 4)),
        Trip.of("guest-activity-hlt-ss-dpl", ring3().set(ACTIVITY, ActivityState.HLT)),
        Trip.of("guest-activity-blocking", l.or(GUEST_RFLAGS, IF).set(INTR, Interruptibility.BLOCKING_BY_STI)
            .set(ACTIVITY, ActivityState.HLT)),
        Trip.of("guest-activity-hlt-events", l.set(ACTIVITY, ActivityState.HLT).set(INFO, VALID | 0x300 | 6)),
        Trip.of("guest-activity-shutdown-events", l.or(GUEST_RFLAGS, IF).set(ACTIVITY, ActivityState.SHUTDOWN)
            .set(INFO, EXTERNAL_INTERRUPT)),
        Trip.of("guest-activity-wfs-no-events", l.set(ACTIVITY, ActivityState.WAIT_FOR_SIPI).set(INFO, NMI)),
        Trip.of("guest-activity-smm-no-wfs", l.facts(f -> f.withInSmm(true)).or(ENTRY, VmEntryControl.ENTRY_TO_SMM.mask())
            .set(INTR, Interruptibility.BLOCKING_BY_SMI).set(ACTIVITY, ActivityState.WAIT_FOR_SIPI)),
        Trip.of("guest-intr-reserved", l.set(INTR, 1L << 5)),
        Trip.of("guest-intr-sti-movss", l.or(GUEST_RFLAGS, IF).set(INTR, Interruptibility.BLOCKING_BY_STI | Interruptibility.BLOCKING_BY_MOV_SS)),
        Trip.of("guest-intr-sti-needs-if", l.set(INTR, Interruptibility.BLOCKING_BY_STI)),
        Trip.of("guest-intr-extint-blocking", l.or(GUEST_RFLAGS, IF).set(INTR, Interruptibility.BLOCKING_BY_MOV_SS)
            .set(INFO, EXTERNAL_INTERRUPT)),
        Trip.of("guest-intr-nmi-movss", l.set(INTR, Interruptibility.BLOCKING_BY_MOV_SS).set(INFO, NMI)),
        Trip.of("guest-intr-nmi-sti", l.facts(f -> f.withStrictNmiUnderSti(true)).or(GUEST_RFLAGS, IF)
            .set(INTR, Interruptibility.BLOCKING_BY_STI).set(INFO, NMI)),
        Trip.of("guest-intr-smi-outside-smm", l.set(INTR, Interruptibility.BLOCKING_BY_SMI)),
        Trip.of("guest-intr-smi-entry-to-smm", l.facts(f -> f.withInSmm(true)).or(ENTRY, VmEntryControl.ENTRY_TO_SMM.mask())),
        Trip.of("guest-intr-virtual-nmi-blocking", l.set(INTR, Interruptibility.BLOCKING_BY_NMI).set(INFO, NMI)),
        Trip.of("guest-intr-enclave", l.set(INTR, Interruptibility.ENCLAVE_INTERRUPTION)),
        Trip.of("guest-pending-dbg-reserved", l.set(GUEST_PENDING_DEBUG_EXCEPTIONS, 1L << 4)),
        Trip.of("guest-pending-dbg-bs-tf", l.or(GUEST_RFLAGS, IF | Rflags.TF).set(INTR, Interruptibility.BLOCKING_BY_STI)),
        Trip.of("guest-pending-dbg-bs-notf", l.or(GUEST_RFLAGS, IF).set(INTR, Interruptibility.BLOCKING_BY_STI)
            .set(GUEST_PENDING_DEBUG_EXCEPTIONS, PendingDebugExceptions.BS)),
        Trip.of("guest-pending-dbg-rtm", l.set(GUEST_PENDING_DEBUG_EXCEPTIONS,
            PendingDebugExceptions.RTM | PendingDebugExceptions.ENABLED_BREAKPOINT)),
        Trip.of("guest-link-ptr-align", l.set(GUEST_VMCS_LINK_POINTER, 0xD008)),
        Trip.of("guest-link-ptr-width", l.set(GUEST_VMCS_LINK_POINTER, 1L << 46)),
        Trip.of("guest-link-ptr-revision", l.set(GUEST_VMCS_LINK_POINTER, 0xD000).memory(0xD000, REVISION + 1)
            .facts(f -> f.withCurrentVmcsPointer(0xE000))),
        Trip.of("guest-link-ptr-not-current", l.set(GUEST_VMCS_LINK_POINTER, 0xD000).memory(0xD000, REVISION)
            .facts(f -> f.withCurrentVmcsPointer(0xD000))),
        // 27.3.1.6: PDPTE bit 1 is reserved (SDM Vol. 3A Table 4-8).
        Trip.of("guest-pdpte-ept", p.or(GUEST_PDPTE2, 1L << 1)),
        Trip.of("guest-pdpte-noept", p.clear(SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS, SecondaryProcessorBasedControl.ENABLE_EPT.mask())
            .memory(0x2000, 0x3000_0001L).memory(0x2008, 0x3000_1001L).memory(0x2010, 0x3000_2003L)
            .memory(0x2018, 0)));
  }

  /** The real-mode guest with the virtual-8086 segment values, so RFLAGS.VM breaks only the CR0.PE rule. */
  private static Scenario realModeWithV86Segments() {
    Scenario s = realMode();
    for (GuestSegment r : new GuestSegment[] {
        GuestSegment.CS, GuestSegment.SS, GuestSegment.DS, GuestSegment.ES, GuestSegment.FS, GuestSegment.GS}) {
      s = s.set(r.accessRights(), AccessRightsLayout.VIRTUAL_8086);
    }
    return s;
  }
}
