package dev.vmcscodegen.runtime.entry;

import static dev.vmcscodegen.runtime.fields.VmcsEncodings.*;
import static dev.vmcscodegen.runtime.entry.Rules.*;

import dev.vmcscodegen.runtime.EntryOutcome;
import dev.vmcscodegen.runtime.arch.ActivityState;
import dev.vmcscodegen.runtime.arch.DebugCtl;
import dev.vmcscodegen.runtime.arch.ExceptionVector;
import dev.vmcscodegen.runtime.arch.Interruptibility;
import dev.vmcscodegen.runtime.arch.InterruptionInfoLayout;
import dev.vmcscodegen.runtime.arch.PendingDebugExceptions;
import dev.vmcscodegen.runtime.arch.Rflags;
import dev.vmcscodegen.runtime.arch.VmcsPointer;
import dev.vmcscodegen.runtime.arch.VmcsRegionHeader;
import dev.vmcscodegen.runtime.capability.VmxMisc;
import dev.vmcscodegen.runtime.control.PinBasedControl;
import dev.vmcscodegen.runtime.control.SecondaryProcessorBasedControl;
import dev.vmcscodegen.runtime.control.VmEntryControl;
import dev.vmcscodegen.runtime.exit.InterruptionType;
import java.util.List;

/**
 * Checks on the guest non-register state, SDM Vol. 3C 27.3.1.5 (26.3.1.5 before 2023): activity state,
 * interruptibility state, pending debug exceptions, VMCS link pointer. A failure is exit reason 33 with
 * qualification 0, 3 (NMI under STI) or 4 (VMCS link pointer).
 */
final class GuestNonRegisterChecks {

  private static final String SECTION = "27.3.1.5";
  private static final int ACTIVITY = GUEST_ACTIVITY_STATE;
  private static final int INTR = GUEST_INTERRUPTIBILITY_STATE;
  private static final int INFO = VM_ENTRY_INTERRUPTION_INFORMATION;
  private static final int PENDING = GUEST_PENDING_DEBUG_EXCEPTIONS;
  private static final int LINK = GUEST_VMCS_LINK_POINTER;

  private GuestNonRegisterChecks() {}

  private static Check row(String id, String rule, String fix, Condition condition, int... fields) {
    return Check.of(id, SECTION, CheckArea.GUEST_STATE, rule, fix, condition, fields);
  }

  private static Check link(String id, String rule, String fix, Condition condition, int... fields) {
    return row(id, rule, fix, s -> s.field(LINK) == VmcsPointer.NONE || condition.holds(s), fields)
        .withOutcome(EntryOutcome.invalidGuestState(EntryOutcome.QUALIFICATION_LINK_POINTER));
  }

