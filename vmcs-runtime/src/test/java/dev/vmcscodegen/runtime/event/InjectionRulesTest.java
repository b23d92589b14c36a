package dev.vmcscodegen.runtime.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.runtime.exit.InterruptionType;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class InjectionRulesTest {

  private static final InjectionContext PROTECTED = new InjectionContext(true, false, false, true);
  private static final InjectionContext REAL = new InjectionContext(false, false, false, true);

  @Test
  void pageFaultNeedsItsErrorCodeInProtectedMode() {
    // SDM Vol. 3C 27.2.1.3: #PF (14) is a hardware exception delivering an error code when CR0.PE = 1
    assertEquals(List.of(), InjectionRules.violations(EventInjection.hardwareException(14, 2), PROTECTED));
    assertEquals(List.of(InjectionRule.ERROR_CODE_REQUIRED),
        InjectionRules.violations(EventInjection.of(InterruptionType.HARDWARE_EXCEPTION, 14), PROTECTED));
    // #CP (21) joined the list with CET
    assertEquals(List.of(InjectionRule.ERROR_CODE_REQUIRED),
        InjectionRules.violations(EventInjection.of(InterruptionType.HARDWARE_EXCEPTION, 21), PROTECTED));
  }

  @Test
  void noErrorCodeInRealModeNorForVectorsThatPushNone() {
    assertEquals(List.of(InjectionRule.ERROR_CODE_IN_REAL_MODE),
        InjectionRules.violations(EventInjection.hardwareException(13, 0), REAL));
    assertEquals(List.of(), InjectionRules.violations(EventInjection.of(InterruptionType.HARDWARE_EXCEPTION, 13), REAL));
    // #UD (6) pushes no error code: forbidden unless IA32_VMX_BASIC bit 56 is 1
    assertEquals(List.of(InjectionRule.ERROR_CODE_FORBIDDEN),
        InjectionRules.violations(EventInjection.hardwareException(6, 0), PROTECTED));
    InjectionContext optional = new InjectionContext(true, true, false, true);
    assertEquals(List.of(), InjectionRules.violations(EventInjection.hardwareException(6, 0), optional));
    assertEquals(List.of(), InjectionRules.violations(EventInjection.of(InterruptionType.HARDWARE_EXCEPTION, 14), optional));
  }

  @Test
  void errorCodeBits31To16MustBeZero() {
    assertEquals(List.of(InjectionRule.ERROR_CODE_TOO_WIDE),
        InjectionRules.violations(EventInjection.hardwareException(13, 0x1_0000), PROTECTED));
  }

  @Test
  void vectorRulesPerType() {
    assertEquals(List.of(InjectionRule.NMI_VECTOR), InjectionRules.violations(EventInjection.of(InterruptionType.NMI, 3), PROTECTED));
    assertEquals(List.of(InjectionRule.HARDWARE_EXCEPTION_VECTOR),
        InjectionRules.violations(EventInjection.of(InterruptionType.HARDWARE_EXCEPTION, 32), PROTECTED));
    assertEquals(List.of(InjectionRule.RESERVED_TYPE), InjectionRules.violations(EventInjection.of(InterruptionType.RESERVED, 0), PROTECTED));
    assertEquals(List.of(), InjectionRules.violations(EventInjection.of(InterruptionType.OTHER_EVENT, 0), PROTECTED));
    assertEquals(List.of(InjectionRule.OTHER_EVENT_VECTOR),
        InjectionRules.violations(EventInjection.of(InterruptionType.OTHER_EVENT, 1), PROTECTED));
    assertEquals(List.of(InjectionRule.OTHER_EVENT_UNSUPPORTED),
        InjectionRules.violations(EventInjection.of(InterruptionType.OTHER_EVENT, 0), new InjectionContext(true, false, false, false)));
  }

  @Test
  void softwareEventsNeedALengthOfOneToFifteenOrZeroWithMiscBit30() {
    for (InterruptionType type : List.of(InterruptionType.SOFTWARE_INTERRUPT, InterruptionType.SOFTWARE_EXCEPTION,
        InterruptionType.PRIVILEGED_SOFTWARE_EXCEPTION)) {
      int vector = type == InterruptionType.SOFTWARE_INTERRUPT ? 0x80 : 3;
      for (int length = 0; length <= 16; length++) {
        boolean valid = length >= 1 && length <= 15; // SDM Vol. 3C 27.2.1.3
        assertEquals(valid ? List.of() : List.of(InjectionRule.INSTRUCTION_LENGTH_RANGE),
            InjectionRules.violations(EventInjection.software(type, vector, length), PROTECTED), type + " " + length);
      }
      // IA32_VMX_MISC bit 30 allows length 0 (SDM Vol. 3D A.6)
      assertEquals(List.of(), InjectionRules.violations(EventInjection.software(type, vector, 0),
          new InjectionContext(true, false, true, true)));
    }
    assertEquals(List.of(InjectionRule.INSTRUCTION_LENGTH_UNUSED),
        InjectionRules.violations(new EventInjection(InterruptionType.EXTERNAL_INTERRUPT, 0x20, OptionalInt.empty(), 2), PROTECTED));
  }

  /**
   * Every type, vector and error-code presence in every context, against the SDM's sentences
   * (Vol. 3C 27.2.1.3) restated one by one: type 1 reserved; type 7 reserved without MTF and only
   * vector 0; NMI vector 2; hardware exception vector at most 31; deliver-error-code 1 iff hardware
   * exception, CR0.PE = 1 and (bit 56 = 1, or the vector is 8, 10-14, 17, 21), where bit 56 = 1 makes it optional.
   */
  @Test
  void exhaustiveOverTypeVectorErrorCodeAndContext() {
    int checked = 0;
    for (int context = 0; context < 16; context++) {
      InjectionContext ctx = new InjectionContext((context & 1) != 0, (context & 2) != 0, (context & 4) != 0, (context & 8) != 0);
      for (InterruptionType type : InterruptionType.values()) {
        for (int vector = 0; vector <= 255; vector++) {
          for (boolean withCode : new boolean[] {false, true}) {
            int length = type.usesInstructionLength() ? 1 : 0;
            EventInjection event = new EventInjection(type, vector, withCode ? OptionalInt.of(0) : OptionalInt.empty(), length);
            boolean typeOk = switch (type) {
              case RESERVED -> false;
              case OTHER_EVENT -> ctx.otherEventSupported() && vector == 0;
              case NMI -> vector == 2;
              case HARDWARE_EXCEPTION -> vector <= 31;
              default -> true;
            };
            boolean pushes = vector == 8 || (vector >= 10 && vector <= 14) || vector == 17 || vector == 21;
            boolean codeAllowed = type == InterruptionType.HARDWARE_EXCEPTION && ctx.protectedMode()
                && (ctx.errorCodeOptional() || pushes);
            boolean codeRequired = type == InterruptionType.HARDWARE_EXCEPTION && ctx.protectedMode()
                && !ctx.errorCodeOptional() && pushes;
            boolean codeOk = withCode ? codeAllowed : !codeRequired;
            boolean expected = typeOk && codeOk;
            List<InjectionRule> broken = InjectionRules.violations(event, ctx);
            assertEquals(expected, broken.isEmpty(), () -> event.describe() + " in " + ctx + ": " + broken);
            checked++;
          }
        }
      }
    }
    assertEquals(16 * 8 * 256 * 2, checked);
  }

  @Test
  void classifyFollowsTheOrigin() {
    for (int vector = 0; vector <= 255; vector++) {
      InterruptionType expected;
      if (vector == 2) {
        expected = InterruptionType.NMI; // SDM Vol. 3A Table 6-1: vector 2 is NMI
      } else if (vector == 3 || vector == 4) {
        expected = InterruptionType.SOFTWARE_EXCEPTION; // INT3 and INTO (SDM Vol. 3C 25.8.3)
      } else if (vector < 32) {
        expected = InterruptionType.HARDWARE_EXCEPTION; // #DB and reserved 22-31 included
      } else {
        expected = InterruptionType.EXTERNAL_INTERRUPT;
      }
      assertEquals(expected, EventInjection.classify(vector));
    }
  }

  @Test
  void interruptionInformationLayout() {
    // SDM Vol. 3C 25.8.3: vector 7:0, type 10:8, deliver error code 11, valid 31
    assertEquals(0x8000_0B0E, EventInjection.hardwareException(14, 0).interruptionInformation());
    assertEquals(0x8000_0202, EventInjection.of(InterruptionType.NMI, 2).interruptionInformation());
    assertTrue(EventInjection.software(InterruptionType.SOFTWARE_INTERRUPT, 0x80, 2).describe().contains("length 2"));
  }
}
