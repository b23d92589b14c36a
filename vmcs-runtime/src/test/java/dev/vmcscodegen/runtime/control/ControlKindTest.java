package dev.vmcscodegen.runtime.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.capability.VmxCapabilityMsr;
import dev.vmcscodegen.runtime.software.SoftwareVmcs;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Control bits by their SDM names, the fields' SDM sections, and what a refused update carries: the
 * kind, each violation's forbidding MSR, and the checks of a violation's own values.
 */
class ControlKindTest {

  private static final VmxCapabilities SAMPLE = VmxCapabilities.sample();
  private static final ControlKind PIN = ControlKind.PIN_BASED_VM_EXECUTION_CONTROLS;
  private static final ControlKind PRIMARY = ControlKind.PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS;
  private static final ControlKind TERTIARY = ControlKind.TERTIARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS;

  @Test
  void bitsListTheNamedPositionsOfEachField() {
    // SDM Vol. 3C 25.6.1, pin-based controls: bits 0, 3, 5, 6 and 7 are defined; 1, 2 and 4 are default1.
    assertEquals(List.of(0, 3, 5, 6, 7), PIN.bits().stream().map(ControlBit::bit).toList());
    // SDM Vol. 3C 25.7.1, secondary VM-exit controls: bits 0, 1 and 3 are named here.
    assertEquals(List.of(0, 1, 3), ControlKind.SECONDARY_VM_EXIT_CONTROLS.bits().stream().map(ControlBit::bit).toList());
    for (ControlKind kind : ControlKind.values()) {
      assertFalse(kind.bits().isEmpty(), kind.name());
    }
  }

  @Test
  void bitsCarryTheSdmNames() {
    // SDM Vol. 3C 25.6.1, Definitions of Pin-Based VM-Execution Controls
    assertEquals("NMI exiting", PinBasedControl.NMI_EXITING.sdmName());
    assertEquals("activate VMX-preemption timer (bit 6)", PIN.describeBit(6));
    // SDM Vol. 3C 25.6.2, Definitions of Secondary Processor-Based VM-Execution Controls
    assertEquals("enable EPT (bit 1)",
        ControlKind.SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS.describeBit(1));
    assertEquals("unrestricted guest", SecondaryProcessorBasedControl.UNRESTRICTED_GUEST.sdmName());
    // SDM Vol. 3C 25.6.2, Definitions of Tertiary Processor-Based VM-Execution Controls
    assertEquals("IPI virtualization (bit 4)", TERTIARY.describeBit(4));
    assertEquals("LOADIWKEY exiting", TertiaryProcessorBasedControl.LOADIWKEY_EXITING.sdmName());
    // SDM Vol. 3C 25.7.1, Definitions of Primary VM-Exit Controls
    assertEquals("acknowledge interrupt on exit (bit 15)", ControlKind.PRIMARY_VM_EXIT_CONTROLS.describeBit(15));
    assertEquals("host address-space size", PrimaryVmExitControl.HOST_ADDRESS_SPACE_SIZE.sdmName());
    // SDM Vol. 3C 25.7.1, Definitions of Secondary VM-Exit Controls
    assertEquals("prematurely busy shadow stack (bit 3)", ControlKind.SECONDARY_VM_EXIT_CONTROLS.describeBit(3));
    for (ControlKind kind : ControlKind.values()) {
      for (ControlBit bit : kind.bits()) {
        assertFalse(bit.sdmName().isBlank(), kind + " bit " + bit.bit());
        assertEquals(bit.sdmName() + " (bit " + bit.bit() + ")", kind.describeBit(bit.bit()));
      }
    }
  }

  @Test
  void describeBitsStopsAtBit63() {
    assertEquals("external-interrupt exiting (bit 0)", PIN.describeBits(1));
    assertEquals("LOADIWKEY exiting (bit 0), bit 63", TERTIARY.describeBits(1L | 1L << 63));
    assertEquals("", PIN.describeBits(0));
  }