  static List<Check> rows() {
    return List.of(
        row("guest-activity-value", "The activity state must be 0 (active) or a state IA32_VMX_MISC bits 8:6"
                + " report (1 HLT, 2 shutdown, 3 wait-for-SIPI).",
            "Use activity state 0, or a state this processor supports.",
            s -> activitySupported(s, s.field(ACTIVITY)), ACTIVITY),
        row("guest-activity-hlt-ss-dpl", "The activity state must not be HLT when SS DPL is not 0.",
            "Enter HLT only at CPL 0 (SS DPL 0).",
            s -> s.field(ACTIVITY) != ActivityState.HLT || s.segment(GuestSegment.SS).dpl() == 0,
            ACTIVITY, GUEST_SS_ACCESS_RIGHTS),
        row("guest-activity-blocking", "With blocking by STI or by MOV SS, the activity state must be active.",
            "Clear interruptibility bits 1:0 or use activity state 0.",
            s -> (s.field(INTR) & (Interruptibility.BLOCKING_BY_STI | Interruptibility.BLOCKING_BY_MOV_SS)) == 0 || s.field(ACTIVITY) == ActivityState.ACTIVE,
            ACTIVITY, INTR),
        row("guest-activity-hlt-events", "In the HLT state only an external interrupt, an NMI, #DB, #MC or a"
                + " pending MTF (other event, vector 0) may be injected.",
            "Inject another event only after making the guest active.",
            s -> s.field(ACTIVITY) != ActivityState.HLT || !s.injecting() || hltEventOk(s), ACTIVITY, INFO),
        row("guest-activity-shutdown-events", "In the shutdown state only an NMI or #MC may be injected.",
            "Inject only NMI or #MC into a shut-down guest.",
            s -> s.field(ACTIVITY) != ActivityState.SHUTDOWN || !s.injecting() || s.injectionType() == InterruptionType.NMI
                || (s.injectionType() == InterruptionType.HARDWARE_EXCEPTION && s.injectionVector() == ExceptionVector.MC),
            ACTIVITY, INFO),
        row("guest-activity-wfs-no-events", "In the wait-for-SIPI state no event may be injected.",
            "Clear the valid bit of the interruption information.",
            s -> s.field(ACTIVITY) != ActivityState.WAIT_FOR_SIPI || !s.injecting(), ACTIVITY, INFO),
        row("guest-activity-smm-no-wfs", "With \"entry to SMM\", the activity state must not be wait-for-SIPI.",
            "Use another activity state for entry to SMM.",
            s -> !s.control(VmEntryControl.ENTRY_TO_SMM) || s.field(ACTIVITY) != ActivityState.WAIT_FOR_SIPI,
            VM_ENTRY_CONTROLS, ACTIVITY),
        row("guest-intr-reserved", "Interruptibility-state bits 31:5 must be 0.",
            "Clear the reserved interruptibility bits.",
            s -> (s.field(INTR) & Interruptibility.RESERVED) == 0, INTR),
        row("guest-intr-sti-movss", "Blocking by STI and blocking by MOV SS must not both be set.",
            "Keep at most one of interruptibility bits 0 and 1.",
            s -> (s.field(INTR) & (Interruptibility.BLOCKING_BY_STI | Interruptibility.BLOCKING_BY_MOV_SS)) != (Interruptibility.BLOCKING_BY_STI | Interruptibility.BLOCKING_BY_MOV_SS),
            INTR),
        row("guest-intr-sti-needs-if", "Blocking by STI requires RFLAGS.IF = 1.",
            "Clear blocking by STI when IF is 0.",
            s -> !set(s.field(INTR), Interruptibility.BLOCKING_BY_STI) || set(s.field(GUEST_RFLAGS), Rflags.IF), INTR, GUEST_RFLAGS),
        row("guest-intr-extint-blocking", "When an external interrupt is injected, blocking by STI and by MOV SS"
                + " must both be clear.",
            "Wait for an interrupt window before injecting the interrupt.",
            s -> !s.injecting(InterruptionType.EXTERNAL_INTERRUPT) || (s.field(INTR) & (Interruptibility.BLOCKING_BY_STI | Interruptibility.BLOCKING_BY_MOV_SS)) == 0,
            INFO, INTR),
        row("guest-intr-nmi-movss", "When an NMI is injected, blocking by MOV SS must be clear.",
            "Wait for the MOV SS shadow to end before injecting the NMI.",
            s -> !s.injecting(InterruptionType.NMI) || !set(s.field(INTR), Interruptibility.BLOCKING_BY_MOV_SS), INFO, INTR),
        row("guest-intr-nmi-sti", "On processors that require it, blocking by STI must be clear when an NMI is"
                + " injected.",
            "Wait for the STI shadow to end before injecting the NMI.",
            s -> !s.facts().strictNmiUnderSti() || !s.injecting(InterruptionType.NMI) || !set(s.field(INTR), Interruptibility.BLOCKING_BY_STI),
            INFO, INTR).withOutcome(EntryOutcome.invalidGuestState(EntryOutcome.QUALIFICATION_NMI_STI)),
        row("guest-intr-smi-outside-smm", "Blocking by SMI (bit 2) must be 0 unless VM entry runs in SMM.",
            "Clear interruptibility bit 2.",
            s -> s.facts().inSmm() || !set(s.field(INTR), Interruptibility.BLOCKING_BY_SMI), INTR),
        row("guest-intr-smi-entry-to-smm", "With \"entry to SMM\", blocking by SMI must be 1.",
            "Set interruptibility bit 2 for entry to SMM.",
            s -> !s.control(VmEntryControl.ENTRY_TO_SMM) || set(s.field(INTR), Interruptibility.BLOCKING_BY_SMI),
            VM_ENTRY_CONTROLS, INTR),
        row("guest-intr-virtual-nmi-blocking", "With \"virtual NMIs\", blocking by NMI must be 0 when an NMI is"
                + " injected.",
            "Wait for virtual-NMI blocking to end (NMI-window exiting) before injecting.",
            s -> !s.control(PinBasedControl.VIRTUAL_NMIS) || !s.injecting(InterruptionType.NMI) || !set(s.field(INTR), Interruptibility.BLOCKING_BY_NMI),
            PIN_BASED_VM_EXECUTION_CONTROLS, INFO, INTR),
        row("guest-intr-enclave", "Enclave interruption (bit 4) requires blocking by MOV SS clear and SGX support.",
            "Clear interruptibility bit 4.",
            s -> !set(s.field(INTR), Interruptibility.ENCLAVE_INTERRUPTION)
                || (!set(s.field(INTR), Interruptibility.BLOCKING_BY_MOV_SS) && s.facts().sgxSupported()), INTR),
        row("guest-pending-dbg-reserved", "Pending debug exceptions bits 11:4, 13, 15 and 63:17 must be 0.",
            "Clear the reserved pending-debug-exception bits.",
            s -> (s.field(PENDING) & PendingDebugExceptions.RESERVED) == 0, PENDING),
        row("guest-pending-dbg-bs-tf", "With blocking by STI or MOV SS or activity HLT, BS (bit 14) must be 1"
                + " when RFLAGS.TF is 1 and IA32_DEBUGCTL.BTF is 0.",
            "Set the BS bit: a single-step trap is pending.",
            s -> !singleStepRelevant(s) || !singleStepPending(s) || set(s.field(PENDING), PendingDebugExceptions.BS),
            INTR, ACTIVITY, GUEST_RFLAGS, GUEST_IA32_DEBUGCTL, PENDING),
        row("guest-pending-dbg-bs-notf", "With blocking by STI or MOV SS or activity HLT, BS (bit 14) must be 0"
                + " when RFLAGS.TF is 0 or IA32_DEBUGCTL.BTF is 1.",
            "Clear the BS bit: no single-step trap is pending.",
            s -> !singleStepRelevant(s) || singleStepPending(s) || !set(s.field(PENDING), PendingDebugExceptions.BS),
            INTR, ACTIVITY, GUEST_RFLAGS, GUEST_IA32_DEBUGCTL, PENDING),
        row("guest-pending-dbg-rtm", "When RTM (bit 16) is set: bits 11:0, 15:13, 63:17 must be 0, bit 12 must be"
                + " 1, the processor must support RTM, and blocking by MOV SS must be clear.",
            "Clear bit 16 unless a debug exception inside an RTM region is pending.",
            s -> !set(s.field(PENDING), PendingDebugExceptions.RTM) || rtmOk(s), PENDING, INTR),
        link("guest-link-ptr-align", "A VMCS link pointer other than FFFFFFFF_FFFFFFFFH must be 4-KByte aligned.",
            "Write FFFFFFFF_FFFFFFFFH (no shadow VMCS) or a page-aligned VMCS address.",
            s -> aligned(s.field(LINK), FOUR_KBYTES), LINK),
        link("guest-link-ptr-width", "A VMCS link pointer other than FFFFFFFF_FFFFFFFFH must be within the"
                + " physical-address width.",
            "Write FFFFFFFF_FFFFFFFFH or a VMCS address below MAXPHYADDR.",
            s -> s.physicalAddressOk(s.field(LINK)), LINK),
        link("guest-link-ptr-revision", "The VMCS the link pointer references must start with this processor's"
                + " VMCS revision identifier (bits 30:0) and a shadow-VMCS indicator (bit 31) equal to \"VMCS"
                + " shadowing\".",
            "Initialize the linked VMCS region with the revision identifier of IA32_VMX_BASIC.",
            s -> !aligned(s.field(LINK), FOUR_KBYTES) || !s.physicalAddressOk(s.field(LINK)) || revisionOk(s),
            LINK, PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS, SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS),
        link("guest-link-ptr-not-current", "The VMCS link pointer must not be the current-VMCS pointer.",
            "Point the link pointer at a different VMCS, or write FFFFFFFF_FFFFFFFFH.",
            s -> s.field(LINK) != currentVmcs(s), LINK));
  }

