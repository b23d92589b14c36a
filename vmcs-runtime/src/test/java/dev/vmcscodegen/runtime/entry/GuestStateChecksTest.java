package dev.vmcscodegen.runtime.entry;

import static dev.vmcscodegen.runtime.fields.VmcsEncodings.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.vmcscodegen.runtime.capability.VmxCapabilityMsr;
import dev.vmcscodegen.runtime.exit.InterruptionType;
import dev.vmcscodegen.runtime.arch.ExceptionVector;
import dev.vmcscodegen.runtime.arch.InterruptionInfoLayout;
import dev.vmcscodegen.runtime.arch.PendingDebugExceptions;
import dev.vmcscodegen.runtime.arch.Interruptibility;
import dev.vmcscodegen.runtime.arch.ActivityState;
import dev.vmcscodegen.runtime.arch.Rflags;
import dev.vmcscodegen.runtime.arch.Cr4;
import dev.vmcscodegen.runtime.control.VmEntryControl;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Boundary and branch cases of the guest-state checks, SDM Vol. 3C 27.3.1: each case is a valid baseline
 * with one change, and states which checks (none, or exactly one) the SDM says fail.
 */
class GuestStateChecksTest {

  private static final int ACTIVITY = GUEST_ACTIVITY_STATE;
  private static final int INFO = VM_ENTRY_INTERRUPTION_INFORMATION;
  private static final int INTR = GUEST_INTERRUPTIBILITY_STATE;
  private static final int PENDING = GUEST_PENDING_DEBUG_EXCEPTIONS;
  /** IA32_VMX_MISC of the baselines: HLT, shutdown and wait-for-SIPI supported (bits 6, 7, 8). */
  private static final long MISC = 0x7004_C1E7L;

  /**
   * Interruption information (SDM Vol. 3C 25.8.3, Table 25-17): vector 7:0, type 10:8 (0 external
   * interrupt, 2 NMI, 3 hardware exception, 4 software interrupt, 7 other event), valid bit 31.
   */
  private static long event(int type, int vector) {
    return InterruptionInfoLayout.VALID | ((long) type << 8) | vector;
  }

  private static List<String> violated(Scenario s) {
    return s.check().violatedIds();
  }

  private static ProcessorFacts withSgx(ProcessorFacts f) {
    return new ProcessorFacts(f.maxPhysicalAddress(), f.linearAddressWidth(), f.vmmInIa32eMode(), f.instruction(),
        f.launchState(), f.inSmm(), f.eventsBlockedByMovSs(), f.rtmSupported(), true, f.strictNmiUnderSti(),
        f.eferReservedMask(), f.debugctlReservedMask(), f.perfGlobalCtrlReservedMask(), f.currentVmcsPointer());
  }

  // 27.3.1.5 activity state: "The activity-state field must contain a value in the range 0 - 3, indicating
  // an activity state supported by the implementation"; IA32_VMX_MISC bits 6, 7, 8 report HLT, shutdown
  // and wait-for-SIPI (SDM Vol. 3D A.6).

  @Test
  void activityStateTheProcessorDoesNotReportIsRejected() {
    Scenario l = Baselines.longMode();
    assertEquals(List.of("guest-activity-value"),
        violated(l.msr(VmxCapabilityMsr.IA32_VMX_MISC, MISC & ~(1L << 6)).set(ACTIVITY, ActivityState.HLT)));
    assertEquals(List.of("guest-activity-value"),
        violated(l.msr(VmxCapabilityMsr.IA32_VMX_MISC, MISC & ~(1L << 7)).set(ACTIVITY, ActivityState.SHUTDOWN)));
    assertEquals(List.of("guest-activity-value"), violated(
        l.msr(VmxCapabilityMsr.IA32_VMX_MISC, MISC & ~(1L << 8)).set(ACTIVITY, ActivityState.WAIT_FOR_SIPI)));
  }

  @Test
  void activityStatesTheProcessorReportsAreAccepted() {
    Scenario l = Baselines.longMode();
    assertEquals(List.of(), violated(l.set(ACTIVITY, ActivityState.HLT)));
    assertEquals(List.of(), violated(l.set(ACTIVITY, ActivityState.SHUTDOWN)));
    assertEquals(List.of(), violated(l.set(ACTIVITY, ActivityState.WAIT_FOR_SIPI)));
  }

