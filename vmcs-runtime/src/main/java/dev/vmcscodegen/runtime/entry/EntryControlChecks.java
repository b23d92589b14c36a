package dev.vmcscodegen.runtime.entry;

import static dev.vmcscodegen.runtime.fields.VmcsEncodings.*;
import static dev.vmcscodegen.runtime.entry.Rules.*;

import dev.vmcscodegen.runtime.control.ControlDependency;
import dev.vmcscodegen.runtime.arch.Cr0;
import dev.vmcscodegen.runtime.arch.ExceptionVector;
import dev.vmcscodegen.runtime.arch.InterruptionInfoLayout;
import dev.vmcscodegen.runtime.control.ControlKind;
import dev.vmcscodegen.runtime.control.PrimaryProcessorBasedControl;
import dev.vmcscodegen.runtime.control.VmEntryControl;
import dev.vmcscodegen.runtime.event.InjectionRules;
import dev.vmcscodegen.runtime.exit.InterruptionType;
import java.util.List;

/**
 * Checks on the VM-entry control fields, event injection included, SDM Vol. 3C 27.2.1.3 (26.2.1.3
 * before 2023). A failure is VMfailValid with VM-instruction error 7.
 */
final class EntryControlChecks {

  private static final String SECTION = "27.2.1.3";
  private static final int ENTRY = VM_ENTRY_CONTROLS;
  private static final int INFO = VM_ENTRY_INTERRUPTION_INFORMATION;

  private EntryControlChecks() {}

  private static Check row(String id, String rule, String fix, Condition condition, int... fields) {
    return Check.of(id, SECTION, CheckArea.ENTRY_CONTROLS, rule, fix, condition, fields);
  }