  private static boolean activitySupported(EntryState s, long activity) {
    if (activity == ActivityState.ACTIVE) {
      return true;
    }
    if (activity > ActivityState.WAIT_FOR_SIPI) {
      return false;
    }
    VmxMisc misc = s.capabilities().misc();
    return activity == ActivityState.HLT ? misc.supportsActivityHlt()
        : activity == ActivityState.SHUTDOWN ? misc.supportsActivityShutdown() : misc.supportsActivityWaitForSipi();
  }

  private static boolean hltEventOk(EntryState s) {
    InterruptionType type = s.injectionType();
    int vector = s.injectionVector();
    return type == InterruptionType.EXTERNAL_INTERRUPT || type == InterruptionType.NMI
        || (type == InterruptionType.HARDWARE_EXCEPTION && (vector == ExceptionVector.DB || vector == ExceptionVector.MC))
        || (type == InterruptionType.OTHER_EVENT && vector == InterruptionInfoLayout.PENDING_MTF_VECTOR);
  }

  private static boolean singleStepRelevant(EntryState s) {
    return (s.field(INTR) & (Interruptibility.BLOCKING_BY_STI | Interruptibility.BLOCKING_BY_MOV_SS)) != 0 || s.field(ACTIVITY) == ActivityState.HLT;
  }

  private static boolean singleStepPending(EntryState s) {
    return set(s.field(GUEST_RFLAGS), Rflags.TF) && !set(s.field(GUEST_IA32_DEBUGCTL), DebugCtl.BTF);
  }

  private static boolean rtmOk(EntryState s) {
    long pending = s.field(PENDING);
    return (pending & PendingDebugExceptions.RTM_MUST_BE_ZERO) == 0 && set(pending, PendingDebugExceptions.ENABLED_BREAKPOINT)
        && s.facts().rtmSupported() && !set(s.field(INTR), Interruptibility.BLOCKING_BY_MOV_SS);
  }

  private static boolean revisionOk(EntryState s) {
    long header = s.memory(s.field(LINK), 4);
    boolean shadowing = s.control(SecondaryProcessorBasedControl.VMCS_SHADOWING);
    return (header & VmcsRegionHeader.REVISION_IDENTIFIER) == s.capabilities().basic().revisionId()
        && set(header, VmcsRegionHeader.SHADOW_VMCS_INDICATOR) == shadowing;
  }

  private static long currentVmcs(EntryState s) {
    if (s.facts().currentVmcsPointer().isEmpty()) {
      throw new MissingInputException("the current-VMCS pointer was not given");
    }
    return s.facts().currentVmcsPointer().getAsLong();
  }
}
