package dev.vmcscodegen.runtime.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.capability.VmxCapabilityMsr;
import dev.vmcscodegen.runtime.exit.InterruptionType;
import dev.vmcscodegen.runtime.software.SoftwareVmcs;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Edges of event injection: where the capability half of {@link InjectionContext} comes from, how an
 * {@link EventInjectionException} cites the SDM, and when the secondary controls make the guest a real-mode one.
 */
class EventInjectionContextTest {

  // SDM Vol. 3D Appendix B encodings
  private static final int ENTRY_INFORMATION = 0x4016;
  private static final int GUEST_CR0 = 0x6800;
  private static final int PRIMARY_CONTROLS = 0x4002;
  private static final int SECONDARY_CONTROLS = 0x401E;
  /** Primary processor-based control 31, "activate secondary controls" (SDM Vol. 3C 25.6.2). */
  private static final long ACTIVATE_SECONDARY_CONTROLS = 1L << 31;
  /** Secondary processor-based control 1, "enable EPT" (SDM Vol. 3C 25.6.2); "unrestricted guest" is bit 7. */
  private static final long ENABLE_EPT = 1L << 1;

  /** IA32_VMX_(TRUE_)PROCBASED_CTLS bit 59: allowed 1-setting of control 27, "monitor trap flag" (SDM Vol. 3D A.3.2). */
  private static final long ALLOWS_MONITOR_TRAP_FLAG = 1L << (32 + 27);
  /** IA32_VMX_BASIC bit 56: VM entry may deliver hardware exceptions with or without error code (SDM Vol. 3D A.1). */
  private static final long BASIC_ERROR_CODE_OPTIONAL = 1L << 56;
  /** IA32_VMX_MISC bit 30: software events may be injected with instruction length 0 (SDM Vol. 3D A.6). */
  private static final long MISC_ZERO_LENGTH = 1L << 30;

  private final VmxCapabilities sample = VmxCapabilities.sample();

  @Test
  void contextTakesEachCapabilityFromItsMsrBit() {
    Map<VmxCapabilityMsr, Long> values = values();
    long basic = values.get(VmxCapabilityMsr.IA32_VMX_BASIC);
    long misc = values.get(VmxCapabilityMsr.IA32_VMX_MISC);
    InjectionContext sampleContext = InjectionContext.of(sample, 1, false);
    assertEquals((basic & BASIC_ERROR_CODE_OPTIONAL) != 0, sampleContext.errorCodeOptional());
    assertEquals((misc & MISC_ZERO_LENGTH) != 0, sampleContext.zeroLengthAllowed());
    // The sample's IA32_VMX_TRUE_PROCBASED_CTLS (0x48E) is 0xFFF9FFFE04006172: bit 59 set, MTF may be 1.
    assertTrue(sampleContext.otherEventSupported());

    // Flip all three bits: MTF may no longer be 1 (so type 7 is reserved), bit 56 set, bit 30 clear.
    values.put(VmxCapabilityMsr.IA32_VMX_PROCBASED_CTLS,
        values.get(VmxCapabilityMsr.IA32_VMX_PROCBASED_CTLS) & ~ALLOWS_MONITOR_TRAP_FLAG);
    values.put(VmxCapabilityMsr.IA32_VMX_TRUE_PROCBASED_CTLS,
        values.get(VmxCapabilityMsr.IA32_VMX_TRUE_PROCBASED_CTLS) & ~ALLOWS_MONITOR_TRAP_FLAG);
    values.put(VmxCapabilityMsr.IA32_VMX_BASIC, basic ^ BASIC_ERROR_CODE_OPTIONAL);
    values.put(VmxCapabilityMsr.IA32_VMX_MISC, misc ^ MISC_ZERO_LENGTH);
    InjectionContext flipped = InjectionContext.of(VmxCapabilities.of(values), 1, false);
    assertFalse(flipped.otherEventSupported());
    assertEquals(!sampleContext.errorCodeOptional(), flipped.errorCodeOptional());
    assertEquals(!sampleContext.zeroLengthAllowed(), flipped.zeroLengthAllowed());
  }

  @Test
  void contextProtectedModeIsUnrestrictedGuestZeroOrPeOne() {
    // SDM Vol. 3C 27.2.1.3: error codes are delivered when "unrestricted guest" is 0 or CR0.PE is 1.
    assertTrue(InjectionContext.of(sample, 0, false).protectedMode());
    assertTrue(InjectionContext.of(sample, 1, true).protectedMode());
    assertFalse(InjectionContext.of(sample, 0, true).protectedMode());
    assertFalse(InjectionContext.of(sample, 0xFFFF_FFFEL, true).protectedMode());
  }

  @Test
  void secondaryControlsWithoutUnrestrictedGuestLeaveTheGuestInProtectedMode() {
    SoftwareVmcs vmx = SoftwareVmcs.builder().msrs(sample.msrs()).build();
    EventInjector injector = new EventInjector(vmx, sample);
    vmx.put(GUEST_CR0, 0x10L); // ET only: PE is 0
    vmx.put(PRIMARY_CONTROLS, ACTIVATE_SECONDARY_CONTROLS);
    vmx.put(SECONDARY_CONTROLS, ENABLE_EPT); // secondary controls active, "unrestricted guest" 0
    assertTrue(injector.context().protectedMode());
    // SDM Vol. 3C 27.2.1.3: with "unrestricted guest" 0 the guest is in protected mode whatever CR0.PE says,
    // so #GP (13) must deliver its error code (the sample's IA32_VMX_BASIC bit 56 is 0).
    EventInjectionException e = assertThrows(EventInjectionException.class,
        () -> injector.inject(EventInjection.of(InterruptionType.HARDWARE_EXCEPTION, 13)));
    assertEquals(List.of(InjectionRule.ERROR_CODE_REQUIRED), e.rules());
    assertEquals(0, vmx.get(ENTRY_INFORMATION));
  }

  @Test
  void exceptionCitesTheSdmOnlyForItsRules() {
    EventInjection event = EventInjection.of(InterruptionType.NMI, 3);
    EventInjectionException sdm = new EventInjectionException(event, List.of(InjectionRule.NMI_VECTOR));
    assertSame(event, sdm.event());
    assertEquals("cannot inject " + event.describe() + ": " + InjectionRule.NMI_VECTOR.description()
        + " (SDM Vol. 3C 27.2.1.3)", sdm.getMessage());
    // A pending event is the library's own refusal, not a rule of 27.2.1.3: no citation.
    EventInjectionException pending = new EventInjectionException(event, List.of(InjectionRule.EVENT_PENDING));
    assertSame(event, pending.event());
    assertEquals("cannot inject " + event.describe() + ": " + InjectionRule.EVENT_PENDING.description(),
        pending.getMessage());
    // Both: the SDM rule is cited.
    EventInjectionException both = new EventInjectionException(event,
        List.of(InjectionRule.EVENT_PENDING, InjectionRule.NMI_VECTOR));
    assertTrue(both.getMessage().endsWith(" (SDM Vol. 3C 27.2.1.3)"), both.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new EventInjectionException(event, List.of()));
  }

  private Map<VmxCapabilityMsr, Long> values() {
    Map<VmxCapabilityMsr, Long> values = new EnumMap<>(VmxCapabilityMsr.class);
    for (VmxCapabilityMsr msr : VmxCapabilityMsr.values()) {
      sample.value(msr).ifPresent(value -> values.put(msr, value));
    }
    return values;
  }
}
