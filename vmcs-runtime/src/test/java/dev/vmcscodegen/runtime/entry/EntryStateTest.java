package dev.vmcscodegen.runtime.entry;

import static dev.vmcscodegen.runtime.fields.VmcsEncodings.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.runtime.capability.VmxBasic;
import dev.vmcscodegen.runtime.capability.VmxCapabilityMsr;
import dev.vmcscodegen.runtime.control.ControlKind;
import dev.vmcscodegen.runtime.image.VmcsImage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The entry state's derived controls and address predicates, the processor facts and the capability profile. */
class EntryStateTest {

  private static EntryState state(VmcsImage image, EntryCapabilities capabilities, ProcessorFacts facts) {
    return new EntryState(image, capabilities, facts, null);
  }

  private static EntryState state(VmcsImage image) {
    return state(image, Baselines.capabilities(), ProcessorFacts.defaults());
  }

  private static EntryCapabilities withBasic(long basic) {
    Map<Integer, Long> msrs = new HashMap<>(Baselines.capabilities().msrs());
    msrs.put(VmxCapabilityMsr.IA32_VMX_BASIC.address(), basic);
    return new EntryCapabilities(msrs);
  }

  private static ProcessorFacts linearWidth(int width) {
    ProcessorFacts d = ProcessorFacts.defaults();
    return new ProcessorFacts(d.maxPhysicalAddress(), width, d.vmmInIa32eMode(), d.instruction(), d.launchState(),
        d.inSmm(), d.eventsBlockedByMovSs(), d.rtmSupported(), d.sgxSupported(), d.strictNmiUnderSti(),
        d.eferReservedMask(), d.debugctlReservedMask(), d.perfGlobalCtrlReservedMask(), d.currentVmcsPointer());
  }

  // Controls in force (SDM Vol. 3C 25.6.2, 25.7.1).

  @Test
  void secondaryControlsAreZeroAndUnreadWhenPrimaryBit31IsZero() {
    // Primary processor-based bit 31 "activate secondary controls" (Table 25-6).
    VmcsImage image = VmcsImage.empty().with(SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS, 0x82);
    EntryState off = state(image.with(PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS, 0x7FFF_FFFFL));
    assertEquals(0, off.secondary());
    assertEquals(List.of(PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS), List.copyOf(off.reads()));
    EntryState on = state(image.with(PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS, 1L << 31));
    assertEquals(0x82, on.secondary());
    assertEquals(List.of(PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS,
        SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS), List.copyOf(on.reads()));
  }

  @Test
  void tertiaryControlsAreZeroAndUnreadWhenPrimaryBit17IsZero() {
    // Primary processor-based bit 17 "activate tertiary controls" (Table 25-6).
    VmcsImage image = VmcsImage.empty().with(TERTIARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS, 0x2);
    EntryState off = state(image.with(PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS, ~(1L << 17) & 0xFFFF_FFFFL));
    assertEquals(0, off.tertiary());
    assertFalse(off.reads().contains(TERTIARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS));
    assertEquals(0x2, state(image.with(PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS, 1L << 17)).tertiary());
  }

  @Test
  void secondaryExitControlsAreZeroAndUnreadWhenExitBit31IsZero() {
    // Primary VM-exit control bit 31 "activate secondary controls" (Table 25-13).
    VmcsImage image = VmcsImage.empty().with(SECONDARY_VM_EXIT_CONTROLS, 0x4);
    EntryState off = state(image.with(PRIMARY_VM_EXIT_CONTROLS, 0x7FFF_FFFFL));
    assertEquals(0, off.secondaryExitControls());
    assertFalse(off.reads().contains(SECONDARY_VM_EXIT_CONTROLS));
    assertEquals(0x4, state(image.with(PRIMARY_VM_EXIT_CONTROLS, 1L << 31)).secondaryExitControls());
  }

  @Test
  void absentFieldIsMissingInputAndStillRecordedAsRead() {
    EntryState empty = state(VmcsImage.empty());
    MissingInputException missing = assertThrows(MissingInputException.class, () -> empty.field(GUEST_RIP));
    assertEquals("VmcsGuestNW.RIP (0x681E) is absent", missing.getMessage());
    assertEquals(List.of(GUEST_RIP), List.copyOf(empty.reads()));
  }

  // Addresses.

  @Test
  void physicalAddressStopsAtMaxPhysAddr() {
    // Default MAXPHYADDR 46: bit 46 and up must be 0 (SDM Vol. 3C 27.2.1.1).
    EntryState s = state(VmcsImage.empty());
    assertTrue(s.physicalAddressOk((1L << 46) - 0x1000));
    assertFalse(s.physicalAddressOk(1L << 46));
    assertTrue(s.physicalAddressOk(0x1_0000_0000L));
  }

  @Test
  void basicBit48LimitsPhysicalAddressesTo32Bits() {
    // IA32_VMX_BASIC bit 48: addresses are limited to 32 bits (SDM Vol. 3D A.1).
    EntryState s = state(VmcsImage.empty(), withBasic(Baselines.BASIC | (1L << VmxBasic.PHYSICAL_ADDRESS_WIDTH_32_BIT)),
        ProcessorFacts.defaults());
    assertTrue(s.physicalAddressOk(0xFFFF_F000L));
    assertFalse(s.physicalAddressOk(0x1_0000_0000L));
    assertFalse(s.physicalAddressOk(0x1_0000_1000L));
  }

