package dev.vmcscodegen.runtime.entry;

import static dev.vmcscodegen.runtime.entry.Bits.*;
import static dev.vmcscodegen.runtime.entry.EntryFields.*;
import static dev.vmcscodegen.runtime.entry.Rules.*;

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

  /** Whether a secondary control is in force. */
  private static boolean sec(EntryState s, long bit) {
    return set(s.secondary(), bit);
  }

  private static Check pageAddress(String id, String what, int field, Condition gate, String gateText,
      int... gateFields) {
    int[] fields = new int[gateFields.length + 1];
    System.arraycopy(gateFields, 0, fields, 0, gateFields.length);
    fields[gateFields.length] = field;
    return row(id, "When " + gateText + ", the " + what + " must be 4-KByte aligned (bits 11:0 zero) and"
            + " set no bit beyond the physical-address width.",
        "Point the " + what + " at a 4-KByte-aligned page below MAXPHYADDR.",
        s -> !gate.holds(s) || addressOk(s, field, ALIGN_4K), fields);
  }

  static List<Check> rows() {
    return List.of(
        row("ctl-pin-allowed0", "Every pin-based control the capability MSR reports as fixed to 1 (allowed"
                + " 0-settings, bits 31:0 of IA32_VMX_(TRUE_)PINBASED_CTLS) must be 1.",
            "Set the default-1 bits of the capability MSR in the pin-based controls.",
            s -> hasAllowed0(s.pin(), s.capabilities().pinBased()), PIN),
        row("ctl-pin-allowed1", "No pin-based control may be 1 unless the capability MSR allows it (bits"
                + " 63:32 of IA32_VMX_(TRUE_)PINBASED_CTLS).",
            "Clear the pin-based controls this processor does not support.",
            s -> withinAllowed1(s.pin(), s.capabilities().pinBased()), PIN),
        row("ctl-proc-allowed0", "Every primary processor-based control fixed to 1 by"
                + " IA32_VMX_(TRUE_)PROCBASED_CTLS bits 31:0 must be 1.",
            "Set the default-1 bits of the capability MSR in the primary processor-based controls.",
            s -> hasAllowed0(s.primary(), s.capabilities().procBased()), PROC),
        row("ctl-proc-allowed1", "No primary processor-based control may be 1 unless"
                + " IA32_VMX_(TRUE_)PROCBASED_CTLS bits 63:32 allow it.",
            "Clear the primary processor-based controls this processor does not support.",
            s -> withinAllowed1(s.primary(), s.capabilities().procBased()), PROC),
        row("ctl-proc2-allowed0", "When \"activate secondary controls\" is 1, every secondary control fixed"
                + " to 1 by IA32_VMX_PROCBASED_CTLS2 bits 31:0 must be 1.",
            "Set the default-1 bits of IA32_VMX_PROCBASED_CTLS2 in the secondary controls.",
            s -> hasAllowed0(s.secondary(), s.capabilities().msr(EntryCapabilities.IA32_VMX_PROCBASED_CTLS2))
                || !set(s.primary(), PROC_ACTIVATE_SECONDARY_CONTROLS), PROC, PROC2),
        row("ctl-proc2-allowed1", "When \"activate secondary controls\" is 1, no secondary control may be 1"
                + " unless IA32_VMX_PROCBASED_CTLS2 bits 63:32 allow it.",
            "Clear the secondary controls this processor does not support.",
            s -> withinAllowed1(s.secondary(), s.capabilities().msr(EntryCapabilities.IA32_VMX_PROCBASED_CTLS2)),
            PROC, PROC2),
        row("ctl-proc3-allowed1", "When \"activate tertiary controls\" is 1, no tertiary control may be 1"
                + " unless IA32_VMX_PROCBASED_CTLS3 allows it.",
            "Clear the tertiary controls this processor does not support.",
            s -> (s.tertiary() & ~s.capabilities().msr(EntryCapabilities.IA32_VMX_PROCBASED_CTLS3)) == 0,
            PROC, PROC3),
        row("ctl-cr3-target-count", "The CR3-target count must not exceed the number IA32_VMX_MISC bits 24:16"
                + " reports (4 on all processors so far).",
            "Lower the CR3-target count to at most IA32_VMX_MISC[24:16].",
            s -> s.field(CR3_TARGET_COUNT) <= ((s.capabilities().msr(EntryCapabilities.IA32_VMX_MISC)
                & MISC_CR3_TARGET_COUNT) >>> MISC_CR3_TARGET_COUNT_SHIFT), CR3_TARGET_COUNT),
        pageAddress("ctl-io-bitmap-a-addr", "I/O-bitmap A address", IO_BITMAP_A_ADDRESS,
            s -> set(s.primary(), PROC_USE_IO_BITMAPS), "\"use I/O bitmaps\" is 1", PROC),
        pageAddress("ctl-io-bitmap-b-addr", "I/O-bitmap B address", IO_BITMAP_B_ADDRESS,
            s -> set(s.primary(), PROC_USE_IO_BITMAPS), "\"use I/O bitmaps\" is 1", PROC),
        pageAddress("ctl-msr-bitmap-addr", "MSR-bitmap address", MSR_BITMAPS_ADDRESS,
            s -> set(s.primary(), PROC_USE_MSR_BITMAPS), "\"use MSR bitmaps\" is 1", PROC),
        pageAddress("ctl-virtual-apic-addr", "virtual-APIC address", VIRTUAL_APIC_ADDRESS,
            s -> set(s.primary(), PROC_USE_TPR_SHADOW), "\"use TPR shadow\" is 1", PROC),
        row("ctl-tpr-threshold-reserved", "When \"use TPR shadow\" is 1 and \"virtual-interrupt delivery\" is 0,"
                + " TPR-threshold bits 31:4 must be 0.",
            "Write a TPR threshold of 0 to 15.",
            s -> (!(set(s.primary(), PROC_USE_TPR_SHADOW) && !sec(s, PROC2_VIRTUAL_INTERRUPT_DELIVERY)) || ((s.field(TPR_THRESHOLD) & ~0xFL) == 0)), PROC, PROC2, TPR_THRESHOLD),
        row("ctl-tpr-threshold-vs-vtpr", "When \"use TPR shadow\" is 1 and \"virtual-interrupt delivery\" and"
                + " \"virtualize APIC accesses\" are 0, TPR-threshold bits 3:0 must not exceed VTPR bits 7:4"
                + " (byte 80H of the virtual-APIC page).",
            "Lower the TPR threshold or raise the virtual TPR.",
            s -> (!(set(s.primary(), PROC_USE_TPR_SHADOW)
                    && !sec(s, PROC2_VIRTUAL_INTERRUPT_DELIVERY) && !sec(s, PROC2_VIRTUALIZE_APIC_ACCESSES)) || ((s.field(TPR_THRESHOLD) & 0xF) <= ((s.memory(s.field(VIRTUAL_APIC_ADDRESS) + VTPR_OFFSET, 1)
                    >>> 4) & 0xF))), PROC, PROC2, TPR_THRESHOLD, VIRTUAL_APIC_ADDRESS),
        row("ctl-nmi-exiting-for-virtual-nmis", "When \"NMI exiting\" is 0, \"virtual NMIs\" must be 0.",
            "Set \"NMI exiting\" or clear \"virtual NMIs\".",
            s -> (!(set(s.pin(), PIN_VIRTUAL_NMIS)) || (set(s.pin(), PIN_NMI_EXITING))), PIN),
        row("ctl-virtual-nmis-for-nmi-window", "When \"virtual NMIs\" is 0, \"NMI-window exiting\" must be 0.",
            "Set \"virtual NMIs\" (and \"NMI exiting\") or clear \"NMI-window exiting\".",
            s -> (!(set(s.primary(), PROC_NMI_WINDOW_EXITING)) || (set(s.pin(), PIN_VIRTUAL_NMIS))), PIN, PROC),
        pageAddress("ctl-apic-access-addr", "APIC-access address", APIC_ACCESS_ADDRESS,
            s -> sec(s, PROC2_VIRTUALIZE_APIC_ACCESSES), "\"virtualize APIC accesses\" is 1", PROC, PROC2),
        row("ctl-tpr-shadow-for-apicv", "When \"use TPR shadow\" is 0, \"virtualize x2APIC mode\", \"APIC-register"
                + " virtualization\" and \"virtual-interrupt delivery\" must be 0.",
            "Set \"use TPR shadow\" or clear the APIC-virtualization controls.",
            s -> set(s.primary(), PROC_USE_TPR_SHADOW) || (s.secondary() & (PROC2_VIRTUALIZE_X2APIC_MODE
                | PROC2_APIC_REGISTER_VIRTUALIZATION | PROC2_VIRTUAL_INTERRUPT_DELIVERY)) == 0, PROC, PROC2),
        row("ctl-ipiv-needs-tpr-shadow", "When \"use TPR shadow\" is 0, the tertiary control \"IPI"
                + " virtualization\" must be 0.",
            "Set \"use TPR shadow\" or clear \"IPI virtualization\".",
            s -> set(s.primary(), PROC_USE_TPR_SHADOW) || !set(s.tertiary(), PROC3_IPI_VIRTUALIZATION),
            PROC, PROC3),
        row("ctl-x2apic-excludes-apic-access", "When \"virtualize x2APIC mode\" is 1, \"virtualize APIC"
                + " accesses\" must be 0.",
            "Use only one of \"virtualize x2APIC mode\" and \"virtualize APIC accesses\".",
            s -> !(sec(s, PROC2_VIRTUALIZE_X2APIC_MODE) && sec(s, PROC2_VIRTUALIZE_APIC_ACCESSES)), PROC, PROC2),
        row("ctl-vid-needs-ext-int-exiting", "When \"virtual-interrupt delivery\" is 1, \"external-interrupt"
                + " exiting\" must be 1.",
            "Set \"external-interrupt exiting\" or clear \"virtual-interrupt delivery\".",
            s -> (!(sec(s, PROC2_VIRTUAL_INTERRUPT_DELIVERY)) || (set(s.pin(), PIN_EXTERNAL_INTERRUPT_EXITING))),
            PIN, PROC, PROC2),
        row("ctl-posted-int-needs-vid", "When \"process posted interrupts\" is 1, \"virtual-interrupt"
                + " delivery\" must be 1.",
            "Set \"virtual-interrupt delivery\" or clear \"process posted interrupts\".",
            s -> (!(set(s.pin(), PIN_PROCESS_POSTED_INTERRUPTS)) || (sec(s, PROC2_VIRTUAL_INTERRUPT_DELIVERY))),
            PIN, PROC, PROC2),
        row("ctl-posted-int-needs-ack-on-exit", "When \"process posted interrupts\" is 1, the VM-exit control"
                + " \"acknowledge interrupt on exit\" must be 1.",
            "Set \"acknowledge interrupt on exit\" or clear \"process posted interrupts\".",
            s -> (!(set(s.pin(), PIN_PROCESS_POSTED_INTERRUPTS)) || (set(s.exitControls(), EXIT_ACKNOWLEDGE_INTERRUPT_ON_EXIT))), PIN, PRIMARY_VM_EXIT_CONTROLS),
        row("ctl-posted-int-vector", "When \"process posted interrupts\" is 1, the posted-interrupt"
                + " notification vector must be 0 to 255 (bits 15:8 zero).",
            "Write a vector of 0 to 255.",
            s -> (!(set(s.pin(), PIN_PROCESS_POSTED_INTERRUPTS)) || ((s.field(POSTED_INTERRUPT_NOTIFICATION_VECTOR) & VECTOR_HIGH_BYTE) == 0)),
            PIN, POSTED_INTERRUPT_NOTIFICATION_VECTOR),
        row("ctl-posted-int-desc-addr", "When \"process posted interrupts\" is 1, the posted-interrupt"
                + " descriptor address must be 64-byte aligned and within the physical-address width.",
            "Point the descriptor address at a 64-byte-aligned location below MAXPHYADDR.",
            s -> (!(set(s.pin(), PIN_PROCESS_POSTED_INTERRUPTS)) || (addressOk(s, POSTED_INTERRUPT_DESCRIPTOR_ADDRESS, ALIGN_64))),
            PIN, POSTED_INTERRUPT_DESCRIPTOR_ADDRESS),
        row("ctl-vpid-nonzero", "When \"enable VPID\" is 1, the VPID must not be 0000H.",
            "Give the guest a VPID of 1 or more (0 is the VMM's).",
            s -> (!(sec(s, PROC2_ENABLE_VPID)) || (s.field(VIRTUAL_PROCESSOR_ID) != 0)),
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
            s -> !s.ept() || !set(s.field(EPT_POINTER), EPTP_ACCESSED_DIRTY)
                || set(s.capabilities().msr(EntryCapabilities.IA32_VMX_EPT_VPID_CAP), EPT_CAP_ACCESSED_DIRTY),
            PROC, PROC2, EPT_POINTER),
        row("ctl-eptp-reserved", "When \"enable EPT\" is 1, EPTP reserved bits 11:7 and bits at or above"
                + " MAXPHYADDR must be 0.",
            "Clear EPTP bits 11:7 and use a PML4 address below MAXPHYADDR.",
            s -> !s.ept() || ((s.field(EPT_POINTER) & EPTP_RESERVED_11_7) == 0
                && s.withinPhysicalWidth(s.field(EPT_POINTER))), PROC, PROC2, EPT_POINTER),
        row("ctl-pml-needs-ept", "When \"enable PML\" is 1, \"enable EPT\" must be 1.",
            "Set \"enable EPT\" or clear \"enable PML\".",
            s -> (!(sec(s, PROC2_ENABLE_PML)) || (s.ept())), PROC, PROC2),
        pageAddress("ctl-pml-addr", "PML address", PML_ADDRESS, s -> sec(s, PROC2_ENABLE_PML),
            "\"enable PML\" is 1", PROC, PROC2),
        row("ctl-unrestricted-needs-ept", "When \"unrestricted guest\" is 1, \"enable EPT\" must be 1.",
            "Set \"enable EPT\" or clear \"unrestricted guest\".",
            s -> (!(s.unrestrictedGuest()) || (s.ept())), PROC, PROC2),
        row("ctl-mbec-needs-ept", "When \"mode-based execute control for EPT\" is 1, \"enable EPT\" must be 1.",
            "Set \"enable EPT\" or clear \"mode-based execute control for EPT\".",
            s -> (!(sec(s, PROC2_MODE_BASED_EXECUTE_CONTROL_FOR_EPT)) || (s.ept())), PROC, PROC2),
        row("ctl-spp-needs-ept", "When \"sub-page write permissions for EPT\" is 1, \"enable EPT\" must be 1.",
            "Set \"enable EPT\" or clear \"sub-page write permissions for EPT\".",
            s -> (!(sec(s, PROC2_SUB_PAGE_WRITE_PERMISSIONS_FOR_EPT)) || (s.ept())), PROC, PROC2),
        pageAddress("ctl-spptp-addr", "SPP-table pointer", SUB_PAGE_PERMISSION_TABLE_POINTER,
            s -> sec(s, PROC2_SUB_PAGE_WRITE_PERMISSIONS_FOR_EPT), "\"sub-page write permissions for EPT\" is 1",
            PROC, PROC2),
        row("ctl-pt-gpa-needs", "When \"Intel PT uses guest physical addresses\" is 1, \"enable EPT\", the"
                + " VM-entry control \"load IA32_RTIT_CTL\" and the VM-exit control \"clear IA32_RTIT_CTL\""
                + " must be 1.",
            "Set \"enable EPT\", \"load IA32_RTIT_CTL\" and \"clear IA32_RTIT_CTL\", or clear the PT control.",
            s -> (!(sec(s, PROC2_INTEL_PT_USES_GUEST_PHYSICAL_ADDRESSES)) || (s.ept()
                && set(s.entryControls(), ENTRY_LOAD_IA32_RTIT_CTL)
                && set(s.exitControls(), EXIT_CLEAR_IA32_RTIT_CTL))),
            PROC, PROC2, VM_ENTRY_CONTROLS, PRIMARY_VM_EXIT_CONTROLS),
        row("ctl-vmfunc-reserved", "When \"enable VM functions\" is 1, no VM-function control may be 1 unless"
                + " IA32_VMX_VMFUNC allows it.",
            "Clear the VM-function controls this processor does not support.",
            s -> (!(sec(s, PROC2_ENABLE_VM_FUNCTIONS)) || ((s.field(VM_FUNCTION_CONTROLS)
                & ~s.capabilities().msr(EntryCapabilities.IA32_VMX_VMFUNC)) == 0)),
            PROC, PROC2, VM_FUNCTION_CONTROLS),
        row("ctl-eptp-switching-needs-ept", "When \"enable VM functions\" is 1 and \"EPTP switching\" is 1,"
                + " \"enable EPT\" must be 1.",
            "Set \"enable EPT\" or clear \"EPTP switching\".",
            s -> (!(sec(s, PROC2_ENABLE_VM_FUNCTIONS) && set(s.field(VM_FUNCTION_CONTROLS),
                VMFUNC_EPTP_SWITCHING)) || (s.ept())), PROC, PROC2, VM_FUNCTION_CONTROLS),
        pageAddress("ctl-eptp-list-addr", "EPTP-list address", EPTP_LIST_ADDRESS,
            s -> sec(s, PROC2_ENABLE_VM_FUNCTIONS) && set(s.field(VM_FUNCTION_CONTROLS), VMFUNC_EPTP_SWITCHING),
            "\"EPTP switching\" is 1", PROC, PROC2, VM_FUNCTION_CONTROLS),
        pageAddress("ctl-vmread-bitmap-addr", "VMREAD-bitmap address", VMREAD_BITMAP_ADDRESS,
            s -> sec(s, PROC2_VMCS_SHADOWING), "\"VMCS shadowing\" is 1", PROC, PROC2),
        pageAddress("ctl-vmwrite-bitmap-addr", "VMWRITE-bitmap address", VMWRITE_BITMAP_ADDRESS,
            s -> sec(s, PROC2_VMCS_SHADOWING), "\"VMCS shadowing\" is 1", PROC, PROC2),
        pageAddress("ctl-ve-info-addr", "virtualization-exception information address",
            VIRTUALIZATION_EXCEPTION_INFORMATION_ADDRESS, s -> sec(s, PROC2_EPT_VIOLATION_VE),
            "\"EPT-violation #VE\" is 1", PROC, PROC2));
  }

  private static boolean eptMemoryTypeOk(EntryState s) {
    long type = s.field(EPT_POINTER) & EPTP_MEMORY_TYPE;
    long cap = s.capabilities().msr(EntryCapabilities.IA32_VMX_EPT_VPID_CAP);
    return (type == EPTP_MEMORY_TYPE_UC && set(cap, EPT_CAP_UC))
        || (type == EPTP_MEMORY_TYPE_WB && set(cap, EPT_CAP_WB));
  }

  private static boolean eptWalkOk(EntryState s) {
    long walk = (s.field(EPT_POINTER) & EPTP_WALK) >>> EPTP_WALK_SHIFT;
    long cap = s.capabilities().msr(EntryCapabilities.IA32_VMX_EPT_VPID_CAP);
    return (walk == EPTP_WALK_4 && set(cap, EPT_CAP_WALK_4)) || (walk == EPTP_WALK_5 && set(cap, EPT_CAP_WALK_5));
  }
}
