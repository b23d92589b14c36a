package dev.vmcscodegen.runtime.entry;

import dev.vmcscodegen.runtime.LaunchState;
import static dev.vmcscodegen.runtime.entry.Baselines.*;
import static dev.vmcscodegen.runtime.fields.VmcsEncodings.*;

import dev.vmcscodegen.runtime.capability.VmxCapabilityMsr;
import dev.vmcscodegen.runtime.exit.InterruptionType;
import dev.vmcscodegen.runtime.arch.InterruptionInfoLayout;
import dev.vmcscodegen.runtime.arch.Interruptibility;
import dev.vmcscodegen.runtime.control.VmEntryControl;
import dev.vmcscodegen.runtime.control.PrimaryVmExitControl;
import dev.vmcscodegen.runtime.control.PrimaryProcessorBasedControl;
import dev.vmcscodegen.runtime.control.TertiaryProcessorBasedControl;
import dev.vmcscodegen.runtime.control.SecondaryProcessorBasedControl;
import dev.vmcscodegen.runtime.control.PinBasedControl;
import java.util.List;

/**
 * Tripping cases for the basic checks (27.1) and the checks on VMX controls (27.2.1). Bit positions are
 * those of SDM Vol. 3C Tables 25-5 to 25-17 (named in {@link Bits}).
 */
final class ControlTrips {

  private static final int PIN = PIN_BASED_VM_EXECUTION_CONTROLS;
  private static final int PROC = PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS;
  private static final int PROC2 = SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS;
  private static final int EXIT = PRIMARY_VM_EXIT_CONTROLS;
  private static final int ENTRY = VM_ENTRY_CONTROLS;
  private static final int INFO = VM_ENTRY_INTERRUPTION_INFORMATION;
  /** Valid bit 31 with the type in bits 10:8 (Table 25-17). */
  private static final long VALID = InterruptionInfoLayout.VALID;
  /** The first 16-byte-aligned address whose 16-entry area crosses MAXPHYADDR 46. */
  private static final long NEAR_TOP = (1L << 46) - 0x10;

  private ControlTrips() {}

  private static long type(int type) {
    return (long) type << InterruptionInfoLayout.TYPE_SHIFT;
  }

  /** A valid posted-interrupt setup: TPR shadow, virtual-interrupt delivery, vector F2H, aligned descriptor. */
  private static Scenario postedInterrupts() {
    return longMode().or(PIN, PinBasedControl.PROCESS_POSTED_INTERRUPTS.mask()).or(PROC, PrimaryProcessorBasedControl.USE_TPR_SHADOW.mask())
        .set(VIRTUAL_APIC_ADDRESS, 0x3000).or(PROC2, SecondaryProcessorBasedControl.VIRTUAL_INTERRUPT_DELIVERY.mask())
        .set(POSTED_INTERRUPT_NOTIFICATION_VECTOR, 0xF2).set(POSTED_INTERRUPT_DESCRIPTOR_ADDRESS, 0x5000);
  }

