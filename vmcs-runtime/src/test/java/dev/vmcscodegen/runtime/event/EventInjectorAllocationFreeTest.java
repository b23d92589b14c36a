package dev.vmcscodegen.runtime.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.runtime.arch.ExceptionVector;
import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.exit.InterruptionType;
import dev.vmcscodegen.runtime.software.SoftwareVmcs;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The allocation-free forms ({@code injectHardwareException}, {@code injectExternalInterrupt}) write and
 * refuse exactly what {@link EventInjector#inject(EventInjection)} does for the same event.
 */
class EventInjectorAllocationFreeTest {

  // SDM Vol. 3D Appendix B encodings
  private static final int ENTRY_INFORMATION = 0x4016;
  private static final int ENTRY_ERROR_CODE = 0x4018;
  private static final int ENTRY_LENGTH = 0x401A;
  private static final int GUEST_CR0 = 0x6800;
  private static final int PRIMARY_CONTROLS = 0x4002;
  private static final int SECONDARY_CONTROLS = 0x401E;
  /** Primary bit 31 "activate secondary controls", secondary bit 7 "unrestricted guest" (SDM Vol. 3C 25.6.2). */
  private static final long ACTIVATE_SECONDARY = 1L << 31;
  private static final long UNRESTRICTED_GUEST = 1L << 7;

  private final VmxCapabilities caps = VmxCapabilities.sample();

  @Test
  void pageFaultWithErrorCodeIsWrittenAsTheSdmLaysItOut() {
    SoftwareVmcs vmx = guest(0x8000_0031L, false);
    new EventInjector(vmx, caps).injectHardwareException(14, 0x6);
    // SDM Vol. 3C 25.8.3: valid (31) | deliver error code (11) | type 3 (10:8) | vector 14
    assertEquals(0x8000_0B0EL, vmx.get(ENTRY_INFORMATION));
    assertEquals(0x6L, vmx.get(ENTRY_ERROR_CODE));
  }

  @Test
  void externalInterruptHasTypeZeroAndNoErrorCode() {
    SoftwareVmcs vmx = guest(0x8000_0031L, false);
    new EventInjector(vmx, caps).injectExternalInterrupt(0x20);
    // SDM Vol. 3C 25.8.3: valid (31) | type 0 | vector 0x20
    assertEquals(0x8000_0020L, vmx.get(ENTRY_INFORMATION));
    assertEquals(0, vmx.get(ENTRY_ERROR_CODE));
  }

  @Test
  void unrestrictedGuestInProtectedModeTakesTheErrorCode() {
    // SDM Vol. 3C 27.2.1.3: with "unrestricted guest" 1, an error code is delivered exactly when guest
    // CR0.PE is 1; #GP (13) then requires one (without IA32_VMX_BASIC bit 56).
    SoftwareVmcs vmx = guest(0x8000_0031L, true);
    EventInjector injector = new EventInjector(vmx, caps);
    assertTrue(injector.context().protectedMode());
    injector.injectHardwareException(13, 0);
    // valid (31) | deliver error code (11) | type 3 (10:8) | vector 13
    assertEquals(0x8000_0B0DL, vmx.get(ENTRY_INFORMATION));
  }

  @Test
  void vectorBeyondEightBitsIsAnArgumentError() {
    EventInjector injector = new EventInjector(guest(0x8000_0031L, false), caps);
    assertThrows(IllegalArgumentException.class, () -> injector.injectExternalInterrupt(256));
    assertThrows(IllegalArgumentException.class, () -> injector.injectHardwareException(-1));
  }

  @Test
  void refusalNamesTheEventAndTheRule() {
    EventInjector injector = new EventInjector(guest(0x8000_0031L, false), caps);
    // SDM Vol. 3C 27.2.1.3: #UD (6) pushes no error code, so delivering one is refused without BASIC bit 56
    EventInjectionException e = assertThrows(EventInjectionException.class,
        () -> injector.injectHardwareException(6, 0));
    assertEquals(List.of(InjectionRule.ERROR_CODE_FORBIDDEN), e.rules());
    assertEquals(EventInjection.hardwareException(6, 0), e.event());
  }

  /** Seeded: every vector, with and without error code, in protected and unrestricted real mode. */
  @Test
  void partsAndRecordFormsAgreeOnEveryHardwareExceptionAndInterrupt() {
    Random random = new Random(0x5EED_1A7EL);
    for (int vector = 0; vector <= ExceptionVector.MAX; vector++) {
      for (boolean realMode : new boolean[] {false, true}) {
        int errorCode = random.nextBoolean() ? random.nextInt(0x1_0000) : random.nextInt();
        long cr0 = realMode ? 0x30L : 0x8000_0031L;
        int v = vector;
        assertSameOutcome(guest(cr0, realMode), guest(cr0, realMode),
            injector -> injector.injectHardwareException(v, errorCode),
            injector -> injector.inject(EventInjection.hardwareException(v, errorCode)), vector + " with code");
        assertSameOutcome(guest(cr0, realMode), guest(cr0, realMode),
            injector -> injector.injectHardwareException(v),
            injector -> injector.inject(EventInjection.of(InterruptionType.HARDWARE_EXCEPTION, v)), vector + "");
        assertSameOutcome(guest(cr0, realMode), guest(cr0, realMode),
            injector -> injector.injectExternalInterrupt(v),
            injector -> injector.inject(new EventInjection(InterruptionType.EXTERNAL_INTERRUPT, v, OptionalInt.empty(), 0)),
            "interrupt " + vector);
      }
    }
  }

  private void assertSameOutcome(SoftwareVmcs partsVmcs, SoftwareVmcs recordVmcs,
      java.util.function.Consumer<EventInjector> parts, java.util.function.Consumer<EventInjector> record, String what) {
    List<InjectionRule> partsRules = outcome(partsVmcs, parts);
    List<InjectionRule> recordRules = outcome(recordVmcs, record);
    assertEquals(recordRules, partsRules, what);
    for (int encoding : new int[] {ENTRY_INFORMATION, ENTRY_ERROR_CODE, ENTRY_LENGTH}) {
      assertEquals(recordVmcs.get(encoding), partsVmcs.get(encoding), what + " field 0x" + Integer.toHexString(encoding));
    }
  }

  private List<InjectionRule> outcome(SoftwareVmcs vmx, java.util.function.Consumer<EventInjector> action) {
    try {
      action.accept(new EventInjector(vmx, caps));
      return List.of();
    } catch (EventInjectionException e) {
      return e.rules();
    }
  }

  /** A guest with this CR0, with "unrestricted guest" on (and "activate secondary controls") or not. */
  private SoftwareVmcs guest(long cr0, boolean unrestricted) {
    SoftwareVmcs vmx = SoftwareVmcs.builder().msrs(caps.msrs()).build();
    vmx.put(GUEST_CR0, cr0);
    if (unrestricted) {
      vmx.put(PRIMARY_CONTROLS, ACTIVATE_SECONDARY);
      vmx.put(SECONDARY_CONTROLS, UNRESTRICTED_GUEST);
    }
    return vmx;
  }
}
