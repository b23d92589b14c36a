package dev.vmcscodegen.runtime.entry;

import static dev.vmcscodegen.runtime.fields.VmcsEncodings.*;
import static dev.vmcscodegen.runtime.entry.RowProbe.assertHolds;
import static dev.vmcscodegen.runtime.entry.RowProbe.assertViolated;

import dev.vmcscodegen.runtime.capability.VmxCapabilityMsr;
import dev.vmcscodegen.runtime.control.VmFunctionControls;
import dev.vmcscodegen.runtime.control.VmEntryControl;
import dev.vmcscodegen.runtime.control.PrimaryVmExitControl;
import dev.vmcscodegen.runtime.control.PrimaryProcessorBasedControl;
import dev.vmcscodegen.runtime.control.SecondaryProcessorBasedControl;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Boundaries and gates of the VM-execution control checks, SDM Vol. 3C 27.2.1.1, on the 64-bit
 * baseline (which has "use MSR bitmaps", secondary controls, EPT with a 4-level walk and WB, VPID;
 * not "use I/O bitmaps", "use TPR shadow" nor any other secondary control).
 */
class ExecutionControlChecksTest {

  private static final int PROC = PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS;
  private static final int PROC2 = SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS;
  private static final List<Check> ROWS = ExecutionControlChecks.rows();
  /** An address with bits 11:0 not zero: no 4-KByte alignment. */
  private static final long MISALIGNED = 0x1_0001L;

  private final Scenario l = Baselines.longMode();

  /**
   * 27.2.1.1: "The CR3-target count must not be greater than 4" (the number IA32_VMX_MISC bits 24:16
   * report, SDM Vol. 3D A.6). The baseline reports 4.
   */
  @Test
  void cr3TargetCountMayEqualTheReportedNumber() {
    assertHolds(ROWS, "ctl-cr3-target-count", l.set(CR3_TARGET_COUNT, 4), "4 targets, MISC reports 4");
    assertViolated(ROWS, "ctl-cr3-target-count", l.set(CR3_TARGET_COUNT, 5), "5 targets, MISC reports 4");
    // A processor reporting 2 CR3-target values (MISC[24:16] = 2) allows 2 and not 3.
    Scenario two = l.msr(VmxCapabilityMsr.IA32_VMX_MISC, 0x7002_C1E7L);
    assertHolds(ROWS, "ctl-cr3-target-count", two.set(CR3_TARGET_COUNT, 2), "2 targets, MISC reports 2");
    assertViolated(ROWS, "ctl-cr3-target-count", two.set(CR3_TARGET_COUNT, 3), "3 targets, MISC reports 2");
  }

  /** One page-address rule: its id, address field, and a change that turns its gate on. */
  private record Gated(String id, int field, UnaryOperator<Scenario> gateOn) {}

  private static List<Gated> gatedAddresses() {
    return List.of(
        new Gated("ctl-io-bitmap-a-addr", IO_BITMAP_A_ADDRESS, s -> s.or(PROC, PrimaryProcessorBasedControl.USE_IO_BITMAPS.mask())),
        new Gated("ctl-io-bitmap-b-addr", IO_BITMAP_B_ADDRESS, s -> s.or(PROC, PrimaryProcessorBasedControl.USE_IO_BITMAPS.mask())),
        new Gated("ctl-msr-bitmap-addr", MSR_BITMAPS_ADDRESS, s -> s.or(PROC, PrimaryProcessorBasedControl.USE_MSR_BITMAPS.mask())),
        new Gated("ctl-virtual-apic-addr", VIRTUAL_APIC_ADDRESS, s -> s.or(PROC, PrimaryProcessorBasedControl.USE_TPR_SHADOW.mask())),
        new Gated("ctl-apic-access-addr", APIC_ACCESS_ADDRESS,
            s -> s.or(PROC2, SecondaryProcessorBasedControl.VIRTUALIZE_APIC_ACCESSES.mask())),
        new Gated("ctl-pml-addr", PML_ADDRESS, s -> s.or(PROC2, SecondaryProcessorBasedControl.ENABLE_PML.mask())),
        new Gated("ctl-spptp-addr", SUB_PAGE_PERMISSION_TABLE_POINTER,
            s -> s.or(PROC2, SecondaryProcessorBasedControl.SUB_PAGE_WRITE_PERMISSIONS_FOR_EPT.mask())),
        new Gated("ctl-eptp-list-addr", EPTP_LIST_ADDRESS, s -> s.or(PROC2, SecondaryProcessorBasedControl.ENABLE_VM_FUNCTIONS.mask())
            .set(VM_FUNCTION_CONTROLS, VmFunctionControls.EPTP_SWITCHING)),
        new Gated("ctl-vmread-bitmap-addr", VMREAD_BITMAP_ADDRESS, s -> s.or(PROC2, SecondaryProcessorBasedControl.VMCS_SHADOWING.mask())),
        new Gated("ctl-vmwrite-bitmap-addr", VMWRITE_BITMAP_ADDRESS, s -> s.or(PROC2, SecondaryProcessorBasedControl.VMCS_SHADOWING.mask())),
        new Gated("ctl-ve-info-addr", VIRTUALIZATION_EXCEPTION_INFORMATION_ADDRESS,
            s -> s.or(PROC2, SecondaryProcessorBasedControl.EPT_VIOLATION_VE.mask())));
  }

