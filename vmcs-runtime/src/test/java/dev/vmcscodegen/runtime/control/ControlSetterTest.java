package dev.vmcscodegen.runtime.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.runtime.capability.AllowedSettings;
import dev.vmcscodegen.runtime.capability.ControlCapability;
import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.capability.VmxCapabilityMsr;
import dev.vmcscodegen.runtime.software.SoftwareVmcs;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ControlSetterTest {

  private static final VmxCapabilities SAMPLE = VmxCapabilities.sample();
  private static final ControlKind PRIMARY = ControlKind.PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS;

  @Test
  void setsABitOnTopOfTheFixedOnes() {
    SoftwareVmcs vmx = SoftwareVmcs.builder().msrs(SAMPLE.msrs()).build();
    long written = new ControlSetter(vmx, SAMPLE).enable(PrimaryProcessorBasedControl.HLT_EXITING);
    // Algorithm 3 (SDM Vol. 3C 31.5.1) on a zero field: allowed-0 of IA32_VMX_TRUE_PROCBASED_CTLS
    // (0x04006172) plus HLT exiting, bit 7 (SDM Vol. 3C 25.6.2).
    assertEquals(0x0400_6172L | 0x80, written);
    assertEquals(written, vmx.get(0x4002));
  }

  @Test
  void keepsUntouchedFlexibleBitsAndDropsOnesTheCapabilityForbids() {
    SoftwareVmcs vmx = SoftwareVmcs.builder().msrs(SAMPLE.msrs()).build();
    // old value: RDTSC exiting (bit 12, flexible) and bit 17 (allowed-1 is 0 in 0xFFF9FFFE)
    vmx.put(0x4002, (1L << 12) | (1L << 17));
    long written = new ControlSetter(vmx, SAMPLE).set(PRIMARY, 1L << 7, 0);
    assertEquals(0x0400_6172L | 1L << 7 | 1L << 12, written);
  }

  @Test
  void clearsAFlexibleBit() {
    SoftwareVmcs vmx = SoftwareVmcs.builder().msrs(SAMPLE.msrs()).build();
    vmx.put(0x4000, 0x16L | PinBasedControl.NMI_EXITING.mask() | PinBasedControl.VIRTUAL_NMIS.mask());
    long written = new ControlSetter(vmx, SAMPLE).disable(PinBasedControl.VIRTUAL_NMIS);
    assertEquals(0x16L | 0x8, written);
  }

  @Test
  void rejectsABitBothSetAndCleared() {
    VmxControlException e = assertThrows(VmxControlException.class, () -> ControlSetter.compute(
        capability(PRIMARY), 0, PrimaryProcessorBasedControl.HLT_EXITING.mask(), PrimaryProcessorBasedControl.HLT_EXITING.mask()));
    assertEquals(List.of(new ControlViolation(PRIMARY, 7, ControlViolation.Rule.SET_AND_CLEARED, null)), e.violations());
    assertTrue(e.getMessage().contains("HLT exiting (bit 7) is both set and cleared"), e.getMessage());
  }

  @Test
  void rejectsASetBitAllowedOneForbidsNamingTheMsr() {
    SoftwareVmcs vmx = SoftwareVmcs.builder().msrs(SAMPLE.msrs()).build();
    VmxControlException e = assertThrows(VmxControlException.class,
        () -> new ControlSetter(vmx, SAMPLE).enable(PrimaryProcessorBasedControl.ACTIVATE_TERTIARY_CONTROLS));
    // bit 17 may be 1 only if bit 49 of the TRUE MSR is 1 (SDM Vol. 3D A.3.2); it is 0 in 0xFFF9FFFE04006172
    assertEquals("cannot write the primary processor-based VM-execution controls (0x4002): activate tertiary"
        + " controls (bit 17) cannot be 1: its allowed-1 setting, bit 49 of IA32_VMX_TRUE_PROCBASED_CTLS (0x48E), is 0",
        e.getMessage());
    assertEquals(0, vmx.get(0x4002)); // nothing written
  }

  @Test
  void rejectsAClearedBitAllowedZeroForces() {
    VmxControlException e = assertThrows(VmxControlException.class,
        () -> ControlSetter.compute(capability(ControlKind.PIN_BASED_VM_EXECUTION_CONTROLS), 0, 0, 1L << 1));
    // pin-based bit 1 is default1: allowed-0 0x16 has bit 1 (SDM Vol. 3D A.3.1)
    assertEquals(ControlViolation.Rule.ALLOWED_ZERO_FORBIDS_CLEAR, e.violations().get(0).rule());
    assertEquals("bit 1", e.violations().get(0).bitName());
    assertTrue(e.getMessage().contains("bit 1 cannot be 0: its allowed-0 setting, bit 1 of IA32_VMX_TRUE_PINBASED_CTLS (0x48D), is 1"));
  }

  @Test
  void trueMsrDecidesWhetherCr3LoadExitingMayBeCleared() {
    long clear = PrimaryProcessorBasedControl.CR3_LOAD_EXITING.mask();
    // TRUE MSR 0xFFF9FFFE04006172: bit 15 of allowed-0 is 0, so it may be cleared (SDM Vol. 3D A.3.2)
    assertEquals(0x0400_6172L, ControlSetter.compute(capability(PRIMARY), 0, 0, clear));
    // the plain MSR 0xFFF9FFFE0401E172 forces it to 1: only consulted when bit 55 is 0
    VmxCapabilities plain = withoutTrueControls();
    ControlCapability plainCapability = plain.controlCapability(PRIMARY).orElseThrow();
    assertEquals(VmxCapabilityMsr.IA32_VMX_PROCBASED_CTLS, plainCapability.msr());
    VmxControlException e = assertThrows(VmxControlException.class, () -> ControlSetter.compute(plainCapability, 0, 0, clear));
    assertTrue(e.getMessage().contains("CR3-load exiting (bit 15) cannot be 0: its allowed-0 setting, bit 15 of"
        + " IA32_VMX_PROCBASED_CTLS (0x482), is 1"), e.getMessage());
  }

  @Test
  void reportsAMalformedCapabilityInsteadOfAsserting() {
    ControlCapability bad = new ControlCapability(ControlKind.VM_ENTRY_CONTROLS, VmxCapabilityMsr.IA32_VMX_ENTRY_CTLS,
        AllowedSettings.fromControlMsr(0x0000_0000_0000_0200L));
    VmxControlException e = assertThrows(VmxControlException.class, () -> ControlSetter.compute(bad, 0, 0, 0));
    assertEquals(List.of(new ControlViolation(ControlKind.VM_ENTRY_CONTROLS, 9,
        ControlViolation.Rule.MALFORMED_CAPABILITY, VmxCapabilityMsr.IA32_VMX_ENTRY_CTLS)), e.violations());
    assertTrue(e.getMessage().contains("IA-32e mode guest (bit 9) is malformed in IA32_VMX_ENTRY_CTLS (0x484)"));
  }

  @Test
  void rejectsBitsBeyondA32BitField() {
    VmxControlException e = assertThrows(VmxControlException.class,
        () -> ControlSetter.compute(capability(PRIMARY), 0, 1L << 40, 0));
    assertEquals(ControlViolation.Rule.BEYOND_WIDTH, e.violations().get(0).rule());
  }

  @Test
  void refusesAFieldTheProcessorLacks() {
    SoftwareVmcs vmx = SoftwareVmcs.builder().msrs(SAMPLE.msrs()).build();
    ControlSetter setter = new ControlSetter(vmx, SAMPLE);
    VmxControlException e = assertThrows(VmxControlException.class,
        () -> setter.enable(TertiaryProcessorBasedControl.IPI_VIRTUALIZATION));
    assertEquals(ControlViolation.Rule.FIELD_UNSUPPORTED, e.violations().get(0).rule());
    assertTrue(e.getMessage().contains("IA32_VMX_PROCBASED_CTLS3 (0x492) does not exist"));
    assertThrows(VmxControlException.class, () -> setter.set(ControlKind.SECONDARY_VM_EXIT_CONTROLS, 0, 0));
  }

  @Test
  void tertiaryControlsAre64BitsWide() {
    VmxCapabilities caps = withTertiary(0x8000_0000_0000_0095L);
    SoftwareVmcs vmx = SoftwareVmcs.builder().msrs(caps.msrs()).build();
    vmx.put(0x2034, 1L << 63);
    long written = new ControlSetter(vmx, caps).enable(TertiaryProcessorBasedControl.IPI_VIRTUALIZATION,
        TertiaryProcessorBasedControl.VIRTUALIZE_IA32_SPEC_CTRL);
    // bit 63 is flexible and untouched, so it stays; bits 4 and 7 are set (SDM Vol. 3C 25.6.2, A.3.4)
    assertEquals(1L << 63 | 1L << 4 | 1L << 7, written);
    assertEquals(written, vmx.get(0x2034));
    VmxControlException e = assertThrows(VmxControlException.class,
        () -> new ControlSetter(vmx, caps).set(ControlKind.TERTIARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS, 1L << 40, 0));
    assertTrue(e.getMessage().contains("bit 40 cannot be 1: its allowed-1 setting, bit 40 of IA32_VMX_PROCBASED_CTLS3 (0x492), is 0"),
        e.getMessage());
  }

  @Test
  void setsAndClearsNamedBitsGivenAsCollections() {
    SoftwareVmcs vmx = SoftwareVmcs.builder().msrs(SAMPLE.msrs()).build();
    vmx.put(0x4002, PrimaryProcessorBasedControl.INVLPG_EXITING.mask());
    long written = new ControlSetter(vmx, SAMPLE).set(PRIMARY,
        List.of(PrimaryProcessorBasedControl.HLT_EXITING, PrimaryProcessorBasedControl.RDTSC_EXITING),
        List.of(PrimaryProcessorBasedControl.INVLPG_EXITING));
    // SDM Vol. 3C 25.6.2: HLT exiting bit 7, INVLPG exiting bit 9, RDTSC exiting bit 12, all flexible in
    // IA32_VMX_TRUE_PROCBASED_CTLS 0xFFF9FFFE04006172 (A.3.2); its allowed-0 bits stay set.
    assertEquals(0x0400_6172L | 1L << 7 | 1L << 12, written);
    assertEquals(written, vmx.get(0x4002));
  }

  @Test
  void rejectsABitOfAnotherField() {
    ControlSetter setter = new ControlSetter(SoftwareVmcs.builder().msrs(SAMPLE.msrs()).build(), SAMPLE);
    assertThrows(IllegalArgumentException.class,
        () -> setter.set(PRIMARY, List.of(PinBasedControl.NMI_EXITING), List.of()));
  }

  @Test
  void unnamedBitsPrintAsBitN() {
    assertEquals("bit 29", ControlKind.SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS.describeBit(29));
    assertEquals("HLT exiting (bit 7), bit 8", PRIMARY.describeBits(0x180));
  }

  @Test
  void everyControlBitIsInsideItsFieldAndUnique() {
    for (ControlKind kind : ControlKind.values()) {
      long seen = 0;
      for (ControlBit bit : kind.bits()) {
        assertEquals(kind, bit.kind());
        assertTrue(bit.bit() < kind.width());
        assertEquals(0, seen & bit.mask(), kind + " repeats bit " + bit.bit());
        seen |= bit.mask();
      }
    }
  }

  @Test
  void randomUpdatesAlwaysSatisfyAllowedSettingsAndTheRequest() {
    Random random = new Random(0xA160_3L);
    for (int round = 0; round < 20_000; round++) {
      ControlKind kind = ControlKind.values()[random.nextInt(ControlKind.values().length)];
      long widthMask = kind.widthMask();
      long allowed1 = random.nextLong() & widthMask;
      long allowed0 = kind.width() == 64 ? 0 : allowed1 & random.nextLong();
      ControlCapability capability = new ControlCapability(kind, kind.capabilityMsr(),
          new AllowedSettings(allowed0, allowed1, kind.width()));
      long old = random.nextLong() & widthMask;
      long set = allowed1 & random.nextLong();
      long clear = ~allowed0 & ~set & random.nextLong() & widthMask;
      long value = ControlSetter.compute(capability, old, set, clear);
      assertTrue(capability.allowed().permits(value), "allowed-0/1 violated");
      assertEquals(set, value & set);
      assertEquals(0, value & clear);
      long untouched = ~allowed0 & allowed1 & ~(set | clear);
      assertEquals(old & untouched, value & untouched);
    }
  }

  private static ControlCapability capability(ControlKind kind) {
    return SAMPLE.controlCapability(kind).orElseThrow();
  }

  private static VmxCapabilities withoutTrueControls() {
    Map<VmxCapabilityMsr, Long> values = values();
    values.put(VmxCapabilityMsr.IA32_VMX_BASIC, values.get(VmxCapabilityMsr.IA32_VMX_BASIC) & ~(1L << 55));
    values.keySet().removeIf(msr -> msr.condition().orElse(null) == VmxCapabilityMsr.IA32_VMX_BASIC);
    return VmxCapabilities.of(values);
  }

  static VmxCapabilities withTertiary(long allowed1) {
    Map<VmxCapabilityMsr, Long> values = values();
    values.put(VmxCapabilityMsr.IA32_VMX_PROCBASED_CTLS, values.get(VmxCapabilityMsr.IA32_VMX_PROCBASED_CTLS) | 1L << 49);
    values.put(VmxCapabilityMsr.IA32_VMX_TRUE_PROCBASED_CTLS,
        values.get(VmxCapabilityMsr.IA32_VMX_TRUE_PROCBASED_CTLS) | 1L << 49);
    values.put(VmxCapabilityMsr.IA32_VMX_PROCBASED_CTLS3, allowed1);
    return VmxCapabilities.of(values);
  }

  private static Map<VmxCapabilityMsr, Long> values() {
    Map<VmxCapabilityMsr, Long> values = new EnumMap<>(VmxCapabilityMsr.class);
    for (VmxCapabilityMsr msr : VmxCapabilityMsr.values()) {
      SAMPLE.value(msr).ifPresent(value -> values.put(msr, value));
    }
    return values;
  }
}
