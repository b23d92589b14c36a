package dev.vmcscodegen.runtime.event;

import dev.vmcscodegen.runtime.arch.InterruptionInfoLayout;
import dev.vmcscodegen.runtime.arch.ExceptionVector;
import dev.vmcscodegen.runtime.exit.InterruptionType;
import java.util.List;
import java.util.Set;

/**
 * The checks VM entry makes on the VM-entry interruption-information, exception error-code and
 * instruction-length fields when the valid bit is 1, SDM Vol. 3C 27.2.1.3, as a pure function.
 */
public final class InjectionRules {

  /** Exceptions that push an error code: #DF, #TS, #NP, #SS, #GP, #PF, #AC, #CP (SDM Vol. 3C 27.2.1.3; Vol. 3A Table 6-1). */
  public static final Set<Integer> ERROR_CODE_VECTORS = Set.of(ExceptionVector.DF, ExceptionVector.TS,
      ExceptionVector.NP, ExceptionVector.SS, ExceptionVector.GP, ExceptionVector.PF, ExceptionVector.AC, ExceptionVector.CP);
  /** The largest VM-entry instruction length VM entry accepts. */
  public static final int MAX_INSTRUCTION_LENGTH = 15;
  /** Bits 31:16 of the exception error code, which must be 0 when an error code is delivered. */
  public static final long ERROR_CODE_HIGH_BITS = 0xFFFF_0000L;

  /** {@link #ERROR_CODE_VECTORS} as a mask over vectors 0 to 31, for a test that boxes nothing. */
  private static final int ERROR_CODE_VECTOR_BITS = ERROR_CODE_VECTORS.stream().mapToInt(vector -> 1 << vector)
      .reduce(0, (a, b) -> a | b);
  /** The rules by ordinal, for {@link #rules}. */
  private static final InjectionRule[] RULES = InjectionRule.values();

  private InjectionRules() {}

  /** Every rule {@code event} breaks in {@code context}, in the order the SDM lists them; empty if VM entry would accept it. */
  public static List<InjectionRule> violations(EventInjection event, InjectionContext context) {
    return rules(brokenRules(event, context));
  }

  /**
   * Whether the deliver-error-code bit must be 1 (SDM Vol. 3C 27.2.1.3): a hardware exception, protected
   * mode ({@link InjectionContext#protectedMode}), IA32_VMX_BASIC bit 56 = 0 and a vector that pushes an error code.
   */
  public static boolean errorCodeRequired(InterruptionType type, int vector, InjectionContext context) {
    return type == InterruptionType.HARDWARE_EXCEPTION && context.protectedMode() && !context.errorCodeOptional()
        && pushesErrorCode(vector);
  }

  /**
   * The rules {@code event} breaks, as a set of bits ({@code 1 << rule.ordinal()}); {@link #rules} turns
   * them into the list.
   */
  static int brokenRules(EventInjection event, InjectionContext context) {
    return brokenRules(event.type(), event.vector(), event.errorCode().isPresent(), event.errorCode().orElse(0),
        event.instructionLength(), context);
  }

  /**
   * The rules an event of these parts breaks, as {@link #brokenRules(EventInjection, InjectionContext)}
   * but on primitives, so {@link EventInjector} checks an acceptable event without building anything.
   */
  static int brokenRules(InterruptionType type, int vector, boolean deliverErrorCode, int errorCode,
      int instructionLength, InjectionContext context) {
    int broken = 0;
    broken |= when(type == InterruptionType.RESERVED, InjectionRule.RESERVED_TYPE);
    broken |= when(type == InterruptionType.OTHER_EVENT && !context.otherEventSupported(),
        InjectionRule.OTHER_EVENT_UNSUPPORTED);
    broken |= when(type == InterruptionType.NMI && vector != ExceptionVector.NMI, InjectionRule.NMI_VECTOR);
    broken |= when(type == InterruptionType.HARDWARE_EXCEPTION && vector > ExceptionVector.LAST_EXCEPTION,
        InjectionRule.HARDWARE_EXCEPTION_VECTOR);
    broken |= when(type == InterruptionType.OTHER_EVENT && vector != InterruptionInfoLayout.PENDING_MTF_VECTOR, InjectionRule.OTHER_EVENT_VECTOR);
    return broken | errorCodeRules(type, vector, deliverErrorCode, errorCode, context)
        | instructionLengthRules(type, instructionLength, context);
  }

  /** The rules in {@code bits} ({@link #brokenRules}), in declaration order, which is the SDM's order. */
  static List<InjectionRule> rules(int bits) {
    if (bits == 0) {
      return List.of();
    }
    InjectionRule[] broken = new InjectionRule[Integer.bitCount(bits)];
    int next = 0;
    for (int rest = bits; rest != 0; rest &= rest - 1) {
      broken[next++] = RULES[Integer.numberOfTrailingZeros(rest)];
    }
    return List.of(broken);
  }

  /** Whether exception {@code vector} pushes an error code (one of {@link #ERROR_CODE_VECTORS}). */
  public static boolean pushesErrorCode(int vector) {
    return vector >= 0 && vector <= ExceptionVector.LAST_EXCEPTION && (ERROR_CODE_VECTOR_BITS >>> vector & 1) != 0;
  }

  private static int when(boolean broken, InjectionRule rule) {
    return broken ? bit(rule) : 0;
  }

  private static int bit(InjectionRule rule) {
    return 1 << rule.ordinal();
  }

  private static int errorCodeRules(InterruptionType type, int vector, boolean deliverErrorCode, int errorCode,
      InjectionContext context) {
    if (!deliverErrorCode) {
      return when(errorCodeRequired(type, vector, context), InjectionRule.ERROR_CODE_REQUIRED);
    }
    int broken = 0;
    if (type != InterruptionType.HARDWARE_EXCEPTION) {
      broken = bit(InjectionRule.ERROR_CODE_NOT_HARDWARE_EXCEPTION);
    } else if (!context.protectedMode()) {
      broken = bit(InjectionRule.ERROR_CODE_IN_REAL_MODE);
    } else if (!context.errorCodeOptional() && !pushesErrorCode(vector) && vector <= ExceptionVector.LAST_EXCEPTION) {
      broken = bit(InjectionRule.ERROR_CODE_FORBIDDEN);
    }
    return broken | when((Integer.toUnsignedLong(errorCode) & ERROR_CODE_HIGH_BITS) != 0,
        InjectionRule.ERROR_CODE_TOO_WIDE);
  }

  private static int instructionLengthRules(InterruptionType type, int length, InjectionContext context) {
    if (type.usesInstructionLength()) {
      boolean inRange = length >= 1 && length <= MAX_INSTRUCTION_LENGTH || length == 0 && context.zeroLengthAllowed();
      return when(!inRange, InjectionRule.INSTRUCTION_LENGTH_RANGE);
    }
    return when(length != 0, InjectionRule.INSTRUCTION_LENGTH_UNUSED);
  }
}