  @Test
  void canonicalFollowsTheLinearAddressWidth() {
    // SDM Vol. 3A 3.3.7.1: bits 63 down to the width's top bit all equal.
    EntryState s48 = state(VmcsImage.empty());
    assertTrue(s48.canonical(0x0000_7FFF_FFFF_FFFFL));
    assertFalse(s48.canonical(0x0000_8000_0000_0000L));
    assertTrue(s48.canonical(0xFFFF_8000_0000_0000L));
    EntryState s57 = state(VmcsImage.empty(), Baselines.capabilities(), linearWidth(57));
    assertTrue(s57.canonical(0x00FF_FFFF_FFFF_FFFFL));
    assertFalse(s57.canonical(0x0100_0000_0000_0000L));
    // A 64-bit linear width leaves no bit to sign-extend: every address is canonical.
    EntryState s64 = state(VmcsImage.empty(), Baselines.capabilities(), linearWidth(64));
    assertTrue(s64.canonical(0x0000_8000_0000_0000L));
    assertTrue(s64.canonical(0x8000_0000_0000_0000L));
  }

  // ProcessorFacts.

  @Test
  void maxPhysAddrIs32To52Inclusive() {
    // SDM Vol. 3A 4.1.4: MAXPHYADDR is at most 52.
    assertEquals(32, ProcessorFacts.defaults().withMaxPhysicalAddress(32).maxPhysicalAddress());
    assertEquals(52, ProcessorFacts.defaults().withMaxPhysicalAddress(52).maxPhysicalAddress());
    IllegalArgumentException low = assertThrows(IllegalArgumentException.class,
        () -> ProcessorFacts.defaults().withMaxPhysicalAddress(31));
    assertEquals("MAXPHYADDR must be 32 to 52 (SDM Vol. 3A 4.1.4), got 31", low.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ProcessorFacts.defaults().withMaxPhysicalAddress(53));
  }

  @Test
  void linearWidthIs48Or57Or64() {
    // SDM Vol. 3A 4.1: 48 bits with 4-level paging, 57 with 5-level paging.
    assertEquals(48, linearWidth(48).linearAddressWidth());
    assertEquals(57, linearWidth(57).linearAddressWidth());
    assertEquals(64, linearWidth(64).linearAddressWidth());
    IllegalArgumentException odd = assertThrows(IllegalArgumentException.class, () -> linearWidth(56));
    assertEquals("linear-address width must be 48, 57 or 64, got 56", odd.getMessage());
    assertThrows(IllegalArgumentException.class, () -> linearWidth(52));
  }

  @Test
  void withersChangeOneFactOnly() {
    ProcessorFacts d = ProcessorFacts.defaults();
    assertEquals(new ProcessorFacts(39, d.linearAddressWidth(), d.vmmInIa32eMode(), d.instruction(),
        d.launchState(), d.inSmm(), d.eventsBlockedByMovSs(), d.rtmSupported(), d.sgxSupported(),
        d.strictNmiUnderSti(), d.eferReservedMask(), d.debugctlReservedMask(), d.perfGlobalCtrlReservedMask(),
        d.currentVmcsPointer()), d.withMaxPhysicalAddress(39));
    assertEquals(new ProcessorFacts(d.maxPhysicalAddress(), d.linearAddressWidth(), d.vmmInIa32eMode(),
        d.instruction(), d.launchState(), d.inSmm(), d.eventsBlockedByMovSs(), true, d.sgxSupported(),
        d.strictNmiUnderSti(), d.eferReservedMask(), d.debugctlReservedMask(), d.perfGlobalCtrlReservedMask(),
        d.currentVmcsPointer()), d.withRtmSupported(true));
    assertEquals(OptionalLong.empty(), d.withRtmSupported(true).currentVmcsPointer());
  }

  // EntryCapabilities.

  @Test
  void trueControlMsrsAreUnknownWhenMissingOnlyWhileBasicBit55IsSet() {
    // SDM Vol. 3D A.1: IA32_VMX_BASIC bit 55 says the TRUE control MSRs 48DH-490H exist; missing, they are
    // unknown, and a check that needs one is not verifiable (never a violation).
    Map<Integer, Long> withoutTrue = new HashMap<>(Baselines.capabilities().msrs());
    withoutTrue.remove(VmxCapabilityMsr.IA32_VMX_TRUE_PINBASED_CTLS.address());
    withoutTrue.remove(VmxCapabilityMsr.IA32_VMX_TRUE_PROCBASED_CTLS.address());
    withoutTrue.remove(VmxCapabilityMsr.IA32_VMX_TRUE_EXIT_CTLS.address());
    withoutTrue.remove(VmxCapabilityMsr.IA32_VMX_TRUE_ENTRY_CTLS.address());
    EntryCapabilities unknownTrue = new EntryCapabilities(withoutTrue);
    assertFalse(unknownTrue.knows(VmxCapabilityMsr.IA32_VMX_TRUE_PINBASED_CTLS));
    assertTrue(assertThrows(MissingInputException.class,
        () -> unknownTrue.controls(ControlKind.PIN_BASED_VM_EXECUTION_CONTROLS)).getMessage()
        .contains("IA32_VMX_TRUE_PINBASED_CTLS (0x48D) is not in the profile"));

    withoutTrue.put(VmxCapabilityMsr.IA32_VMX_BASIC.address(), Baselines.BASIC & ~(1L << VmxBasic.TRUE_CONTROLS_BIT));
    EntryCapabilities original = new EntryCapabilities(withoutTrue);
    assertFalse(original.basic().trueControls());
    assertEquals(0, original.value(VmxCapabilityMsr.IA32_VMX_TRUE_ENTRY_CTLS));
  }
}
