package dev.vmcscodegen.runtime.event;

import dev.vmcscodegen.runtime.VmxInstructions;
import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.control.ControlKind;
import dev.vmcscodegen.runtime.control.ControlSetter;
import dev.vmcscodegen.runtime.control.PrimaryProcessorBasedControl;
import dev.vmcscodegen.runtime.control.SecondaryProcessorBasedControl;
import dev.vmcscodegen.runtime.exit.InterruptionInformation;
import dev.vmcscodegen.runtime.exit.InterruptionType;
import dev.vmcscodegen.runtime.fields.VmcsControl32;
import dev.vmcscodegen.runtime.fields.VmcsGuestNW;
import dev.vmcscodegen.runtime.fields.VmcsReadOnly32;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Injects events on the next VM entry through the VM-entry event-injection fields (SDM Vol. 3C
 * 25.8.3, 27.6): checks the event against SDM Vol. 3C 27.2.1.3 so VM entry cannot fail on it, refuses
 * to overwrite a valid pending event, then writes the error code, the instruction length and, last,
 * the interruption information with its valid bit.
 */
public final class EventInjector {

  private final VmxInstructions vmx;
  /**
   * The two contexts the checks can see, decided once because the capabilities do not change: with
   * error codes delivered (protected mode) and without. Injecting allocates nothing for them.
   */
  private final InjectionContext protectedModeContext;
  private final InjectionContext realModeContext;

  /** An injector writing through {@code vmx}, checking against {@code capabilities}. */
  public EventInjector(VmxInstructions vmx, VmxCapabilities capabilities) {
    this.vmx = Objects.requireNonNull(vmx, "vmx");
    Objects.requireNonNull(capabilities, "capabilities");
    // "unrestricted guest" 0: protected mode whatever CR0 holds; 1 with CR0.PE 0: real mode
    this.protectedModeContext = InjectionContext.of(capabilities, 0, false);
    this.realModeContext = InjectionContext.of(capabilities, 0, true);
  }

  /**
   * Injects an event with an explicit type, vector, error code and instruction length.
   *
   * @throws EventInjectionException if the event breaks a rule of SDM Vol. 3C 27.2.1.3 in the current
   *     guest state, or a valid event is already pending
   */
  public void inject(EventInjection event) {
    inject(event.type(), event.vector(), event.errorCode().isPresent(), event.errorCode().orElse(0),
        event.instructionLength(), event);
  }

  /**
   * Injects a hardware exception that delivers an error code, such as #PF (14) or #GP (13): the
   * allocation-free form of {@code inject(EventInjection.hardwareException(vector, errorCode))}.
   *
   * @throws EventInjectionException as {@link #inject(EventInjection)}
   */
  public void injectHardwareException(int vector, int errorCode) {
    inject(InterruptionType.HARDWARE_EXCEPTION, vector, true, errorCode, 0, null);
  }

  /**
   * Injects a hardware exception without error code, such as #UD (6): the allocation-free form of
   * {@code inject(EventInjection.of(InterruptionType.HARDWARE_EXCEPTION, vector))}.
   *
   * @throws EventInjectionException as {@link #inject(EventInjection)}
   */
  public void injectHardwareException(int vector) {
    inject(InterruptionType.HARDWARE_EXCEPTION, vector, false, 0, 0, null);
  }

  /**
   * Injects an external interrupt (vectors 32 to 255 in practice): the allocation-free form of
   * {@code inject(EventInjection.of(InterruptionType.EXTERNAL_INTERRUPT, vector))}.
   *
   * @throws EventInjectionException as {@link #inject(EventInjection)}
   */
  public void injectExternalInterrupt(int vector) {
    inject(InterruptionType.EXTERNAL_INTERRUPT, vector, false, 0, 0, null);
  }

  /**
   * Checks and writes an event given by its parts; {@code event} is the caller's record, or null when
   * the caller gave parts, in which case the record is built only for an exception's message.
   */
  private void inject(InterruptionType type, int vector, boolean deliverErrorCode, int errorCode,
      int instructionLength, EventInjection event) {
    EventInjection.checkVector(vector);
    int broken = InjectionRules.brokenRules(type, vector, deliverErrorCode, errorCode, instructionLength, context());
    if (broken != 0) {
      throw new EventInjectionException(
          eventOf(event, type, vector, deliverErrorCode, errorCode, instructionLength), InjectionRules.rules(broken));
    }
    if (pendingInformation().valid()) {
      throw new EventInjectionException(eventOf(event, type, vector, deliverErrorCode, errorCode, instructionLength),
          List.of(InjectionRule.EVENT_PENDING));
    }
    if (deliverErrorCode) {
      VmcsControl32.VM_ENTRY_EXCEPTION_ERROR_CODE.write(vmx, errorCode);
    }
    if (type.usesInstructionLength()) {
      VmcsControl32.VM_ENTRY_INSTRUCTION_LENGTH.write(vmx, instructionLength);
    }
    VmcsControl32.VM_ENTRY_INTERRUPTION_INFORMATION.write(vmx,
        InterruptionInformation.of(vector, type, deliverErrorCode).encode());
  }

