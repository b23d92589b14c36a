package dev.vmcscodegen.runtime.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.runtime.capability.TestProfiles;
import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.control.ControlBit;
import dev.vmcscodegen.runtime.control.ControlKind;
import dev.vmcscodegen.runtime.control.PinBasedControl;
import dev.vmcscodegen.runtime.control.PrimaryProcessorBasedControl;
import dev.vmcscodegen.runtime.control.PrimaryVmExitControl;
import dev.vmcscodegen.runtime.control.SecondaryProcessorBasedControl;
import dev.vmcscodegen.runtime.control.TertiaryProcessorBasedControl;
import dev.vmcscodegen.runtime.control.VmEntryControl;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ControlResolverTest {

  private static final VmxCapabilities COFFEE_LAKE = TestProfiles.get(TestProfiles.COFFEE_LAKE);
  private static final VmxCapabilities KVM = TestProfiles.get(TestProfiles.KVM_DUMP);
  private static final VmxCapabilities NO_UG = TestProfiles.get(TestProfiles.NO_UNRESTRICTED_GUEST);
  private static final VmxCapabilities OLD = TestProfiles.get(TestProfiles.NO_TRUE_NO_SECONDARY);

  private static ResolvedControls resolve(VmxCapabilities caps, ControlIntents intents) {
    return ControlResolver.resolve(caps, intents);
  }

  private static void assertReason(ResolvedControls resolved, ControlBit bit, boolean value, Reason reason) {
    BitDecision decision = resolved.decision(bit);
    assertEquals(value, decision.value(), decision.describe());
    assertEquals(reason, decision.reason(), decision.describe());
  }

  @Nested
  class WithoutIntents {

    @Test
    void fixedBitsDefault1ClassAndTheVmmModeMakeTheValues() {
      ResolvedControls resolved = resolve(COFFEE_LAKE, ControlIntents.none());
      // Pin-based: the TRUE MSR's allowed-0 is 0x16, bits 1, 2, 4 (the default1 class, SDM Vol. 3D A.3.1).
      assertEquals(0x16, resolved.value(ControlKind.PIN_BASED_VM_EXECUTION_CONTROLS));
      // Primary processor-based: TRUE allowed-0 0x04006172; the plain MSR's 0x0401E172 adds bits 15, 16
      // (CR3-load and CR3-store exiting), default1 controls the TRUE MSR lets be 0 (A.2, A.3.2): Algorithm 3
      // of SDM Vol. 3C 31.5.1 gives a control nobody chose its default setting, 1.
      assertEquals(0x0401_E172L, resolved.value(ControlKind.PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS));
      assertReason(resolved, PrimaryProcessorBasedControl.CR3_LOAD_EXITING, true, Reason.DEFAULT);
      // Primary VM-exit: plain allowed-0 0x00036DFF (save debug controls, bit 2, default1) plus "host
      // address-space size" (bit 9), which a VMM in IA-32e mode must set (SDM Vol. 3C 27.2.4).
      assertEquals(0x0003_6FFFL, resolved.value(ControlKind.PRIMARY_VM_EXIT_CONTROLS));
      assertReason(resolved, PrimaryVmExitControl.HOST_ADDRESS_SPACE_SIZE, true, Reason.CONTEXT);
      // VM-entry: the plain allowed-0 0x000011FF (load debug controls, bit 2, default1).
      assertEquals(0x11FF, resolved.value(ControlKind.VM_ENTRY_CONTROLS));
      // No secondary control is asked for: "activate secondary controls" keeps its default 0 and the
      // secondary field is all 0 (SDM Vol. 3C 25.6.2).
      assertEquals(0, resolved.value(ControlKind.SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS));
      assertReason(resolved, PrimaryProcessorBasedControl.ACTIVATE_SECONDARY_CONTROLS, false, Reason.DEFAULT);
      // Coffee Lake has no IA32_VMX_PROCBASED_CTLS3 nor IA32_VMX_EXIT_CTLS2 (bits 49 of 482H and 63 of 483H are 0).
      assertFalse(resolved.hasField(ControlKind.TERTIARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS));
      assertFalse(resolved.hasField(ControlKind.SECONDARY_VM_EXIT_CONTROLS));
      assertReason(resolved, TertiaryProcessorBasedControl.IPI_VIRTUALIZATION, false, Reason.UNSUPPORTED);
    }

    @Test
    void withoutTrueMsrsTheDefault1BitsAreFixed() {
      ResolvedControls resolved = resolve(OLD, ControlIntents.none());
      // IA32_VMX_BASIC bit 55 is 0: IA32_VMX_PROCBASED_CTLS itself reports CR3-load exiting (bit 15) as
      // allowed-0 = 1 (SDM Vol. 3D A.2, A.3.2).
      assertReason(resolved, PrimaryProcessorBasedControl.CR3_LOAD_EXITING, true, Reason.FIXED_BY_CPU);
      assertTrue(resolved.decision(PrimaryProcessorBasedControl.CR3_LOAD_EXITING).why()
          .contains("IA32_VMX_PROCBASED_CTLS allows only 1"));
      assertReason(resolved, SecondaryProcessorBasedControl.ENABLE_EPT, false, Reason.UNSUPPORTED);
      assertTrue(resolved.decision(SecondaryProcessorBasedControl.ENABLE_EPT).why()
          .contains("no IA32_VMX_PROCBASED_CTLS2"));
    }

    @Test
    void aVmmOutsideIa32eModeClearsHostAddressSpaceSize() {
      ResolvedControls resolved = resolve(COFFEE_LAKE, ControlIntents.none().withVmmInIa32eMode(false));
      assertReason(resolved, PrimaryVmExitControl.HOST_ADDRESS_SPACE_SIZE, false, Reason.CONTEXT);
      assertReason(resolved, VmEntryControl.IA32E_MODE_GUEST, false, Reason.CONTEXT);
    }

    @Test
    void everyBitOfEveryFieldIsExplained() {
      ResolvedControls resolved = resolve(COFFEE_LAKE, ControlIntents.none());
      // Five 32-bit fields and two 64-bit ones (SDM Vol. 3C 25.6 to 25.8).
      assertEquals(5 * 32 + 2 * 64, resolved.decisions().size());
      for (BitDecision decision : resolved.decisions()) {
        assertEquals(decision.value(), (resolved.value(decision.kind()) >>> decision.bit() & 1) != 0, decision.describe());
      }
    }
  }

  @Nested
  class Implications {

    @Test
    void unrestrictedGuestBringsEptAndTheSecondaryControls() {
      ResolvedControls resolved = resolve(COFFEE_LAKE, ControlIntents.none().require(SecondaryProcessorBasedControl.UNRESTRICTED_GUEST));
      assertReason(resolved, SecondaryProcessorBasedControl.UNRESTRICTED_GUEST, true, Reason.REQUIRED);
      // 27.2.1.1: "unrestricted guest" 1 needs "enable EPT" 1.
      assertReason(resolved, SecondaryProcessorBasedControl.ENABLE_EPT, true, Reason.IMPLIED);
      assertTrue(resolved.decision(SecondaryProcessorBasedControl.ENABLE_EPT).why().contains("27.2.1.1"));
      // 25.6.2: the secondary controls apply only when "activate secondary controls" is 1.
      assertReason(resolved, PrimaryProcessorBasedControl.ACTIVATE_SECONDARY_CONTROLS, true, Reason.IMPLIED);
      assertEquals(0x82, resolved.value(ControlKind.SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS));
    }

    @Test
    void postedInterruptsBringTheirChain() {
      ResolvedControls resolved = resolve(KVM, ControlIntents.none().require(PinBasedControl.PROCESS_POSTED_INTERRUPTS));
      // 27.2.1.1: posted interrupts need virtual-interrupt delivery and "acknowledge interrupt on exit";
      // virtual-interrupt delivery needs external-interrupt exiting and "use TPR shadow".
      for (ControlBit implied : List.of(SecondaryProcessorBasedControl.VIRTUAL_INTERRUPT_DELIVERY,
          PrimaryVmExitControl.ACKNOWLEDGE_INTERRUPT_ON_EXIT, PinBasedControl.EXTERNAL_INTERRUPT_EXITING,
          PrimaryProcessorBasedControl.USE_TPR_SHADOW, PrimaryProcessorBasedControl.ACTIVATE_SECONDARY_CONTROLS)) {
        assertReason(resolved, implied, true, Reason.IMPLIED);
      }
    }

    @Test
    void ipiVirtualizationActivatesTheTertiaryControls() {
      ResolvedControls resolved = resolve(KVM, ControlIntents.none().require(TertiaryProcessorBasedControl.IPI_VIRTUALIZATION));
      assertReason(resolved, PrimaryProcessorBasedControl.ACTIVATE_TERTIARY_CONTROLS, true, Reason.IMPLIED);
      assertReason(resolved, PrimaryProcessorBasedControl.USE_TPR_SHADOW, true, Reason.IMPLIED);
      // IPI virtualization is bit 4 of the tertiary controls (SDM Vol. 3C 25.6.2).
      assertEquals(0x10, resolved.value(ControlKind.TERTIARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS));
    }

    @Test
    void nmiWindowExitingBringsVirtualNmisAndNmiExiting() {
      ResolvedControls resolved = resolve(COFFEE_LAKE, ControlIntents.none().require(PrimaryProcessorBasedControl.NMI_WINDOW_EXITING));
      assertReason(resolved, PinBasedControl.VIRTUAL_NMIS, true, Reason.IMPLIED);
      assertReason(resolved, PinBasedControl.NMI_EXITING, true, Reason.IMPLIED);
    }

    @Test
    void savingTheTimerBringsTheTimer() {
      ResolvedControls resolved = resolve(COFFEE_LAKE, ControlIntents.none().require(PrimaryVmExitControl.SAVE_VMX_PREEMPTION_TIMER_VALUE));
      // 27.2.1.2: "save VMX-preemption timer value" needs "activate VMX-preemption timer".
      assertReason(resolved, PinBasedControl.ACTIVATE_VMX_PREEMPTION_TIMER, true, Reason.IMPLIED);
    }

    @Test
    void eptViolationVeBringsEpt() {
      ResolvedControls resolved = resolve(KVM, ControlIntents.none().prefer(SecondaryProcessorBasedControl.EPT_VIOLATION_VE));
      assertReason(resolved, SecondaryProcessorBasedControl.EPT_VIOLATION_VE, true, Reason.PREFERRED_GRANTED);
      assertReason(resolved, SecondaryProcessorBasedControl.ENABLE_EPT, true, Reason.IMPLIED);
    }
  }

  @Nested
  class Preferences {

    @Test
    void aPreferenceTheCpuLacksStaysZeroWithTheReason() {
      // Coffee Lake's IA32_VMX_TRUE_PINBASED_CTLS allowed-1 is 0x7F: bit 7, process posted interrupts, may not be 1.
      ResolvedControls resolved = resolve(COFFEE_LAKE, ControlIntents.none().prefer(PinBasedControl.PROCESS_POSTED_INTERRUPTS));
      BitDecision decision = resolved.decision(PinBasedControl.PROCESS_POSTED_INTERRUPTS);
      assertEquals(Reason.PREFERRED_NOT_GRANTED, decision.reason());
      assertTrue(decision.why().contains("allowed-1 bit 39 is 0"), decision.why());
    }

    @Test
    void aPreferenceWhoseDependencyIsMissingStaysZero() {
      // Unrestricted guest is bit 7 of the secondary controls, not offered by this profile's 0x7F.
      ResolvedControls resolved = resolve(NO_UG, ControlIntents.none().prefer(SecondaryProcessorBasedControl.UNRESTRICTED_GUEST,
          SecondaryProcessorBasedControl.ENABLE_VPID));
      assertReason(resolved, SecondaryProcessorBasedControl.UNRESTRICTED_GUEST, false, Reason.PREFERRED_NOT_GRANTED);
      assertReason(resolved, SecondaryProcessorBasedControl.ENABLE_VPID, true, Reason.PREFERRED_GRANTED);
      // On the profile without secondary controls, the gate itself may not be 1 (bit 63 of 482H is 0).
      ResolvedControls old = resolve(OLD, ControlIntents.none().prefer(SecondaryProcessorBasedControl.ENABLE_VPID));
      assertReason(old, SecondaryProcessorBasedControl.ENABLE_VPID, false, Reason.PREFERRED_NOT_GRANTED);
    }

    @Test
    void anExcludedPreferenceLosesToARequirement() {
      ResolvedControls resolved = resolve(COFFEE_LAKE, ControlIntents.none()
          .require(SecondaryProcessorBasedControl.VIRTUALIZE_X2APIC_MODE)
          .prefer(SecondaryProcessorBasedControl.VIRTUALIZE_APIC_ACCESSES));
      // 27.2.1.1: "virtualize x2APIC mode" 1 needs "virtualize APIC accesses" 0.
      assertReason(resolved, SecondaryProcessorBasedControl.VIRTUALIZE_APIC_ACCESSES, false, Reason.PREFERRED_NOT_GRANTED);
      assertTrue(resolved.decision(SecondaryProcessorBasedControl.VIRTUALIZE_APIC_ACCESSES).why().contains("excluded by"));
      assertReason(resolved, PrimaryProcessorBasedControl.USE_TPR_SHADOW, true, Reason.IMPLIED);
    }

    @Test
    void ofTwoExclusivePreferencesTheLowerBitWins() {
      ResolvedControls resolved = resolve(COFFEE_LAKE, ControlIntents.none()
          .prefer(SecondaryProcessorBasedControl.VIRTUALIZE_X2APIC_MODE, SecondaryProcessorBasedControl.VIRTUALIZE_APIC_ACCESSES));
      assertReason(resolved, SecondaryProcessorBasedControl.VIRTUALIZE_APIC_ACCESSES, true, Reason.PREFERRED_GRANTED);
      assertReason(resolved, SecondaryProcessorBasedControl.VIRTUALIZE_X2APIC_MODE, false, Reason.PREFERRED_NOT_GRANTED);
    }

    @Test
    void aForbiddenPreferenceStaysZero() {
      ResolvedControls resolved = resolve(COFFEE_LAKE, ControlIntents.none()
          .prefer(PrimaryProcessorBasedControl.HLT_EXITING).forbid(PrimaryProcessorBasedControl.HLT_EXITING));
      assertReason(resolved, PrimaryProcessorBasedControl.HLT_EXITING, false, Reason.PREFERRED_NOT_GRANTED);
      assertTrue(resolved.decision(PrimaryProcessorBasedControl.HLT_EXITING).why().endsWith("forbidden"));
    }

    @Test
    void forbiddingADefault1BitClearsItWhenTheTrueMsrAllows() {
      // IA32_VMX_TRUE_PROCBASED_CTLS allowed-0 0x04006172 lets CR3-load exiting (bit 15) be 0 (SDM Vol. 3D A.3.2).
      ResolvedControls resolved = resolve(COFFEE_LAKE, ControlIntents.none().forbid(PrimaryProcessorBasedControl.CR3_LOAD_EXITING));
      assertReason(resolved, PrimaryProcessorBasedControl.CR3_LOAD_EXITING, false, Reason.FORBIDDEN);
    }
  }

  @Nested
  class Conflicts {

    @Test
    void everyConflictIsListedWithBothReasons() {
      ControlConflictException thrown = assertThrows(ControlConflictException.class, () -> resolve(OLD,
          ControlIntents.none().require(SecondaryProcessorBasedControl.ENABLE_EPT)
              .require(PinBasedControl.VIRTUAL_NMIS).forbid(PinBasedControl.NMI_EXITING)
              .forbid(PrimaryProcessorBasedControl.CR3_STORE_EXITING)));
      List<String> bits = thrown.conflicts().stream().map(c -> c.kind().describeBit(c.bit())).toList();
      // NMI exiting: implied by virtual NMIs (27.2.1.1), forbidden. CR3-store exiting: fixed to 1 without
      // TRUE MSRs (A.2), forbidden. Activate secondary controls: implied by "enable EPT", not allowed by
      // IA32_VMX_PROCBASED_CTLS bit 63. Enable EPT: required, and no IA32_VMX_PROCBASED_CTLS2 exists.
      assertEquals(List.of("NMI exiting (bit 3)", "CR3-store exiting (bit 16)", "activate secondary controls (bit 31)",
          "enable EPT (bit 1)"), bits, thrown.getMessage());
      assertTrue(thrown.getMessage().startsWith("the control intents cannot be satisfied (4 conflicts):"));
      ControlConflict nmi = thrown.conflicts().get(0);
      assertTrue(nmi.whyOne().contains("implied by \"virtual NMIs\""), nmi.whyOne());
      assertEquals("forbidden", nmi.whyZero());
    }

    @Test
    void requiredAndForbiddenAtOnceIsAConflict() {
      ControlConflictException thrown = assertThrows(ControlConflictException.class, () -> resolve(COFFEE_LAKE,
          ControlIntents.none().require(PrimaryProcessorBasedControl.HLT_EXITING).forbid(PrimaryProcessorBasedControl.HLT_EXITING)));
      assertEquals(1, thrown.conflicts().size());
      assertEquals("required", thrown.conflicts().get(0).whyOne());
    }

    @Test
    void aLongModeGuestNeedsAVmmInIa32eMode() {
      // 27.2.4: outside IA-32e mode "IA-32e mode guest" must be 0, and it needs "host address-space size".
      ControlConflictException thrown = assertThrows(ControlConflictException.class, () -> resolve(COFFEE_LAKE,
          ControlIntents.none().withVmmInIa32eMode(false).require(VmEntryControl.IA32E_MODE_GUEST)));
      assertEquals(2, thrown.conflicts().size(), thrown.getMessage());
    }

    @Test
    void entryToSmmIsNeverAllowedOutsideSmm() {
      ControlConflictException thrown = assertThrows(ControlConflictException.class, () -> resolve(COFFEE_LAKE,
          ControlIntents.none().require(VmEntryControl.ENTRY_TO_SMM)));
      assertTrue(thrown.conflicts().get(0).whyZero().contains("27.2.1.3"));
    }

    @Test
    void unrestrictedGuestIsImpossibleWithoutTheCapability() {
      ControlConflictException thrown = assertThrows(ControlConflictException.class, () -> resolve(NO_UG,
          ControlIntents.none().require(SecondaryProcessorBasedControl.UNRESTRICTED_GUEST)));
      ControlConflict conflict = thrown.conflicts().get(0);
      // IA32_VMX_PROCBASED_CTLS2 = 0x0000007F00000000: allowed-1 bit 39 (bit 7 + 32) is 0 (SDM Vol. 3D A.3.3).
      assertTrue(conflict.whyZero().contains("IA32_VMX_PROCBASED_CTLS2 allows only 0 (allowed-1 bit 39 is 0"), conflict.whyZero());
    }
  }
}
