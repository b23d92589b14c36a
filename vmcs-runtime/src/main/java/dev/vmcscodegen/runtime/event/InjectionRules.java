package dev.vmcscodegen.runtime.event;

import dev.vmcscodegen.runtime.exit.InterruptionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The checks VM entry makes on the VM-entry interruption-information, exception error-code and
 * instruction-length fields when the valid bit is 1, SDM Vol. 3C 27.2.1.3, as a pure function.
 */
public final class InjectionRules {

  /** Exceptions that push an error code: #DF, #TS, #NP, #SS, #GP, #PF, #AC, #CP (SDM Vol. 3C 27.2.1.3; Vol. 3A Table 6-1). */
  public static final Set<Integer> ERROR_CODE_VECTORS = Set.of(8, 10, 11, 12, 13, 14, 17, 21);
  /** The largest VM-entry instruction length VM entry accepts. */
  public static final int MAX_INSTRUCTION_LENGTH = 15;
  /** The largest hardware-exception vector. */
  public static final int MAX_EXCEPTION_VECTOR = 31;
  /** Bits 31:16 of the exception error code, which must be 0 when an error code is delivered. */
  public static final long ERROR_CODE_HIGH_BITS = 0xFFFF_0000L;

  private InjectionRules() {}

  /** Every rule {@code event} breaks in {@code context}, in the order the SDM lists them; empty if VM entry would accept it. */
  public static List<InjectionRule> violations(EventInjection event, InjectionContext context) {
    List<InjectionRule> broken = new ArrayList<>();
    InterruptionType type = event.type();
    int vector = event.vector();
    if (type == InterruptionType.RESERVED) {
      broken.add(InjectionRule.RESERVED_TYPE);
    }
    if (type == InterruptionType.OTHER_EVENT && !context.otherEventSupported()) {
      broken.add(InjectionRule.OTHER_EVENT_UNSUPPORTED);
    }
    if (type == InterruptionType.NMI && vector != EventInjection.NMI_VECTOR) {
      broken.add(InjectionRule.NMI_VECTOR);
    }
    if (type == InterruptionType.HARDWARE_EXCEPTION && vector > MAX_EXCEPTION_VECTOR) {
      broken.add(InjectionRule.HARDWARE_EXCEPTION_VECTOR);
    }
    if (type == InterruptionType.OTHER_EVENT && vector != 0) {
      broken.add(InjectionRule.OTHER_EVENT_VECTOR);
    }
    checkErrorCode(event, context, broken);
    checkInstructionLength(event, context, broken);
    return broken;
  }

  /**
   * Whether the deliver-error-code bit must be 1 (SDM Vol. 3C 27.2.1.3): a hardware exception, protected
   * mode ({@link InjectionContext#protectedMode}), IA32_VMX_BASIC bit 56 = 0 and a vector that pushes an error code.
   */
  public static boolean errorCodeRequired(InterruptionType type, int vector, InjectionContext context) {
    return type == InterruptionType.HARDWARE_EXCEPTION && context.protectedMode() && !context.errorCodeOptional()
        && ERROR_CODE_VECTORS.contains(vector);
  }

  private static void checkErrorCode(EventInjection event, InjectionContext context, List<InjectionRule> broken) {
    boolean present = event.errorCode().isPresent();
    if (present && event.type() != InterruptionType.HARDWARE_EXCEPTION) {
      broken.add(InjectionRule.ERROR_CODE_NOT_HARDWARE_EXCEPTION);
    } else if (present && !context.protectedMode()) {
      broken.add(InjectionRule.ERROR_CODE_IN_REAL_MODE);
    } else if (present && !context.errorCodeOptional() && !ERROR_CODE_VECTORS.contains(event.vector())
        && event.vector() <= MAX_EXCEPTION_VECTOR) {
      broken.add(InjectionRule.ERROR_CODE_FORBIDDEN);
    }
    if (!present && errorCodeRequired(event.type(), event.vector(), context)) {
      broken.add(InjectionRule.ERROR_CODE_REQUIRED);
    }
    if (present && (Integer.toUnsignedLong(event.errorCode().getAsInt()) & ERROR_CODE_HIGH_BITS) != 0) {
      broken.add(InjectionRule.ERROR_CODE_TOO_WIDE);
    }
  }

  private static void checkInstructionLength(EventInjection event, InjectionContext context, List<InjectionRule> broken) {
    int length = event.instructionLength();
    if (event.type().usesInstructionLength()) {
      boolean inRange = length >= 1 && length <= MAX_INSTRUCTION_LENGTH || length == 0 && context.zeroLengthAllowed();
      if (!inRange) {
        broken.add(InjectionRule.INSTRUCTION_LENGTH_RANGE);
      }
    } else if (length != 0) {
      broken.add(InjectionRule.INSTRUCTION_LENGTH_UNUSED);
    }
  }
}