  /**
   * 27.2.1.1 checks each of these addresses only "if" its control is 1: with the control 0 a misaligned
   * address is no error; with it 1, it is.
   */
  @Test
  void pageAddressesAreCheckedOnlyWhenTheirControlIsOne() {
    Scenario off = l.clear(PROC, PrimaryProcessorBasedControl.USE_MSR_BITMAPS.mask());
    for (Gated g : gatedAddresses()) {
      assertHolds(ROWS, g.id(), off.set(g.field(), MISALIGNED), "control 0");
      assertViolated(ROWS, g.id(), g.gateOn().apply(off).set(g.field(), MISALIGNED), "control 1");
      assertHolds(ROWS, g.id(), g.gateOn().apply(off).set(g.field(), 0x1_0000L), "control 1, aligned page");
      // Bit 46 is beyond MAXPHYADDR 46 (the default processor facts).
      assertViolated(ROWS, g.id(), g.gateOn().apply(off).set(g.field(), 1L << 46), "beyond MAXPHYADDR");
    }
  }

  /** SDM Vol. 3C 25.6.2: with "activate secondary controls" 0 the secondary controls act as 0. */
  @Test
  void secondaryGatesAreOffWithoutActivateSecondaryControls() {
    Scenario inactive = l.clear(PROC, PrimaryProcessorBasedControl.ACTIVATE_SECONDARY_CONTROLS.mask());
    for (Gated g : gatedAddresses()) {
      if (g.id().matches("ctl-(io-bitmap-.|msr-bitmap|virtual-apic)-addr")) {
        continue;
      }
      assertHolds(ROWS, g.id(), g.gateOn().apply(inactive).set(g.field(), MISALIGNED), "secondary inactive");
    }
  }

  /** EPTP switching is VM-function control 0 (25.6.14): "enable VM functions" alone does not gate the list. */
  @Test
  void eptpListAddressNeedsBothVmFunctionsAndEptpSwitching() {
    Scenario misaligned = l.set(EPTP_LIST_ADDRESS, MISALIGNED);
    assertHolds(ROWS, "ctl-eptp-list-addr", misaligned.or(PROC2, SecondaryProcessorBasedControl.ENABLE_VM_FUNCTIONS.mask())
        .set(VM_FUNCTION_CONTROLS, 0), "VM functions without EPTP switching");
    assertHolds(ROWS, "ctl-eptp-list-addr", misaligned.set(VM_FUNCTION_CONTROLS, VmFunctionControls.EPTP_SWITCHING),
        "EPTP switching without enable VM functions");
  }

  /**
   * 27.2.1.1: with "use TPR shadow" 1 and "virtual-interrupt delivery" and "virtualize APIC accesses" 0,
   * TPR-threshold bits 3:0 must not be greater than VTPR bits 7:4, VTPR being byte 80H of the
   * virtual-APIC page (30.1.1). Equal is allowed.
   */
  @Test
  void tprThresholdMayEqualTheVirtualTprPriorityClass() {
    Scenario shadow = l.or(PROC, PrimaryProcessorBasedControl.USE_TPR_SHADOW.mask()).set(VIRTUAL_APIC_ADDRESS, 0x3000);
    String id = "ctl-tpr-threshold-vs-vtpr";
    assertHolds(ROWS, id, shadow.set(TPR_THRESHOLD, 5).memory(0x3080, 0x50), "threshold 5, VTPR[7:4] 5");
    assertHolds(ROWS, id, shadow.set(TPR_THRESHOLD, 5).memory(0x3080, 0x5F), "threshold 5, VTPR 5FH");
    assertHolds(ROWS, id, shadow.set(TPR_THRESHOLD, 4).memory(0x3080, 0x50), "threshold 4, VTPR[7:4] 5");
    assertViolated(ROWS, id, shadow.set(TPR_THRESHOLD, 5).memory(0x3080, 0x4F), "threshold 5, VTPR[7:4] 4");
    assertHolds(ROWS, id, shadow.set(TPR_THRESHOLD, 0xF).memory(0x3080, 0xF0), "threshold 15, VTPR[7:4] 15");
    assertHolds(ROWS, id, shadow.set(TPR_THRESHOLD, 0).memory(0x3080, 0), "threshold 0, VTPR 0");
    // The byte above VTPR (81H) is not part of it.
    assertViolated(ROWS, id, shadow.set(TPR_THRESHOLD, 1).memory(0x3080, 0xF000), "VTPR 0, byte 81H F0H");
  }

