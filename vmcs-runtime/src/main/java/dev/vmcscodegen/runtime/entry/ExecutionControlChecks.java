package dev.vmcscodegen.runtime.entry;

import static dev.vmcscodegen.runtime.fields.VmcsEncodings.*;
import static dev.vmcscodegen.runtime.entry.Rules.*;

import dev.vmcscodegen.runtime.control.ControlDependency;
import dev.vmcscodegen.runtime.capability.EptVpidCapability;
import dev.vmcscodegen.runtime.capability.EptVpidCapabilityBit;
import dev.vmcscodegen.runtime.capability.VmxMemoryType;
import dev.vmcscodegen.runtime.control.ControlKind;
import dev.vmcscodegen.runtime.control.PinBasedControl;
import dev.vmcscodegen.runtime.control.PrimaryProcessorBasedControl;
import dev.vmcscodegen.runtime.control.SecondaryProcessorBasedControl;
import dev.vmcscodegen.runtime.control.VmFunctionControls;
import dev.vmcscodegen.runtime.state.EptPointer;
import java.util.List;

/**
 * Checks on the VM-execution control fields, SDM Vol. 3C 27.2.1.1 (26.2.1.1 before 2023). A failure
 * is VMfailValid with VM-instruction error 7.
 */
final class ExecutionControlChecks {

  private static final String SECTION = "27.2.1.1";
  private static final int PIN = PIN_BASED_VM_EXECUTION_CONTROLS;
  private static final int PROC = PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS;
  private static final int PROC2 = SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS;
  private static final int PROC3 = TERTIARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS;
  /** Offset of VTPR in the virtual-APIC page (SDM Vol. 3C 30.1.1). */
  private static final long VTPR_OFFSET = 0x80;

  private ExecutionControlChecks() {}

  private static Check row(String id, String rule, String fix, Condition condition, int... fields) {
    return Check.of(id, SECTION, CheckArea.EXECUTION_CONTROLS, rule, fix, condition, fields);
  }

  private static Check pageAddress(String id, String what, int field, Condition gate, String gateText,
      int... gateFields) {
    int[] fields = new int[gateFields.length + 1];
    System.arraycopy(gateFields, 0, fields, 0, gateFields.length);
    fields[gateFields.length] = field;
    return row(id, "When " + gateText + ", the " + what + " must be 4-KByte aligned (bits 11:0 zero) and"
            + " set no bit beyond the physical-address width.",
        "Point the " + what + " at a 4-KByte-aligned page below MAXPHYADDR.",
        s -> !gate.holds(s) || addressOk(s, field, FOUR_KBYTES), fields);
  }