  static List<Trip> all() {
    Scenario l = longMode();
    return List.of(
        Trip.of("basic-movss-blocking", l.facts(f -> f.withEventsBlockedByMovSs(true))),
        Trip.of("basic-vmlaunch-launch-state", l.facts(f -> f.withLaunch(EntryInstruction.VMLAUNCH,
            LaunchState.LAUNCHED))),
        Trip.of("basic-vmresume-launch-state", l.facts(f -> f.withLaunch(EntryInstruction.VMRESUME,
            LaunchState.CLEAR))),
        // 27.2.1.1: bit 1 of the pin-based controls is default-1 (allowed0 0x16); bit 8 is not allowed.
        Trip.of("ctl-pin-allowed0", l.clear(PIN, 1L << 1)),
        Trip.of("ctl-pin-allowed1", l.or(PIN, 1L << 8)),
        Trip.of("ctl-proc-allowed0", l.clear(PROC, 1L << 1)),
        Trip.of("ctl-proc-allowed1", l.or(PROC, 1L << 0)),
        Trip.of("ctl-proc2-allowed0", l.msr(VmxCapabilityMsr.IA32_VMX_PROCBASED_CTLS2, 0x0FFF_FFFF_0000_0004L)),
        Trip.of("ctl-proc2-allowed1", l.or(PROC2, 1L << 28)),
        Trip.of("ctl-proc3-allowed1", l.or(PROC, PrimaryProcessorBasedControl.ACTIVATE_TERTIARY_CONTROLS.mask())
            .set(TERTIARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS, 1L << 8)),
        Trip.of("ctl-cr3-target-count", l.set(CR3_TARGET_COUNT, 5)),
        Trip.of("ctl-io-bitmap-a-addr", l.or(PROC, PrimaryProcessorBasedControl.USE_IO_BITMAPS.mask()).set(IO_BITMAP_A_ADDRESS, 0x1001)),
        Trip.of("ctl-io-bitmap-b-addr", l.or(PROC, PrimaryProcessorBasedControl.USE_IO_BITMAPS.mask()).set(IO_BITMAP_B_ADDRESS, 1L << 46)),
        Trip.of("ctl-msr-bitmap-addr", l.set(MSR_BITMAPS_ADDRESS, 0x1000_0800L)),
        Trip.of("ctl-virtual-apic-addr", l.or(PROC, PrimaryProcessorBasedControl.USE_TPR_SHADOW.mask()).set(VIRTUAL_APIC_ADDRESS, 0x3001)),
        Trip.of("ctl-tpr-threshold-reserved", l.or(PROC, PrimaryProcessorBasedControl.USE_TPR_SHADOW.mask()).set(VIRTUAL_APIC_ADDRESS, 0x3000)
            .set(TPR_THRESHOLD, 0x10)),
        // VTPR is byte 80H of the virtual-APIC page (SDM Vol. 3C 30.1.1): 40H gives priority class 4 < 5.
        Trip.of("ctl-tpr-threshold-vs-vtpr", l.or(PROC, PrimaryProcessorBasedControl.USE_TPR_SHADOW.mask()).set(VIRTUAL_APIC_ADDRESS, 0x3000)
            .set(TPR_THRESHOLD, 5).memory(0x3080, 0x40)),
        Trip.of("ctl-nmi-exiting-for-virtual-nmis", l.clear(PIN, PinBasedControl.NMI_EXITING.mask())),
        Trip.of("ctl-virtual-nmis-for-nmi-window", l.clear(PIN, PinBasedControl.VIRTUAL_NMIS.mask())
            .or(PROC, PrimaryProcessorBasedControl.NMI_WINDOW_EXITING.mask())),
        Trip.of("ctl-apic-access-addr", l.or(PROC2, SecondaryProcessorBasedControl.VIRTUALIZE_APIC_ACCESSES.mask())
            .set(APIC_ACCESS_ADDRESS, 0x4001)),
        Trip.of("ctl-tpr-shadow-for-apicv", l.or(PROC2, SecondaryProcessorBasedControl.APIC_REGISTER_VIRTUALIZATION.mask())),
        Trip.of("ctl-ipiv-needs-tpr-shadow", l.or(PROC, PrimaryProcessorBasedControl.ACTIVATE_TERTIARY_CONTROLS.mask())
            .set(TERTIARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS, TertiaryProcessorBasedControl.IPI_VIRTUALIZATION.mask())),
        Trip.of("ctl-x2apic-excludes-apic-access", l.or(PROC, PrimaryProcessorBasedControl.USE_TPR_SHADOW.mask())
            .set(VIRTUAL_APIC_ADDRESS, 0x3000).set(APIC_ACCESS_ADDRESS, 0x4000)
            .or(PROC2, SecondaryProcessorBasedControl.VIRTUALIZE_X2APIC_MODE.mask() | SecondaryProcessorBasedControl.VIRTUALIZE_APIC_ACCESSES.mask())),
        Trip.of("ctl-vid-needs-ext-int-exiting", l.or(PROC, PrimaryProcessorBasedControl.USE_TPR_SHADOW.mask())
            .set(VIRTUAL_APIC_ADDRESS, 0x3000).or(PROC2, SecondaryProcessorBasedControl.VIRTUAL_INTERRUPT_DELIVERY.mask())
            .clear(PIN, PinBasedControl.EXTERNAL_INTERRUPT_EXITING.mask())),
        Trip.of("ctl-posted-int-needs-vid", postedInterrupts().clear(PROC2, SecondaryProcessorBasedControl.VIRTUAL_INTERRUPT_DELIVERY.mask())),
        Trip.of("ctl-posted-int-needs-ack-on-exit", postedInterrupts()
            .clear(EXIT, PrimaryVmExitControl.ACKNOWLEDGE_INTERRUPT_ON_EXIT.mask())),
        Trip.of("ctl-posted-int-vector", postedInterrupts().set(POSTED_INTERRUPT_NOTIFICATION_VECTOR, 0x1F2)),
        Trip.of("ctl-posted-int-desc-addr", postedInterrupts().set(POSTED_INTERRUPT_DESCRIPTOR_ADDRESS, 0x5020)),
        Trip.of("ctl-vpid-nonzero", l.set(VIRTUAL_PROCESSOR_ID, 0)),
        // EPTP (Table 25-9): memory type 5 is reserved; walk length 4 needs EPT_VPID_CAP bit 7.
        Trip.of("ctl-eptp-memtype", l.set(EPT_POINTER, 0x2000_005DL)),
        Trip.of("ctl-eptp-walk-length", l.set(EPT_POINTER, 0x2000_0066L)),
        Trip.of("ctl-eptp-ad", l.msr(VmxCapabilityMsr.IA32_VMX_EPT_VPID_CAP, 0x0000_0F01_0653_4141L)),
        Trip.of("ctl-eptp-reserved", l.or(EPT_POINTER, 1L << 8)),
        Trip.of("ctl-pml-needs-ept", l.clear(PROC2, SecondaryProcessorBasedControl.ENABLE_EPT.mask()).or(PROC2, SecondaryProcessorBasedControl.ENABLE_PML.mask())),
        Trip.of("ctl-pml-addr", l.or(PROC2, SecondaryProcessorBasedControl.ENABLE_PML.mask()).set(PML_ADDRESS, 0x6001)),
        Trip.of("ctl-unrestricted-needs-ept", realMode().clear(PROC2, SecondaryProcessorBasedControl.ENABLE_EPT.mask())),
        Trip.of("ctl-mbec-needs-ept", l.clear(PROC2, SecondaryProcessorBasedControl.ENABLE_EPT.mask())
            .or(PROC2, SecondaryProcessorBasedControl.MODE_BASED_EXECUTE_CONTROL_FOR_EPT.mask())),
        Trip.of("ctl-spp-needs-ept", l.clear(PROC2, SecondaryProcessorBasedControl.ENABLE_EPT.mask())
            .or(PROC2, SecondaryProcessorBasedControl.SUB_PAGE_WRITE_PERMISSIONS_FOR_EPT.mask())),
        Trip.of("ctl-spptp-addr", l.or(PROC2, SecondaryProcessorBasedControl.SUB_PAGE_WRITE_PERMISSIONS_FOR_EPT.mask())
            .set(SUB_PAGE_PERMISSION_TABLE_POINTER, 0x7001)),
        Trip.of("ctl-pt-gpa-needs", l.or(PROC2, SecondaryProcessorBasedControl.INTEL_PT_USES_GUEST_PHYSICAL_ADDRESSES.mask())),
        Trip.of("ctl-vmfunc-reserved", l.or(PROC2, SecondaryProcessorBasedControl.ENABLE_VM_FUNCTIONS.mask()).set(VM_FUNCTION_CONTROLS, 2)),
        Trip.of("ctl-eptp-switching-needs-ept", l.clear(PROC2, SecondaryProcessorBasedControl.ENABLE_EPT.mask())
            .or(PROC2, SecondaryProcessorBasedControl.ENABLE_VM_FUNCTIONS.mask()).set(VM_FUNCTION_CONTROLS, 1).set(EPTP_LIST_ADDRESS, 0x8000)),
        Trip.of("ctl-eptp-list-addr", l.or(PROC2, SecondaryProcessorBasedControl.ENABLE_VM_FUNCTIONS.mask()).set(VM_FUNCTION_CONTROLS, 1)
            .set(EPTP_LIST_ADDRESS, 0x8001)),
        Trip.of("ctl-vmread-bitmap-addr", l.or(PROC2, SecondaryProcessorBasedControl.VMCS_SHADOWING.mask()).set(VMREAD_BITMAP_ADDRESS, 0x9001)),
        Trip.of("ctl-vmwrite-bitmap-addr", l.or(PROC2, SecondaryProcessorBasedControl.VMCS_SHADOWING.mask())
            .set(VMWRITE_BITMAP_ADDRESS, 0xA008)),
        Trip.of("ctl-ve-info-addr", l.or(PROC2, SecondaryProcessorBasedControl.EPT_VIOLATION_VE.mask())
            .set(VIRTUALIZATION_EXCEPTION_INFORMATION_ADDRESS, 0xB001)),
        // 27.2.1.2: exit-control bit 0 is default-1 (allowed0 0x36DFB); bit 30 is not allowed here.
        Trip.of("ctl-exit-allowed0", l.clear(EXIT, 1L << 0)),
        Trip.of("ctl-exit-allowed1", l.or(EXIT, 1L << 30)),
        Trip.of("ctl-exit2-allowed1", l.or(EXIT, PrimaryVmExitControl.ACTIVATE_SECONDARY_CONTROLS.mask())
            .set(SECONDARY_VM_EXIT_CONTROLS, 1L << 3)),
        Trip.of("ctl-save-preempt-needs-activate", l.or(EXIT, PrimaryVmExitControl.SAVE_VMX_PREEMPTION_TIMER_VALUE.mask())),
        Trip.of("ctl-exit-msr-store-addr", l.set(VM_EXIT_MSR_STORE_COUNT, 1).set(VM_EXIT_MSR_STORE_ADDRESS, 0xC008)),
        Trip.of("ctl-exit-msr-store-end", l.set(VM_EXIT_MSR_STORE_COUNT, 16).set(VM_EXIT_MSR_STORE_ADDRESS, NEAR_TOP)),
        Trip.of("ctl-exit-msr-load-addr", l.set(VM_EXIT_MSR_LOAD_COUNT, 1).set(VM_EXIT_MSR_LOAD_ADDRESS, 0xC004)),
        Trip.of("ctl-exit-msr-load-end", l.set(VM_EXIT_MSR_LOAD_COUNT, 2).set(VM_EXIT_MSR_LOAD_ADDRESS, NEAR_TOP)),
        // 27.2.1.3.
        Trip.of("ctl-entry-allowed0", l.clear(ENTRY, 1L << 0)),
        Trip.of("ctl-entry-allowed1", l.or(ENTRY, 1L << 25)),
        Trip.of("ctl-entry-smm-outside-smm", l.or(ENTRY, VmEntryControl.DEACTIVATE_DUAL_MONITOR_TREATMENT.mask())),
        Trip.of("ctl-entry-smm-and-deactivate", l.facts(f -> f.withInSmm(true))
            .or(ENTRY, VmEntryControl.ENTRY_TO_SMM.mask() | VmEntryControl.DEACTIVATE_DUAL_MONITOR_TREATMENT.mask())
            .set(GUEST_INTERRUPTIBILITY_STATE, Interruptibility.BLOCKING_BY_SMI)),
        Trip.of("ctl-entry-intinfo-type", l.set(INFO, VALID | type(InterruptionType.RESERVED.code()))),
        Trip.of("ctl-entry-intinfo-vector-nmi", l.set(INFO, VALID | type(InterruptionType.NMI.code()) | 3)),
        Trip.of("ctl-entry-intinfo-vector-hwexc", l.set(INFO, VALID | type(InterruptionType.HARDWARE_EXCEPTION.code()) | 32)),
        Trip.of("ctl-entry-intinfo-vector-other", l.set(INFO, VALID | type(InterruptionType.OTHER_EVENT.code()) | 1)),
        // #GP (13) pushes an error code (SDM Vol. 3A 6.15): without bit 11 the field is inconsistent.
        Trip.of("ctl-entry-intinfo-errcode-bit", l.set(INFO, VALID | type(InterruptionType.HARDWARE_EXCEPTION.code()) | 13)),
        Trip.of("ctl-entry-intinfo-reserved", l.set(INFO, VALID | type(InterruptionType.HARDWARE_EXCEPTION.code()) | 6 | (1L << 12))),
        Trip.of("ctl-entry-errcode-reserved", l.set(INFO, VALID | type(InterruptionType.HARDWARE_EXCEPTION.code()) | 13
            | InterruptionInfoLayout.ERROR_CODE_VALID).set(VM_ENTRY_EXCEPTION_ERROR_CODE, 0x1_0000)),
        Trip.of("ctl-entry-instr-len", l.set(INFO, VALID | type(InterruptionType.SOFTWARE_INTERRUPT.code()) | 0x80)
            .set(VM_ENTRY_INSTRUCTION_LENGTH, 16)),
        Trip.of("ctl-entry-msr-load-addr", l.set(VM_ENTRY_MSR_LOAD_COUNT, 1).set(VM_ENTRY_MSR_LOAD_ADDRESS, 0xC002)),
        Trip.of("ctl-entry-msr-load-end", l.set(VM_ENTRY_MSR_LOAD_COUNT, 3).set(VM_ENTRY_MSR_LOAD_ADDRESS, NEAR_TOP)));
  }
}