  @Test
  void eachFieldNamesItsSdmSection() {
    assertEquals("SDM Vol. 3C, 25.6.1", PIN.sdmReference());
    assertEquals("SDM Vol. 3C, 25.6.2", PRIMARY.sdmReference());
    assertEquals("SDM Vol. 3C, 25.7.1", ControlKind.SECONDARY_VM_EXIT_CONTROLS.sdmReference());
    assertEquals("SDM Vol. 3C, 25.8.1", ControlKind.VM_ENTRY_CONTROLS.sdmReference());
  }

  @Test
  void violationAcceptsBits0To63Only() {
    assertEquals(0, new ControlViolation(PIN, 0, ControlViolation.Rule.SET_AND_CLEARED, null).bit());
    assertEquals(63, new ControlViolation(TERTIARY, 63, ControlViolation.Rule.ALLOWED_ONE_FORBIDS_SET,
        VmxCapabilityMsr.IA32_VMX_PROCBASED_CTLS3).bit());
    assertThrows(IllegalArgumentException.class,
        () -> new ControlViolation(PIN, -1, ControlViolation.Rule.SET_AND_CLEARED, null));
    assertThrows(IllegalArgumentException.class,
        () -> new ControlViolation(TERTIARY, 64, ControlViolation.Rule.SET_AND_CLEARED, null));
  }

  @Test
  void violationChecksThatOnlyCapabilityRulesNameAnMsr() {
    IllegalArgumentException extra = assertThrows(IllegalArgumentException.class, () -> new ControlViolation(
        PIN, 0, ControlViolation.Rule.SET_AND_CLEARED, VmxCapabilityMsr.IA32_VMX_PINBASED_CTLS));
    assertEquals("SET_AND_CLEARED takes no capability MSR", extra.getMessage());
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> new ControlViolation(PIN, 0, ControlViolation.Rule.ALLOWED_ONE_FORBIDS_SET, null));
    assertEquals("ALLOWED_ONE_FORBIDS_SET needs capability MSR", missing.getMessage());
  }

  @Test
  void refusedUpdateCarriesItsKindAndTheForbiddingMsr() {
    SoftwareVmcs vmx = SoftwareVmcs.builder().msrs(SAMPLE.msrs()).build();
    ControlSetter setter = new ControlSetter(vmx, SAMPLE);
    // activate tertiary controls (bit 17) may be 1 only if bit 49 of IA32_VMX_TRUE_PROCBASED_CTLS is 1;
    // the sample's is 0 (SDM Vol. 3D A.3.2)
    VmxControlException e = assertThrows(VmxControlException.class,
        () -> setter.enable(PrimaryProcessorBasedControl.ACTIVATE_TERTIARY_CONTROLS));
    assertSame(PRIMARY, e.kind());
    assertEquals(Optional.of(VmxCapabilityMsr.IA32_VMX_TRUE_PROCBASED_CTLS), e.violations().get(0).forbiddingMsr());
    // a bit both set and cleared breaks no capability: no MSR forbids it
    VmxControlException both = assertThrows(VmxControlException.class, () -> setter.set(PRIMARY,
        PrimaryProcessorBasedControl.HLT_EXITING.mask(), PrimaryProcessorBasedControl.HLT_EXITING.mask()));
    assertEquals(Optional.empty(), both.violations().get(0).forbiddingMsr());
  }

  @Test
  void unsupportedFieldWithNothingToSetStillNamesTheField() {
    // IA32_VMX_EXIT_CTLS2 exists only if bit 63 of IA32_VMX_EXIT_CTLS is 1; the sample's is 0 (SDM Vol. 3D A.4.2)
    SoftwareVmcs vmx = SoftwareVmcs.builder().msrs(SAMPLE.msrs()).build();
    VmxControlException e = assertThrows(VmxControlException.class,
        () -> new ControlSetter(vmx, SAMPLE).set(ControlKind.SECONDARY_VM_EXIT_CONTROLS, 0, 0));
    assertSame(ControlKind.SECONDARY_VM_EXIT_CONTROLS, e.kind());
    assertTrue(e.violations().isEmpty());
    assertEquals("cannot write the secondary VM-exit controls (0x2044): IA32_VMX_EXIT_CTLS2 (0x493) does not exist,"
        + " so the processor does not support the field", e.getMessage());
  }
}
