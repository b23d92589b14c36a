package dev.vmcscodegen.runtime.entry;

import static dev.vmcscodegen.runtime.fields.VmcsEncodings.*;
import static dev.vmcscodegen.runtime.entry.Rules.*;

import dev.vmcscodegen.runtime.control.ControlDependency;
import dev.vmcscodegen.runtime.control.ControlKind;
import java.util.List;

/**
 * Checks on the VM-exit control fields, SDM Vol. 3C 27.2.1.2 (26.2.1.2 before 2023). A failure is
 * VMfailValid with VM-instruction error 7.
 */
final class ExitControlChecks {

  private static final String SECTION = "27.2.1.2";
  private static final int EXIT = PRIMARY_VM_EXIT_CONTROLS;

  private ExitControlChecks() {}

  private static Check row(String id, String rule, String fix, Condition condition, int... fields) {
    return Check.of(id, SECTION, CheckArea.EXIT_CONTROLS, rule, fix, condition, fields);
  }

  static List<Check> rows() {
    return List.of(
        row("ctl-exit-allowed0", "Every VM-exit control fixed to 1 by IA32_VMX_(TRUE_)EXIT_CTLS bits 31:0"
                + " must be 1.",
            "Set the default-1 bits of the capability MSR in the VM-exit controls.",
            s -> hasAllowed0(s.exitControls(), s.capabilities().controls(ControlKind.PRIMARY_VM_EXIT_CONTROLS)), EXIT),
        row("ctl-exit-allowed1", "No VM-exit control may be 1 unless IA32_VMX_(TRUE_)EXIT_CTLS bits 63:32"
                + " allow it.",
            "Clear the VM-exit controls this processor does not support.",
            s -> withinAllowed1(s.exitControls(), s.capabilities().controls(ControlKind.PRIMARY_VM_EXIT_CONTROLS)), EXIT),
        row("ctl-exit2-allowed1", "When the VM-exit control \"activate secondary controls\" is 1, no secondary"
                + " VM-exit control may be 1 unless IA32_VMX_EXIT_CTLS2 allows it.",
            "Clear the secondary VM-exit controls this processor does not support.",
            s -> withinAllowed1(s.secondaryExitControls(), s.capabilities().controls(ControlKind.SECONDARY_VM_EXIT_CONTROLS)),
            EXIT, SECONDARY_VM_EXIT_CONTROLS),
        row("ctl-save-preempt-needs-activate", "When \"activate VMX-preemption timer\" is 0, \"save"
                + " VMX-preemption timer value\" must be 0.",
            "Set \"activate VMX-preemption timer\" or clear \"save VMX-preemption timer value\".",
            s -> holds(s, ControlDependency.SAVE_PREEMPTION_TIMER_NEEDS_TIMER), EXIT, PIN_BASED_VM_EXECUTION_CONTROLS),
        row("ctl-exit-msr-store-addr", "When the VM-exit MSR-store count is not 0, the VM-exit MSR-store"
                + " address must be 16-byte aligned and within the physical-address width.",
            "Point the MSR-store area at a 16-byte-aligned address below MAXPHYADDR.",
            s -> s.field(VM_EXIT_MSR_STORE_COUNT) == 0 || addressOk(s, VM_EXIT_MSR_STORE_ADDRESS, 16),
            VM_EXIT_MSR_STORE_COUNT, VM_EXIT_MSR_STORE_ADDRESS),
        row("ctl-exit-msr-store-end", "When the VM-exit MSR-store count is not 0, the last byte of the area"
                + " (address + 16 * count - 1) must be within the physical-address width.",
            "Move or shorten the MSR-store area so it ends below MAXPHYADDR.",
            s -> msrAreaEndOk(s, VM_EXIT_MSR_STORE_ADDRESS, VM_EXIT_MSR_STORE_COUNT),
            VM_EXIT_MSR_STORE_COUNT, VM_EXIT_MSR_STORE_ADDRESS),
        row("ctl-exit-msr-load-addr", "When the VM-exit MSR-load count is not 0, the VM-exit MSR-load"
                + " address must be 16-byte aligned and within the physical-address width.",
            "Point the VM-exit MSR-load area at a 16-byte-aligned address below MAXPHYADDR.",
            s -> s.field(VM_EXIT_MSR_LOAD_COUNT) == 0 || addressOk(s, VM_EXIT_MSR_LOAD_ADDRESS, 16),
            VM_EXIT_MSR_LOAD_COUNT, VM_EXIT_MSR_LOAD_ADDRESS),
        row("ctl-exit-msr-load-end", "When the VM-exit MSR-load count is not 0, the last byte of the area"
                + " must be within the physical-address width.",
            "Move or shorten the VM-exit MSR-load area so it ends below MAXPHYADDR.",
            s -> msrAreaEndOk(s, VM_EXIT_MSR_LOAD_ADDRESS, VM_EXIT_MSR_LOAD_COUNT),
            VM_EXIT_MSR_LOAD_COUNT, VM_EXIT_MSR_LOAD_ADDRESS));
  }
}
