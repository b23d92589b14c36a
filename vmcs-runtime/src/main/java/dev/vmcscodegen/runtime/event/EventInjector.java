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
  /** The capability-derived half of every {@link #context()}, decided once: capabilities do not change. */
  private final InjectionContext capabilityContext;

  /** An injector writing through {@code vmx}, checking against {@code capabilities}. */
  public EventInjector(VmxInstructions vmx, VmxCapabilities capabilities) {
    this.vmx = Objects.requireNonNull(vmx, "vmx");
    this.capabilityContext = InjectionContext.of(Objects.requireNonNull(capabilities, "capabilities"), 0, false);
  }

  /**
   * Injects an event with an explicit type, vector, error code and instruction length.
   *
   * @throws EventInjectionException if the event breaks a rule of SDM Vol. 3C 27.2.1.3 in the current
   *     guest state, or a valid event is already pending
   */
  public void inject(EventInjection event) {
    int broken = InjectionRules.brokenRules(event, context());
    if (broken != 0) {
      throw new EventInjectionException(event, InjectionRules.rules(broken));
    }
    if (InterruptionInformation.decode(VmcsControl32.VM_ENTRY_INTERRUPTION_INFORMATION.read(vmx)).valid()) {
      throw new EventInjectionException(event, List.of(InjectionRule.EVENT_PENDING));
    }
    if (event.errorCode().isPresent()) {
      VmcsControl32.VM_ENTRY_EXCEPTION_ERROR_CODE.write(vmx, event.errorCode().getAsInt());
    }
    if (event.type().usesInstructionLength()) {
      VmcsControl32.VM_ENTRY_INSTRUCTION_LENGTH.write(vmx, event.instructionLength());
    }
    VmcsControl32.VM_ENTRY_INTERRUPTION_INFORMATION.write(vmx, event.interruptionInformation());
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
    InterruptionInformation info =
        InterruptionInformation.decode(VmcsControl32.VM_ENTRY_INTERRUPTION_INFORMATION.read(vmx));
    return info.valid() ? Optional.of(info) : Optional.empty();
  }

  /**
   * The context the checks depend on: the capabilities, the guest CR0 field's PE bit, and whether
   * "unrestricted guest" is in effect ("activate secondary controls" and "unrestricted guest" both 1;
   * the secondary controls are read only when activated).
   */
  public InjectionContext context() {
    boolean secondary = (ControlSetter.read(vmx, ControlKind.PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS)
        & PrimaryProcessorBasedControl.ACTIVATE_SECONDARY_CONTROLS.mask()) != 0;
    boolean unrestricted = secondary
        && (ControlSetter.read(vmx, ControlKind.SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS)
            & SecondaryProcessorBasedControl.UNRESTRICTED_GUEST.mask()) != 0;
    return capabilityContext.inGuest(VmcsGuestNW.CR0.read(vmx), unrestricted);
  }

  private int exitInstructionLength() {
    return VmcsReadOnly32.VM_EXIT_INSTRUCTION_LENGTH.read(vmx);
  }
}