  /** EPTP bits 2:0 (25.6.11, Table 25-9): 0 is UC, allowed when IA32_VMX_EPT_VPID_CAP bit 8 is 1 (A.10). */
  @Test
  void eptpMemoryTypeUncacheableFollowsCapabilityBit8() {
    // Walk length 4 (bits 5:3 = 3) and A/D (bit 6) as in the baseline, memory type 0.
    Scenario uc = l.set(EPT_POINTER, 0x2000_0058L);
    assertHolds(ROWS, "ctl-eptp-memtype", uc, "UC with bit 8");
    assertViolated(ROWS, "ctl-eptp-memtype",
        uc.msr(VmxCapabilityMsr.IA32_VMX_EPT_VPID_CAP, 0x0000_0F01_0673_4041L), "UC without bit 8");
    assertViolated(ROWS, "ctl-eptp-memtype",
        l.msr(VmxCapabilityMsr.IA32_VMX_EPT_VPID_CAP, 0x0000_0F01_0673_0141L), "WB without bit 14");
  }

  /** EPTP bits 5:3 are the walk length minus 1: 4 (5-level) needs IA32_VMX_EPT_VPID_CAP bit 7 (A.10). */
  @Test
  void eptpFiveLevelWalkFollowsCapabilityBit7() {
    Scenario fiveLevel = l.set(EPT_POINTER, 0x2000_0066L)
        .msr(VmxCapabilityMsr.IA32_VMX_EPT_VPID_CAP, 0x0000_0F01_0673_41C1L);
    assertHolds(ROWS, "ctl-eptp-walk-length", fiveLevel, "5-level with bit 7");
    assertViolated(ROWS, "ctl-eptp-walk-length", fiveLevel.set(EPT_POINTER, 0x2000_0056L),
        "walk length 3 (bits 5:3 = 2) is never supported");
    assertViolated(ROWS, "ctl-eptp-walk-length",
        l.msr(VmxCapabilityMsr.IA32_VMX_EPT_VPID_CAP, 0x0000_0F01_0673_4181L), "4-level without bit 6");
  }

  /**
   * 27.2.1.1: if "Intel PT uses guest physical addresses" is 1, "enable EPT", the VM-entry control "load
   * IA32_RTIT_CTL" and the VM-exit control "clear IA32_RTIT_CTL" must all be 1.
   */
  @Test
  void intelPtGuestPhysicalNeedsEptAndBothRtitControls() {
    Scenario all = l.or(PROC2, SecondaryProcessorBasedControl.INTEL_PT_USES_GUEST_PHYSICAL_ADDRESSES.mask())
        .or(VM_ENTRY_CONTROLS, VmEntryControl.LOAD_IA32_RTIT_CTL.mask()).or(PRIMARY_VM_EXIT_CONTROLS, PrimaryVmExitControl.CLEAR_IA32_RTIT_CTL.mask());
    String id = "ctl-pt-gpa-needs";
    assertHolds(ROWS, id, all, "all three set");
    assertViolated(ROWS, id, all.clear(PROC2, SecondaryProcessorBasedControl.ENABLE_EPT.mask()), "without EPT");
    assertViolated(ROWS, id, all.clear(VM_ENTRY_CONTROLS, VmEntryControl.LOAD_IA32_RTIT_CTL.mask()), "without load RTIT_CTL");
    assertViolated(ROWS, id, all.clear(PRIMARY_VM_EXIT_CONTROLS, PrimaryVmExitControl.CLEAR_IA32_RTIT_CTL.mask()),
        "without clear RTIT_CTL");
    assertHolds(ROWS, id, l, "PT control 0");
  }
}
