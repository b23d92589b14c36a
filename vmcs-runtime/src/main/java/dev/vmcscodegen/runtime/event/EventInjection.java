package dev.vmcscodegen.runtime.event;

import dev.vmcscodegen.runtime.arch.ExceptionVector;
import dev.vmcscodegen.runtime.exit.InterruptionInformation;
import dev.vmcscodegen.runtime.exit.InterruptionType;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * An event to inject on the next VM entry: what goes into the VM-entry interruption-information,
 * exception error-code and instruction-length fields (SDM Vol. 3C 25.8.3). Holds any values; the
 * rules of SDM Vol. 3C 27.2.1.3 are checked by {@link InjectionRules} against the VMCS and the
 * capabilities, because some depend on them.
 *
 * @param type the interruption type
 * @param vector the vector, 0 to 255
 * @param errorCode the error code to deliver, empty for none
 * @param instructionLength the VM-entry instruction length, used by software interrupts and software
 *     and privileged software exceptions; 0 for the other types
 */
public record EventInjection(InterruptionType type, int vector, OptionalInt errorCode, int instructionLength) {

  /** Checks the type is given, the vector fits 8 bits and the length is not negative. */
  public EventInjection {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(errorCode, "errorCode");
    checkVector(vector);
    if (instructionLength < 0) {
      throw new IllegalArgumentException("instruction length " + instructionLength + " is negative");
    }
  }

  /**
   * Checks a vector fits bits 7:0 of the interruption information.
   *
   * @throws IllegalArgumentException if it does not
   */
  static void checkVector(int vector) {
    if (vector < 0 || vector > ExceptionVector.MAX) {
      throw new IllegalArgumentException("vector " + vector + " does not fit bits 7:0 (0 to 255)");
    }
  }

  /** An event without error code, for types that take no instruction length. */
  public static EventInjection of(InterruptionType type, int vector) {
    return new EventInjection(type, vector, OptionalInt.empty(), 0);
  }

  /** A hardware exception delivering an error code. */
  public static EventInjection hardwareException(int vector, int errorCode) {
    return new EventInjection(InterruptionType.HARDWARE_EXCEPTION, vector, OptionalInt.of(errorCode), 0);
  }

  /** A software interrupt, software exception or privileged software exception with its instruction length. */
  public static EventInjection software(InterruptionType type, int vector, int instructionLength) {
    return new EventInjection(type, vector, OptionalInt.empty(), instructionLength);
  }

  /**
   * The type the origin (arceos x86_vcpu {@code VmxInterruptionType::from_vector}) gives a bare vector:
   * 2 is an NMI; 3 (#BP) and 4 (#OF) are software exceptions (INT3, INTO); every other vector below 32
   * is a hardware exception, #DB (1) included, and so are the reserved vectors 22 to 31, which the
   * SDM (Vol. 3A 6.3.1) reserves but VM entry accepts as hardware exceptions (Vol. 3C 27.2.1.3 only
   * asks for a vector of at most 31); 32 to 255 are external interrupts.
   */
  public static InterruptionType classify(int vector) {
    if (vector < 0 || vector > ExceptionVector.MAX) {
      throw new IllegalArgumentException("vector " + vector + " is outside 0 to 255");
    }
    if (vector == ExceptionVector.NMI) {
      return InterruptionType.NMI;
    }
    if (vector == ExceptionVector.BP || vector == ExceptionVector.OF) {
      return InterruptionType.SOFTWARE_EXCEPTION;
    }
    return vector < ExceptionVector.FIRST_INTERRUPT ? InterruptionType.HARDWARE_EXCEPTION : InterruptionType.EXTERNAL_INTERRUPT;
  }

  /** The VM-entry interruption-information value: vector, type, deliver-error-code bit 11, valid bit 31. */
  public int interruptionInformation() {
    return InterruptionInformation.of(vector, type, errorCode.isPresent()).encode();
  }

  /** A one-line description, such as {@code hardware exception 14 with error code 0x2}. */
  public String describe() {
    String text = type.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + vector;
    if (errorCode.isPresent()) {
      text += String.format(" with error code 0x%x", errorCode.getAsInt());
    }
    if (type.usesInstructionLength()) {
      text += ", instruction length " + instructionLength;
    }
    return text;
  }
}
