package dev.vmcscodegen.runtime.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.exit.InterruptionType;
import dev.vmcscodegen.runtime.software.SoftwareVmcs;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventInjectorTest {

  // SDM Vol. 3D Appendix B encodings
  private static final int ENTRY_INFORMATION = 0x4016;
  private static final int ENTRY_ERROR_CODE = 0x4018;
  private static final int ENTRY_LENGTH = 0x401A;
  private static final int IDT_VECTORING_INFORMATION = 0x4408;
  private static final int IDT_VECTORING_ERROR_CODE = 0x440A;
  private static final int EXIT_LENGTH = 0x440C;
  private static final int GUEST_CR0 = 0x6800;
  private static final int PRIMARY_CONTROLS = 0x4002;
  private static final int SECONDARY_CONTROLS = 0x401E;

  private final VmxCapabilities caps = VmxCapabilities.sample();
  private SoftwareVmcs vmx;
  private EventInjector injector;

  @BeforeEach
  void protectedModeGuest() {
    vmx = SoftwareVmcs.builder().msrs(caps.msrs()).build();
    vmx.put(GUEST_CR0, 0x8000_0031L); // PG, NE, ET, PE
    injector = new EventInjector(vmx, caps);
  }

  @Test
  void injectsAPageFaultWithItsErrorCode() {
    injector.inject(EventInjection.hardwareException(14, 0x6));
    // SDM Vol. 3C 25.8.3: valid (31) | deliver error code (11) | type 3 (10:8) | vector 14
    assertEquals(0x8000_0B0EL, vmx.get(ENTRY_INFORMATION));
    assertEquals(0x6L, vmx.get(ENTRY_ERROR_CODE));
    assertEquals(0, vmx.get(ENTRY_LENGTH));
  }

  @Test
  void refusesToOverwriteAPendingEvent() {
    vmx.put(ENTRY_INFORMATION, 0x8000_0020L); // valid external interrupt 0x20
    EventInjectionException e = assertThrows(EventInjectionException.class,
        () -> injector.inject(EventInjection.of(InterruptionType.EXTERNAL_INTERRUPT, 0x21)));
    assertEquals(List.of(InjectionRule.EVENT_PENDING), e.rules());
    assertEquals(0x8000_0020L, vmx.get(ENTRY_INFORMATION)); // untouched
    assertEquals(0, vmx.get(ENTRY_ERROR_CODE));
    assertEquals(0x20, injector.pendingEvent().orElseThrow().vector());
  }

  @Test
  void refusedEventsWriteNothing() {
    EventInjectionException e = assertThrows(EventInjectionException.class,
        () -> injector.inject(EventInjection.of(InterruptionType.HARDWARE_EXCEPTION, 13)));
    assertEquals(List.of(InjectionRule.ERROR_CODE_REQUIRED), e.rules());
    assertTrue(e.getMessage().startsWith("cannot inject hardware exception 13: in protected mode"), e.getMessage());
    assertEquals(0, vmx.get(ENTRY_INFORMATION)); // nothing written
    assertEquals(0, vmx.get(ENTRY_ERROR_CODE));
  }

  @Test
  void unrestrictedRealModeGuestGetsNoErrorCode() {
    vmx.put(GUEST_CR0, 0x10L);
    vmx.put(PRIMARY_CONTROLS, 1L << 31); // activate secondary controls (SDM Vol. 3C 25.6.2)
    vmx.put(SECONDARY_CONTROLS, 1L << 7); // unrestricted guest
    injector.inject(EventInjection.of(InterruptionType.HARDWARE_EXCEPTION, 13));
    assertEquals(0x8000_030DL, vmx.get(ENTRY_INFORMATION));
  }

  @Test
  void withoutUnrestrictedGuestTheErrorCodeIsDueWhateverCr0Says() {
    // SDM Vol. 3C 27.2.1.3: deliver-error-code is 1 iff ("unrestricted guest" is 0 or CR0.PE is 1), ...
    vmx.put(GUEST_CR0, 0x10L);
    vmx.put(SECONDARY_CONTROLS, 1L << 7); // ignored: "activate secondary controls" is 0
    EventInjectionException e = assertThrows(EventInjectionException.class,
        () -> injector.inject(EventInjection.of(InterruptionType.HARDWARE_EXCEPTION, 13)));
    assertEquals(List.of(InjectionRule.ERROR_CODE_REQUIRED), e.rules());
  }

  @Test
  void sameInstructionFormCopiesTheExitInstructionLength() {
    vmx.put(EXIT_LENGTH, 2L);
    EventInjection event = injector.injectSoftwareInterrupt(0x80);
    assertEquals(2, event.instructionLength());
    assertEquals(2L, vmx.get(ENTRY_LENGTH));
    assertEquals(0x8000_0480L, vmx.get(ENTRY_INFORMATION)); // type 4 software interrupt
    assertThrows(IllegalArgumentException.class, () -> injector.injectSameInstruction(InterruptionType.NMI, 2));
  }

  @Test
  void zeroExitLengthIsAcceptedBecauseTheSampleHasMiscBit30() {
    EventInjection event = injector.injectSameInstruction(InterruptionType.PRIVILEGED_SOFTWARE_EXCEPTION, 1);
    assertEquals(0, event.instructionLength());
  }

  @Test
  void vectorFormClassifiesLikeTheOrigin() {
    vmx.put(EXIT_LENGTH, 1L);
    EventInjection breakpoint = injector.injectVector(3, OptionalInt.empty());
    assertEquals(InterruptionType.SOFTWARE_EXCEPTION, breakpoint.type());
    assertEquals(1L, vmx.get(ENTRY_LENGTH));
    vmx.put(ENTRY_INFORMATION, 0);
    assertEquals(InterruptionType.HARDWARE_EXCEPTION, injector.injectVector(1, OptionalInt.empty()).type());
    vmx.put(ENTRY_INFORMATION, 0);
    assertEquals(InterruptionType.HARDWARE_EXCEPTION, injector.injectVector(25, OptionalInt.empty()).type());
    vmx.put(ENTRY_INFORMATION, 0);
    assertEquals(InterruptionType.EXTERNAL_INTERRUPT, injector.injectVector(0xEC, OptionalInt.empty()).type());
    vmx.put(ENTRY_INFORMATION, 0);
    assertThrows(EventInjectionException.class, () -> injector.injectVector(8, OptionalInt.empty()));
    assertEquals(InterruptionType.HARDWARE_EXCEPTION, injector.injectVector(8, OptionalInt.of(0)).type());
  }

  @Test
  void reinjectsTheIdtVectoringEventWithErrorCode() {
    vmx.put(IDT_VECTORING_INFORMATION, 0x8000_0B0EL);
    vmx.put(IDT_VECTORING_ERROR_CODE, 0x4L);
    EventInjection event = injector.reinjectIdtVectoring().orElseThrow();
    assertEquals(EventInjection.hardwareException(14, 4), event);
    assertEquals(0x8000_0B0EL, vmx.get(ENTRY_INFORMATION));
    assertEquals(0x4L, vmx.get(ENTRY_ERROR_CODE));
  }

  @Test
  void reinjectsASoftwareInterruptWithTheExitInstructionLength() {
    vmx.put(IDT_VECTORING_INFORMATION, 0x8000_0480L);
    vmx.put(EXIT_LENGTH, 2L);
    assertEquals(Optional.of(EventInjection.software(InterruptionType.SOFTWARE_INTERRUPT, 0x80, 2)),
        injector.reinjectIdtVectoring());
    assertEquals(2L, vmx.get(ENTRY_LENGTH));
  }

  @Test
  void nothingToReinjectWhenIdtVectoringIsNotValid() {
    vmx.put(IDT_VECTORING_INFORMATION, 0x0000_0B0EL);
    assertEquals(Optional.empty(), injector.reinjectIdtVectoring());
    assertEquals(0, vmx.get(ENTRY_INFORMATION)); // nothing written
    assertEquals(0, vmx.get(ENTRY_ERROR_CODE));
  }
}