  // 27.3.1.5: "If the activity-state field indicates the HLT state, the only events that can be injected
  // are external interrupts, NMIs, hardware exceptions with vector 1 (#DB) or 18 (#MC), and pending MTF VM
  // exits (interruption type 7, vector 0)."

  @Test
  void hltAcceptsTheEventsTheSdmLists() {
    Scenario hlt = Baselines.longMode().set(ACTIVITY, ActivityState.HLT);
    // An external interrupt also needs RFLAGS.IF = 1 (27.3.1.4).
    assertEquals(List.of(), violated(hlt.or(GUEST_RFLAGS, Rflags.IF)
        .set(INFO, event(InterruptionType.EXTERNAL_INTERRUPT.code(), 0x20))));
    assertEquals(List.of(), violated(hlt.set(INFO, event(InterruptionType.NMI.code(), ExceptionVector.NMI))));
    assertEquals(List.of(), violated(hlt.set(INFO, event(InterruptionType.HARDWARE_EXCEPTION.code(), ExceptionVector.DB))));
    assertEquals(List.of(), violated(hlt.set(INFO, event(InterruptionType.HARDWARE_EXCEPTION.code(), ExceptionVector.MC))));
    assertEquals(List.of(), violated(hlt.set(INFO, event(InterruptionType.OTHER_EVENT.code(), InterruptionInfoLayout.PENDING_MTF_VECTOR))));
  }

  @Test
  void hltRejectsOtherEvents() {
    Scenario hlt = Baselines.longMode().set(ACTIVITY, ActivityState.HLT);
    // INT 80H as a software interrupt; length 0 is allowed since IA32_VMX_MISC[30] is 1 (27.2.1.3).
    assertEquals(List.of("guest-activity-hlt-events"),
        violated(hlt.set(INFO, event(InterruptionType.SOFTWARE_INTERRUPT.code(), 0x80))));
    // #BP (vector 3) as a hardware exception.
    assertEquals(List.of("guest-activity-hlt-events"),
        violated(hlt.set(INFO, event(InterruptionType.HARDWARE_EXCEPTION.code(), 3))));
  }

  // 27.3.1.5: "If the activity-state field indicates the shutdown state, the only events that can be
  // injected are NMI and machine-check exception (interruption type hardware exception and vector 18)."

  @Test
  void shutdownAcceptsNmiAndMachineCheck() {
    Scenario shutdown = Baselines.longMode().set(ACTIVITY, ActivityState.SHUTDOWN);
    assertEquals(List.of(), violated(shutdown.set(INFO, event(InterruptionType.NMI.code(), ExceptionVector.NMI))));
    assertEquals(List.of(), violated(shutdown.set(INFO, event(InterruptionType.HARDWARE_EXCEPTION.code(), ExceptionVector.MC))));
  }

  @Test
  void shutdownRejectsOtherHardwareExceptions() {
    Scenario shutdown = Baselines.longMode().set(ACTIVITY, ActivityState.SHUTDOWN);
    // #DB is allowed in HLT but not in shutdown.
    assertEquals(List.of("guest-activity-shutdown-events"),
        violated(shutdown.set(INFO, event(InterruptionType.HARDWARE_EXCEPTION.code(), ExceptionVector.DB))));
  }

  // 27.3.1.5 interruptibility state: "Bit 4 (enclave interruption) must be 0 if bit 1 (blocking by MOV SS)
  // is 1 or if the processor does not support SGX (CPUID.(EAX=7,ECX=0):EBX.SGX[bit 2])."

  @Test
  void enclaveInterruptionNeedsSgxAndNoMovSsBlocking() {
    Scenario sgx = Baselines.longMode().facts(GuestStateChecksTest::withSgx);
    assertEquals(List.of(), violated(sgx.set(INTR, Interruptibility.ENCLAVE_INTERRUPTION)));
    assertEquals(List.of("guest-intr-enclave"),
        violated(sgx.set(INTR, Interruptibility.ENCLAVE_INTERRUPTION | Interruptibility.BLOCKING_BY_MOV_SS)));
  }