  private static EventInjection eventOf(EventInjection event, InterruptionType type, int vector,
      boolean deliverErrorCode, int errorCode, int instructionLength) {
    return event != null ? event : new EventInjection(type, vector,
        deliverErrorCode ? OptionalInt.of(errorCode) : OptionalInt.empty(), instructionLength);
  }

  /**
   * Injects a software interrupt, software exception or privileged software exception for the
   * instruction that caused this VM exit: the instruction length is the VM-exit instruction length
   * (SDM Vol. 3C 25.9.4), so the guest resumes after it.
   *
   * @throws IllegalArgumentException if {@code type} takes no instruction length
   * @throws EventInjectionException as {@link #inject}
   */
  public EventInjection injectSameInstruction(InterruptionType type, int vector) {
    if (!type.usesInstructionLength()) {
      throw new IllegalArgumentException(type + " takes no instruction length; use inject");
    }
    EventInjection event = EventInjection.software(type, vector, exitInstructionLength());
    inject(event);
    return event;
  }

  /**
   * The origin's convenience form: injects {@code vector} with the type {@link EventInjection#classify}
   * gives it; a software exception (#BP, #OF) takes the VM-exit instruction length. Unlike the origin,
   * a missing error code is not borrowed from the VM-exit interruption error code: it is refused.
   *
   * @throws EventInjectionException as {@link #inject}
   */
  public EventInjection injectVector(int vector, OptionalInt errorCode) {
    InterruptionType type = EventInjection.classify(vector);
    int length = type.usesInstructionLength() ? exitInstructionLength() : 0;
    EventInjection event = new EventInjection(type, vector, errorCode, length);
    inject(event);
    return event;
  }

  /** Injects {@code vector} as a software interrupt (INT n) of the VM-exit instruction length. */
  public EventInjection injectSoftwareInterrupt(int vector) {
    return injectSameInstruction(InterruptionType.SOFTWARE_INTERRUPT, vector);
  }

  /**
   * Re-injects the event whose delivery the VM exit interrupted, if the IDT-vectoring information
   * field is valid (bit 31; SDM Vol. 3C 25.9.3, 28.2.4): same type and vector, the IDT-vectoring error
   * code if bit 11 is set, and for software types the VM-exit instruction length.
   *
   * @return the re-injected event; empty if the IDT-vectoring information is not valid
   * @throws EventInjectionException as {@link #inject}
   */
  public Optional<EventInjection> reinjectIdtVectoring() {
    InterruptionInformation info = InterruptionInformation.decode(VmcsReadOnly32.IDT_VECTORING_INFORMATION.read(vmx));
    if (!info.valid()) {
      return Optional.empty();
    }
    OptionalInt errorCode = info.errorCodeValid()
        ? OptionalInt.of(VmcsReadOnly32.IDT_VECTORING_ERROR_CODE.read(vmx)) : OptionalInt.empty();
    int length = info.type().usesInstructionLength() ? exitInstructionLength() : 0;
    EventInjection event = new EventInjection(info.type(), info.vector(), errorCode, length);
    inject(event);
    return Optional.of(event);
  }

  /** The valid event in the VM-entry interruption-information field (bit 31 set), if any. */
  public Optional<InterruptionInformation> pendingEvent() {
    InterruptionInformation info = pendingInformation();
    return info.valid() ? Optional.of(info) : Optional.empty();
  }

  /** The VM-entry interruption-information field, decoded; valid or not. */
  private InterruptionInformation pendingInformation() {
    return InterruptionInformation.decode(VmcsControl32.VM_ENTRY_INTERRUPTION_INFORMATION.read(vmx));
  }

  /**
   * The context the checks depend on: the capabilities, the guest CR0 field's PE bit, and whether
   * "unrestricted guest" is in effect ("activate secondary controls" and "unrestricted guest" both 1;
   * the secondary controls are read only when activated).
   */
  public InjectionContext context() {
    return protectedMode() ? protectedModeContext : realModeContext;
  }

  /** Whether error codes are delivered: "unrestricted guest" not in effect, or guest CR0.PE 1. */
  private boolean protectedMode() {
    boolean secondary = (ControlSetter.read(vmx, ControlKind.PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS)
        & PrimaryProcessorBasedControl.ACTIVATE_SECONDARY_CONTROLS.mask()) != 0;
    boolean unrestricted = secondary
        && (ControlSetter.read(vmx, ControlKind.SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS)
            & SecondaryProcessorBasedControl.UNRESTRICTED_GUEST.mask()) != 0;
    return InjectionContext.protectedMode(unrestricted ? VmcsGuestNW.CR0.read(vmx) : 0, unrestricted);
  }

  private int exitInstructionLength() {
    return VmcsReadOnly32.VM_EXIT_INSTRUCTION_LENGTH.read(vmx);
  }
}