  static List<Check> rows() {
    return List.of(
        row("ctl-entry-allowed0", "Every VM-entry control fixed to 1 by IA32_VMX_(TRUE_)ENTRY_CTLS bits 31:0"
                + " must be 1.",
            "Set the default-1 bits of the capability MSR in the VM-entry controls.",
            s -> hasAllowed0(s.entryControls(), s.capabilities().controls(ControlKind.VM_ENTRY_CONTROLS)), ENTRY),
        row("ctl-entry-allowed1", "No VM-entry control may be 1 unless IA32_VMX_(TRUE_)ENTRY_CTLS bits 63:32"
                + " allow it.",
            "Clear the VM-entry controls this processor does not support.",
            s -> withinAllowed1(s.entryControls(), s.capabilities().controls(ControlKind.VM_ENTRY_CONTROLS)), ENTRY),
        row("ctl-entry-smm-outside-smm", "Outside SMM, \"entry to SMM\" and \"deactivate dual-monitor"
                + " treatment\" must be 0.",
            "Clear VM-entry controls 10 and 11.",
            s -> s.facts().inSmm() || (s.entryControls()
                & (VmEntryControl.ENTRY_TO_SMM.mask() | VmEntryControl.DEACTIVATE_DUAL_MONITOR_TREATMENT.mask())) == 0, ENTRY),
        row("ctl-entry-smm-and-deactivate", "\"Entry to SMM\" and \"deactivate dual-monitor treatment\" must"
                + " not both be 1.",
            "Clear one of VM-entry controls 10 and 11.",
            s -> holds(s, ControlDependency.ENTRY_TO_SMM_EXCLUDES_DEACTIVATE_DUAL_MONITOR), ENTRY),
        row("ctl-entry-intinfo-type", "A valid VM-entry interruption-information field must not use the"
                + " reserved type 1, nor type 7 (other event) unless \"monitor trap flag\" may be 1.",
            "Use an interruption type of 0, 2, 3, 4, 5 or 6 (7 only for a pending MTF on processors with it).",
            s -> !s.injecting() || typeOk(s), INFO),
        row("ctl-entry-intinfo-vector-nmi", "An injected NMI (type 2) must have vector 2.",
            "Inject NMIs with vector 2.",
            s -> !s.injecting(InterruptionType.NMI) || s.injectionVector() == ExceptionVector.NMI, INFO),
        row("ctl-entry-intinfo-vector-hwexc", "An injected hardware exception (type 3) must have a vector of"
                + " 0 to 31.",
            "Inject hardware exceptions with vectors 0 to 31; use type 0 for external interrupts.",
            s -> !s.injecting(InterruptionType.HARDWARE_EXCEPTION) || s.injectionVector() <= ExceptionVector.LAST_EXCEPTION, INFO),
        row("ctl-entry-intinfo-vector-other", "An injected other event (type 7) must have vector 0 (pending"
                + " MTF VM exit).",
            "Use vector 0 with type 7.",
            s -> !s.injecting(InterruptionType.OTHER_EVENT) || s.injectionVector() == InterruptionInfoLayout.PENDING_MTF_VECTOR, INFO),
        row("ctl-entry-intinfo-errcode-bit", "\"Deliver error code\" (bit 11) must be 1 exactly for hardware"
                + " exceptions #DF, #TS, #NP, #SS, #GP, #PF, #AC, #CP injected in protected mode (IA32_VMX_BASIC"
                + " bit 56 relaxes this to: 0 for other types and in real mode).",
            "Set bit 11 only for exceptions that push an error code, and only when guest CR0.PE is 1.",
            s -> !s.injecting() || errorCodeBitOk(s), INFO, GUEST_CR0,
            PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS, SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS),
        row("ctl-entry-intinfo-reserved", "Bits 30:12 of a valid VM-entry interruption-information field must"
                + " be 0.",
            "Clear bits 30:12 of the interruption information.",
            s -> !s.injecting() || (s.field(INFO) & InterruptionInfoLayout.ENTRY_RESERVED) == 0, INFO),
        row("ctl-entry-errcode-reserved", "When an error code is delivered, VM-entry exception error code bits"
                + " 31:16 must be 0.",
            "Write a 16-bit error code.",
            s -> !s.injecting() || !set(s.field(INFO), InterruptionInfoLayout.ERROR_CODE_VALID)
                || (s.field(VM_ENTRY_EXCEPTION_ERROR_CODE) & InjectionRules.ERROR_CODE_HIGH_BITS) == 0,
            INFO, VM_ENTRY_EXCEPTION_ERROR_CODE),
        row("ctl-entry-instr-len", "For software interrupts and (privileged) software exceptions (types 4, 5,"
                + " 6), the VM-entry instruction length must be 1 to 15 (0 to 15 when IA32_VMX_MISC bit 30"
                + " is 1).",
            "Write the length of the instruction that raised the event (1 to 15).",
            s -> !s.injecting() || !s.injectionType().usesInstructionLength() || lengthOk(s), INFO,
            VM_ENTRY_INSTRUCTION_LENGTH),
        row("ctl-entry-msr-load-addr", "When the VM-entry MSR-load count is not 0, the VM-entry MSR-load"
                + " address must be 16-byte aligned and within the physical-address width.",
            "Point the VM-entry MSR-load area at a 16-byte-aligned address below MAXPHYADDR.",
            s -> s.field(VM_ENTRY_MSR_LOAD_COUNT) == 0 || addressOk(s, VM_ENTRY_MSR_LOAD_ADDRESS, 16),
            VM_ENTRY_MSR_LOAD_COUNT, VM_ENTRY_MSR_LOAD_ADDRESS),
        row("ctl-entry-msr-load-end", "When the VM-entry MSR-load count is not 0, the last byte of the area"
                + " must be within the physical-address width.",
            "Move or shorten the VM-entry MSR-load area so it ends below MAXPHYADDR.",
            s -> msrAreaEndOk(s, VM_ENTRY_MSR_LOAD_ADDRESS, VM_ENTRY_MSR_LOAD_COUNT),
            VM_ENTRY_MSR_LOAD_COUNT, VM_ENTRY_MSR_LOAD_ADDRESS));
  }

  private static boolean typeOk(EntryState s) {
    InterruptionType type = s.injectionType();
    if (type == InterruptionType.RESERVED) {
      return false;
    }
    return type != InterruptionType.OTHER_EVENT
        || s.capabilities().controls(ControlKind.PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS)
            .allowsOne(PrimaryProcessorBasedControl.MONITOR_TRAP_FLAG.bit());
  }

  private static boolean lengthOk(EntryState s) {
    long length = s.field(VM_ENTRY_INSTRUCTION_LENGTH);
    boolean zeroAllowed = s.capabilities().misc().zeroLengthInjection();
    return length <= InjectionRules.MAX_INSTRUCTION_LENGTH && (length != 0 || zeroAllowed);
  }

  private static boolean errorCodeBitOk(EntryState s) {
    boolean deliver = set(s.field(INFO), InterruptionInfoLayout.ERROR_CODE_VALID);
    boolean hardwareException = s.injectionType() == InterruptionType.HARDWARE_EXCEPTION;
    boolean protectedMode = !s.unrestrictedGuest() || set(s.field(GUEST_CR0), Cr0.PE);
    if (!hardwareException || !protectedMode) {
      return !deliver;
    }
    if (s.capabilities().basic().entryWithoutErrorCode()) {
      return true;
    }
    return deliver == InjectionRules.pushesErrorCode(s.injectionVector());
  }
}