  // 27.3.1.5 pending debug exceptions: "If bit 16 (RTM) is 1: bits 11:0, bits 15:13, and bits 63:17 must
  // be 0; bit 12 must be 1; the processor must support RTM (CPUID.(EAX=7,ECX=0):EBX[bit 11]); and the
  // interruptibility-state field must not indicate blocking by MOV SS."

  @Test
  void rtmPendingDebugExceptionAcceptedWhenEveryConditionHolds() {
    Scenario rtm = Baselines.longMode().facts(f -> f.withRtmSupported(true));
    assertEquals(List.of(), violated(rtm.set(PENDING, PendingDebugExceptions.RTM | PendingDebugExceptions.ENABLED_BREAKPOINT)));
  }

  @Test
  void rtmPendingDebugExceptionRejectedWhenOneConditionFails() {
    Scenario rtm = Baselines.longMode().facts(f -> f.withRtmSupported(true));
    long ok = PendingDebugExceptions.RTM | PendingDebugExceptions.ENABLED_BREAKPOINT;
    // Bit 12 clear.
    assertEquals(List.of("guest-pending-dbg-rtm"), violated(rtm.set(PENDING, PendingDebugExceptions.RTM)));
    // B0 (bit 0): a bit that must be 0 only with RTM.
    assertEquals(List.of("guest-pending-dbg-rtm"), violated(rtm.set(PENDING, ok | 1)));
    // BS (bit 14), in 15:13.
    assertEquals(List.of("guest-pending-dbg-rtm"), violated(rtm.set(PENDING, ok | PendingDebugExceptions.BS)));
    // Blocking by MOV SS.
    assertEquals(List.of("guest-pending-dbg-rtm"),
        violated(rtm.set(PENDING, ok).set(INTR, Interruptibility.BLOCKING_BY_MOV_SS)));
  }

  // 27.3.1.5: the BS rules apply only "if the interruptibility-state field indicates blocking by STI (bit
  // 0) or blocking by MOV SS (bit 1) or if the activity-state field indicates HLT": then BS (bit 14) must
  // be 1 if RFLAGS.TF is 1 and IA32_DEBUGCTL.BTF is 0.

  @Test
  void singleStepWithoutBlockingOrHltNeedsNoBs() {
    assertEquals(List.of(), violated(Baselines.longMode().or(GUEST_RFLAGS, Rflags.TF)));
  }

  @Test
  void singleStepInHltOrUnderMovSsNeedsBs() {
    Scenario tf = Baselines.longMode().or(GUEST_RFLAGS, Rflags.TF);
    assertEquals(List.of("guest-pending-dbg-bs-tf"), violated(tf.set(ACTIVITY, ActivityState.HLT)));
    assertEquals(List.of(), violated(tf.set(ACTIVITY, ActivityState.HLT).set(PENDING, PendingDebugExceptions.BS)));
    assertEquals(List.of("guest-pending-dbg-bs-tf"), violated(tf.set(INTR, Interruptibility.BLOCKING_BY_MOV_SS)));
  }

  // 27.3.1.6: the PDPTE checks apply only with PAE paging: CR0.PG = 1, CR4.PAE = 1 and "IA-32e mode
  // guest" 0. PDPTE bit 1 is reserved (SDM Vol. 3A Table 4-8).

  @Test
  void pdptesAreIgnoredWithoutPaePaging() {
    // IA-32e mode: 4-level paging.
    assertEquals(List.of(), violated(Baselines.longMode().set(GUEST_PDPTE2, 0x3000_2003L)));
    // 32-bit paging: CR4.PAE 0.
    assertEquals(List.of(), violated(Baselines.pae().clear(GUEST_CR4, Cr4.PAE).or(GUEST_PDPTE2, 1L << 1)));
    // Paging off.
    assertEquals(List.of(), violated(Baselines.realMode().set(GUEST_PDPTE2, 0x3000_2003L)));
  }

  // 27.3.1.2 TR: "If the guest will not be IA-32e mode, the Type must be 3 (16-bit busy TSS) or 11 (32-bit
  // busy TSS)."