  static List<Check> rows() {
    return List.of(
        row("ctl-pin-allowed0", "Every pin-based control the capability MSR reports as fixed to 1 (allowed"
                + " 0-settings, bits 31:0 of IA32_VMX_(TRUE_)PINBASED_CTLS) must be 1.",
            "Set the default-1 bits of the capability MSR in the pin-based controls.",
            s -> hasAllowed0(s.pin(), s.capabilities().controls(ControlKind.PIN_BASED_VM_EXECUTION_CONTROLS)), PIN),
        row("ctl-pin-allowed1", "No pin-based control may be 1 unless the capability MSR allows it (bits"
                + " 63:32 of IA32_VMX_(TRUE_)PINBASED_CTLS).",
            "Clear the pin-based controls this processor does not support.",
            s -> withinAllowed1(s.pin(), s.capabilities().controls(ControlKind.PIN_BASED_VM_EXECUTION_CONTROLS)), PIN),
        row("ctl-proc-allowed0", "Every primary processor-based control fixed to 1 by"
                + " IA32_VMX_(TRUE_)PROCBASED_CTLS bits 31:0 must be 1.",
            "Set the default-1 bits of the capability MSR in the primary processor-based controls.",
            s -> hasAllowed0(s.primary(), s.capabilities().controls(ControlKind.PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS)), PROC),
        row("ctl-proc-allowed1", "No primary processor-based control may be 1 unless"
                + " IA32_VMX_(TRUE_)PROCBASED_CTLS bits 63:32 allow it.",
            "Clear the primary processor-based controls this processor does not support.",
            s -> withinAllowed1(s.primary(), s.capabilities().controls(ControlKind.PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS)), PROC),
        row("ctl-proc2-allowed0", "When \"activate secondary controls\" is 1, every secondary control fixed"
                + " to 1 by IA32_VMX_PROCBASED_CTLS2 bits 31:0 must be 1.",
            "Set the default-1 bits of IA32_VMX_PROCBASED_CTLS2 in the secondary controls.",
            s -> hasAllowed0(s.secondary(), s.capabilities().controls(ControlKind.SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS))
                || !s.control(PrimaryProcessorBasedControl.ACTIVATE_SECONDARY_CONTROLS), PROC, PROC2),
        row("ctl-proc2-allowed1", "When \"activate secondary controls\" is 1, no secondary control may be 1"
                + " unless IA32_VMX_PROCBASED_CTLS2 bits 63:32 allow it.",
            "Clear the secondary controls this processor does not support.",
            s -> withinAllowed1(s.secondary(), s.capabilities().controls(ControlKind.SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS)),
            PROC, PROC2),
        row("ctl-proc3-allowed1", "When \"activate tertiary controls\" is 1, no tertiary control may be 1"
                + " unless IA32_VMX_PROCBASED_CTLS3 allows it.",
            "Clear the tertiary controls this processor does not support.",
            s -> withinAllowed1(s.tertiary(), s.capabilities().controls(ControlKind.TERTIARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS)),
            PROC, PROC3),
        row("ctl-cr3-target-count", "The CR3-target count must not exceed the number IA32_VMX_MISC bits 24:16"
                + " reports (4 on all processors so far).",
            "Lower the CR3-target count to at most IA32_VMX_MISC[24:16].",
            s -> s.field(CR3_TARGET_COUNT) <= s.capabilities().misc().cr3TargetCount(), CR3_TARGET_COUNT),
        pageAddress("ctl-io-bitmap-a-addr", "I/O-bitmap A address", IO_BITMAP_A_ADDRESS,
            s -> s.control(PrimaryProcessorBasedControl.USE_IO_BITMAPS), "\"use I/O bitmaps\" is 1", PROC),
        pageAddress("ctl-io-bitmap-b-addr", "I/O-bitmap B address", IO_BITMAP_B_ADDRESS,
            s -> s.control(PrimaryProcessorBasedControl.USE_IO_BITMAPS), "\"use I/O bitmaps\" is 1", PROC),
        pageAddress("ctl-msr-bitmap-addr", "MSR-bitmap address", MSR_BITMAPS_ADDRESS,
            s -> s.control(PrimaryProcessorBasedControl.USE_MSR_BITMAPS), "\"use MSR bitmaps\" is 1", PROC),
        pageAddress("ctl-virtual-apic-addr", "virtual-APIC address", VIRTUAL_APIC_ADDRESS,
            s -> s.control(PrimaryProcessorBasedControl.USE_TPR_SHADOW), "\"use TPR shadow\" is 1", PROC),
        row("ctl-tpr-threshold-reserved", "When \"use TPR shadow\" is 1 and \"virtual-interrupt delivery\" is 0,"
                + " TPR-threshold bits 31:4 must be 0.",
            "Write a TPR threshold of 0 to 15.",
            s -> (!(s.control(PrimaryProcessorBasedControl.USE_TPR_SHADOW) && !s.control(SecondaryProcessorBasedControl.VIRTUAL_INTERRUPT_DELIVERY)) || clear(s.field(TPR_THRESHOLD), 63, 4)), PROC, PROC2, TPR_THRESHOLD),
        row("ctl-tpr-threshold-vs-vtpr", "When \"use TPR shadow\" is 1 and \"virtual-interrupt delivery\" and"
                + " \"virtualize APIC accesses\" are 0, TPR-threshold bits 3:0 must not exceed VTPR bits 7:4"
                + " (byte 80H of the virtual-APIC page).",
            "Lower the TPR threshold or raise the virtual TPR.",
            s -> (!(s.control(PrimaryProcessorBasedControl.USE_TPR_SHADOW)
                    && !s.control(SecondaryProcessorBasedControl.VIRTUAL_INTERRUPT_DELIVERY) && !s.control(SecondaryProcessorBasedControl.VIRTUALIZE_APIC_ACCESSES)) || (field(s.field(TPR_THRESHOLD), 3, 0)
                    <= field(s.memory(s.field(VIRTUAL_APIC_ADDRESS) + VTPR_OFFSET, 1), 7, 4))), PROC, PROC2, TPR_THRESHOLD, VIRTUAL_APIC_ADDRESS),
        row("ctl-nmi-exiting-for-virtual-nmis", "When \"NMI exiting\" is 0, \"virtual NMIs\" must be 0.",
            "Set \"NMI exiting\" or clear \"virtual NMIs\".",
            s -> holds(s, ControlDependency.VIRTUAL_NMIS_NEED_NMI_EXITING), PIN),
        row("ctl-virtual-nmis-for-nmi-window", "When \"virtual NMIs\" is 0, \"NMI-window exiting\" must be 0.",
            "Set \"virtual NMIs\" (and \"NMI exiting\") or clear \"NMI-window exiting\".",
            s -> holds(s, ControlDependency.NMI_WINDOW_EXITING_NEEDS_VIRTUAL_NMIS), PIN, PROC),
        pageAddress("ctl-apic-access-addr", "APIC-access address", APIC_ACCESS_ADDRESS,
            s -> s.control(SecondaryProcessorBasedControl.VIRTUALIZE_APIC_ACCESSES), "\"virtualize APIC accesses\" is 1", PROC, PROC2),
        row("ctl-tpr-shadow-for-apicv", "When \"use TPR shadow\" is 0, \"virtualize x2APIC mode\", \"APIC-register"
                + " virtualization\" and \"virtual-interrupt delivery\" must be 0.",
            "Set \"use TPR shadow\" or clear the APIC-virtualization controls.",
            s -> s.control(PrimaryProcessorBasedControl.USE_TPR_SHADOW) || holds(s, ControlDependency.VIRTUALIZE_X2APIC_MODE_NEEDS_TPR_SHADOW,
                ControlDependency.APIC_REGISTER_VIRTUALIZATION_NEEDS_TPR_SHADOW, ControlDependency.VIRTUAL_INTERRUPT_DELIVERY_NEEDS_TPR_SHADOW),
            PROC, PROC2),
        row("ctl-ipiv-needs-tpr-shadow", "When \"use TPR shadow\" is 0, the tertiary control \"IPI"
                + " virtualization\" must be 0.",
            "Set \"use TPR shadow\" or clear \"IPI virtualization\".",
            s -> s.control(PrimaryProcessorBasedControl.USE_TPR_SHADOW) || holds(s, ControlDependency.IPI_VIRTUALIZATION_NEEDS_TPR_SHADOW),
            PROC, PROC3),
        row("ctl-x2apic-excludes-apic-access", "When \"virtualize x2APIC mode\" is 1, \"virtualize APIC"
                + " accesses\" must be 0.",
            "Use only one of \"virtualize x2APIC mode\" and \"virtualize APIC accesses\".",
            s -> holds(s, ControlDependency.VIRTUALIZE_X2APIC_MODE_EXCLUDES_APIC_ACCESSES), PROC, PROC2),
        row("ctl-vid-needs-ext-int-exiting", "When \"virtual-interrupt delivery\" is 1, \"external-interrupt"
                + " exiting\" must be 1.",
            "Set \"external-interrupt exiting\" or clear \"virtual-interrupt delivery\".",
            s -> holds(s, ControlDependency.VIRTUAL_INTERRUPT_DELIVERY_NEEDS_EXTERNAL_INTERRUPT_EXITING),
            PIN, PROC, PROC2),
        row("ctl-posted-int-needs-vid", "When \"process posted interrupts\" is 1, \"virtual-interrupt"
                + " delivery\" must be 1.",
            "Set \"virtual-interrupt delivery\" or clear \"process posted interrupts\".",
            s -> holds(s, ControlDependency.POSTED_INTERRUPTS_NEED_VIRTUAL_INTERRUPT_DELIVERY),
            PIN, PROC, PROC2),
        row("ctl-posted-int-needs-ack-on-exit", "When \"process posted interrupts\" is 1, the VM-exit control"
                + " \"acknowledge interrupt on exit\" must be 1.",
            "Set \"acknowledge interrupt on exit\" or clear \"process posted interrupts\".",
            s -> holds(s, ControlDependency.POSTED_INTERRUPTS_NEED_ACKNOWLEDGE_INTERRUPT_ON_EXIT), PIN, PRIMARY_VM_EXIT_CONTROLS),
        row("ctl-posted-int-vector", "When \"process posted interrupts\" is 1, the posted-interrupt"
                + " notification vector must be 0 to 255 (bits 15:8 zero).",
            "Write a vector of 0 to 255.",
            s -> (!(s.control(PinBasedControl.PROCESS_POSTED_INTERRUPTS)) || (clear(s.field(POSTED_INTERRUPT_NOTIFICATION_VECTOR), 15, 8))),
            PIN, POSTED_INTERRUPT_NOTIFICATION_VECTOR),
        row("ctl-posted-int-desc-addr", "When \"process posted interrupts\" is 1, the posted-interrupt"
                + " descriptor address must be 64-byte aligned and within the physical-address width.",
            "Point the descriptor address at a 64-byte-aligned location below MAXPHYADDR.",
            s -> (!(s.control(PinBasedControl.PROCESS_POSTED_INTERRUPTS)) || (addressOk(s, POSTED_INTERRUPT_DESCRIPTOR_ADDRESS, 64))),
            PIN, POSTED_INTERRUPT_DESCRIPTOR_ADDRESS),
        row("ctl-vpid-nonzero", "When \"enable VPID\" is 1, the VPID must not be 0000H.",
            "Give the guest a VPID of 1 or more (0 is the VMM's).",
            s -> (!(s.control(SecondaryProcessorBasedControl.ENABLE_VPID)) || (s.field(VIRTUAL_PROCESSOR_ID) != 0)),
            PROC, PROC2, VIRTUAL_PROCESSOR_ID),
        row("ctl-eptp-memtype", "When \"enable EPT\" is 1, EPTP bits 2:0 must be a memory type"
                + " IA32_VMX_EPT_VPID_CAP supports: 0 (UC, bit 8) or 6 (WB, bit 14).",
            "Use memory type 6 (WB) in the EPT pointer.",
            s -> !s.ept() || eptMemoryTypeOk(s), PROC, PROC2, EPT_POINTER),
        row("ctl-eptp-walk-length", "When \"enable EPT\" is 1, EPTP bits 5:3 (page-walk length minus 1) must"
                + " be 3 (4-level, IA32_VMX_EPT_VPID_CAP bit 6) or 4 (5-level, bit 7).",
            "Write 3 into EPTP bits 5:3 for 4-level EPT.",
            s -> !s.ept() || eptWalkOk(s), PROC, PROC2, EPT_POINTER),
        row("ctl-eptp-ad", "When \"enable EPT\" is 1, EPTP bit 6 (accessed and dirty flags) must be 0 unless"
                + " IA32_VMX_EPT_VPID_CAP bit 21 is 1.",
            "Clear EPTP bit 6 on processors without EPT accessed/dirty flags.",
            s -> !s.ept() || !set(s.field(EPT_POINTER), EptPointer.ACCESSED_DIRTY_BIT)
                || s.capabilities().eptVpid().supports(EptVpidCapabilityBit.ACCESSED_AND_DIRTY_FLAGS),
            PROC, PROC2, EPT_POINTER),
        row("ctl-eptp-reserved", "When \"enable EPT\" is 1, EPTP reserved bits 11:7 and bits at or above"
                + " MAXPHYADDR must be 0.",
            "Clear EPTP bits 11:7 and use a PML4 address below MAXPHYADDR.",
            s -> !s.ept() || (clear(s.field(EPT_POINTER), 11, 7)
                && s.withinPhysicalWidth(s.field(EPT_POINTER))), PROC, PROC2, EPT_POINTER),
        row("ctl-pml-needs-ept", "When \"enable PML\" is 1, \"enable EPT\" must be 1.",
            "Set \"enable EPT\" or clear \"enable PML\".",
            s -> holds(s, ControlDependency.PML_NEEDS_EPT), PROC, PROC2),
        pageAddress("ctl-pml-addr", "PML address", PML_ADDRESS, s -> s.control(SecondaryProcessorBasedControl.ENABLE_PML),
            "\"enable PML\" is 1", PROC, PROC2),
        row("ctl-unrestricted-needs-ept", "When \"unrestricted guest\" is 1, \"enable EPT\" must be 1.",
            "Set \"enable EPT\" or clear \"unrestricted guest\".",
            s -> holds(s, ControlDependency.UNRESTRICTED_GUEST_NEEDS_EPT), PROC, PROC2),
        row("ctl-mbec-needs-ept", "When \"mode-based execute control for EPT\" is 1, \"enable EPT\" must be 1.",
            "Set \"enable EPT\" or clear \"mode-based execute control for EPT\".",
            s -> holds(s, ControlDependency.MODE_BASED_EXECUTE_CONTROL_NEEDS_EPT), PROC, PROC2),
        row("ctl-spp-needs-ept", "When \"sub-page write permissions for EPT\" is 1, \"enable EPT\" must be 1.",
            "Set \"enable EPT\" or clear \"sub-page write permissions for EPT\".",
            s -> holds(s, ControlDependency.SUB_PAGE_WRITE_PERMISSIONS_NEED_EPT), PROC, PROC2),
        pageAddress("ctl-spptp-addr", "SPP-table pointer", SUB_PAGE_PERMISSION_TABLE_POINTER,
            s -> s.control(SecondaryProcessorBasedControl.SUB_PAGE_WRITE_PERMISSIONS_FOR_EPT), "\"sub-page write permissions for EPT\" is 1",
            PROC, PROC2),
        row("ctl-pt-gpa-needs", "When \"Intel PT uses guest physical addresses\" is 1, \"enable EPT\", the"
                + " VM-entry control \"load IA32_RTIT_CTL\" and the VM-exit control \"clear IA32_RTIT_CTL\""
                + " must be 1.",
            "Set \"enable EPT\", \"load IA32_RTIT_CTL\" and \"clear IA32_RTIT_CTL\", or clear the PT control.",
            s -> holds(s, ControlDependency.PT_GUEST_PHYSICAL_ADDRESSES_NEED_EPT,
                ControlDependency.PT_GUEST_PHYSICAL_ADDRESSES_NEED_LOAD_RTIT_CTL, ControlDependency.PT_GUEST_PHYSICAL_ADDRESSES_NEED_CLEAR_RTIT_CTL),
            PROC, PROC2, VM_ENTRY_CONTROLS, PRIMARY_VM_EXIT_CONTROLS),
        row("ctl-vmfunc-reserved", "When \"enable VM functions\" is 1, no VM-function control may be 1 unless"
                + " IA32_VMX_VMFUNC allows it.",
            "Clear the VM-function controls this processor does not support.",
            s -> (!(s.control(SecondaryProcessorBasedControl.ENABLE_VM_FUNCTIONS)) || ((s.field(VM_FUNCTION_CONTROLS)
                & ~s.capabilities().vmFunctions().allowed1()) == 0)),
            PROC, PROC2, VM_FUNCTION_CONTROLS),
        row("ctl-eptp-switching-needs-ept", "When \"enable VM functions\" is 1 and \"EPTP switching\" is 1,"
                + " \"enable EPT\" must be 1.",
            "Set \"enable EPT\" or clear \"EPTP switching\".",
            s -> (!(s.control(SecondaryProcessorBasedControl.ENABLE_VM_FUNCTIONS) && set(s.field(VM_FUNCTION_CONTROLS),
                VmFunctionControls.EPTP_SWITCHING)) || (s.ept())), PROC, PROC2, VM_FUNCTION_CONTROLS),
        pageAddress("ctl-eptp-list-addr", "EPTP-list address", EPTP_LIST_ADDRESS,
            s -> s.control(SecondaryProcessorBasedControl.ENABLE_VM_FUNCTIONS) && set(s.field(VM_FUNCTION_CONTROLS), VmFunctionControls.EPTP_SWITCHING),
            "\"EPTP switching\" is 1", PROC, PROC2, VM_FUNCTION_CONTROLS),
        pageAddress("ctl-vmread-bitmap-addr", "VMREAD-bitmap address", VMREAD_BITMAP_ADDRESS,
            s -> s.control(SecondaryProcessorBasedControl.VMCS_SHADOWING), "\"VMCS shadowing\" is 1", PROC, PROC2),
        pageAddress("ctl-vmwrite-bitmap-addr", "VMWRITE-bitmap address", VMWRITE_BITMAP_ADDRESS,
            s -> s.control(SecondaryProcessorBasedControl.VMCS_SHADOWING), "\"VMCS shadowing\" is 1", PROC, PROC2),
        pageAddress("ctl-ve-info-addr", "virtualization-exception information address",
            VIRTUALIZATION_EXCEPTION_INFORMATION_ADDRESS, s -> s.control(SecondaryProcessorBasedControl.EPT_VIOLATION_VE),
            "\"EPT-violation #VE\" is 1", PROC, PROC2));
  }

  private static boolean eptMemoryTypeOk(EntryState s) {
    long type = s.field(EPT_POINTER) & EptPointer.MEMORY_TYPE_MASK;
    EptVpidCapability cap = s.capabilities().eptVpid();
    return (type == VmxMemoryType.UNCACHEABLE.value() && cap.supports(EptVpidCapabilityBit.MEMORY_TYPE_UNCACHEABLE))
        || (type == VmxMemoryType.WRITE_BACK.value() && cap.supports(EptVpidCapabilityBit.MEMORY_TYPE_WRITE_BACK));
  }

  /** EPTP bits 5:3, the page-walk length minus 1, against IA32_VMX_EPT_VPID_CAP bits 6 and 7 (SDM Vol. 3D A.10). */
  private static boolean eptWalkOk(EntryState s) {
    long walkLength = field(s.field(EPT_POINTER), 5, EptPointer.PAGE_WALK_LENGTH_SHIFT) + 1;
    EptVpidCapability cap = s.capabilities().eptVpid();
    return (walkLength == 4 && cap.supports(EptVpidCapabilityBit.PAGE_WALK_LENGTH_4))
        || (walkLength == 5 && cap.supports(EptVpidCapabilityBit.PAGE_WALK_LENGTH_5));
  }
}