  @Test
  void trOutsideIa32eModeMayBeABusy16BitTss() {
    assertEquals(List.of(), violated(Baselines.pae().set(GUEST_TR_ACCESS_RIGHTS, 0x83)));
    // Type 9, an available 32-bit TSS, is not busy.
    assertEquals(List.of("guest-tr-type"), violated(Baselines.pae().set(GUEST_TR_ACCESS_RIGHTS, 0x89)));
  }

  // 27.3.1.2 CS: "If the Type is 13 or 15 (conforming code segment), the DPL cannot be greater than the DPL
  // in the SS access-rights field." Equal DPLs are allowed.

  @Test
  void conformingCsMayHaveTheDplOfSs() {
    // Type 15, S, DPL 0, P, D/B, G; SS DPL 0.
    assertEquals(List.of(), violated(Baselines.pae().set(GUEST_CS_ACCESS_RIGHTS, 0xC09F)));
  }

  // 27.3.1.2 DS, ES, FS, GS: "The DPL cannot be less than the RPL in the selector field if (1) the
  // "unrestricted guest" VM-execution control is 0; (2) the register is usable; and (3) the Type is in
  // the range 0 - 11 (data segment or non-conforming code segment)."

  @Test
  void dataRegisterWithType11IsStillBoundByRpl() {
    // Type 11 (execute/read, accessed) at DPL 0 with selector RPL 3.
    Scenario type11 = Baselines.pae().set(GUEST_DS_ACCESS_RIGHTS, 0xC09B).set(GUEST_DS_SELECTOR, 0x13);
    assertEquals(List.of("guest-data-seg-dpl-ge-rpl:ds"), violated(type11));
  }

  @Test
  void dataRegisterWithConformingCodeTypeIsNotBoundByRpl() {
    // Type 15 (conforming execute/read, accessed) at DPL 0 with selector RPL 3: type above 11.
    assertEquals(List.of(), violated(Baselines.pae().set(GUEST_DS_ACCESS_RIGHTS, 0xC09F).set(GUEST_DS_SELECTOR, 0x13)));
  }

  // 27.3.1.1 MSRs loaded on entry: reserved bits must be 0, and only those.

  @Test
  void validPerfGlobalCtrlIsAccepted() {
    // PMC0 enabled: bit 0 is not reserved with 4 general counters and 3 fixed (mask of GuestTrips).
    Scenario s = Baselines.longMode().facts(f -> f.withPerfGlobalCtrlReservedMask(~0x7_0000_000FL))
        .or(VM_ENTRY_CONTROLS, VmEntryControl.LOAD_IA32_PERF_GLOBAL_CTRL.mask()).set(GUEST_IA32_PERF_GLOBAL_CTRL, 1);
    assertEquals(List.of(), violated(s));
  }

  @Test
  void bndcfgsBaseMustBeCanonical() {
    // IA32_BNDCFGS: EN bit 0, reserved 11:2, base 63:12 canonical (SDM Vol. 4 Table 2-2; 27.3.1.1).
    Scenario s = Baselines.longMode().or(VM_ENTRY_CONTROLS, VmEntryControl.LOAD_IA32_BNDCFGS.mask());
    assertEquals(List.of(), violated(s.set(GUEST_IA32_BNDCFGS, 0x0000_7FFF_FFFF_F001L)));
    assertEquals(List.of(), violated(s.set(GUEST_IA32_BNDCFGS, 0xFFFF_8000_0000_0001L)));
    assertEquals(List.of("guest-bndcfgs"), violated(s.set(GUEST_IA32_BNDCFGS, 0x0000_8000_0000_0001L)));
  }

  @Test
  void pkrsWithinLow32BitsIsAccepted() {
    // 27.3.1.1: with "load PKRS", IA32_PKRS bits 63:32 must be 0; 0x55555554 disables access to keys 1-15.
    assertEquals(List.of(), violated(Baselines.longMode().or(VM_ENTRY_CONTROLS, VmEntryControl.LOAD_PKRS.mask())
        .set(GUEST_IA32_PKRS, 0x5555_5554L)));
  }

  @Test
  void segmentViewKnowsItsRegister() {
    Scenario s = Baselines.longMode();
    EntryState state = new EntryState(s.image(), s.capabilities(), s.facts(), null);
    for (GuestSegment register : GuestSegment.values()) {
      assertSame(register, state.segment(register).register());
    }
  }
}
