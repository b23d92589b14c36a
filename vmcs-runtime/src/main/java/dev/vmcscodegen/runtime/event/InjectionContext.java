package dev.vmcscodegen.runtime.event;

import dev.vmcscodegen.runtime.arch.Cr0;
import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.control.ControlKind;
import dev.vmcscodegen.runtime.control.PrimaryProcessorBasedControl;

/**
 * What the event-injection checks of SDM Vol. 3C 27.2.1.3 depend on besides the event itself.
 *
 * @param protectedMode the "unrestricted guest" control is 0 or bit 0 (PE) of the guest CR0 field is 1:
 *     only then are error codes delivered
 * @param errorCodeOptional IA32_VMX_BASIC bit 56: a hardware exception may come with or without an error code
 * @param zeroLengthAllowed IA32_VMX_MISC bit 30: software events may have instruction length 0
 * @param otherEventSupported the "monitor trap flag" control may be 1, so type 7 (other event) is not reserved
 */
public record InjectionContext(boolean protectedMode, boolean errorCodeOptional, boolean zeroLengthAllowed,
    boolean otherEventSupported) {

  /**
   * The context of a processor with these capabilities, a guest CR0 field of {@code guestCr0}, and the
   * "unrestricted guest" VM-execution control in effect or not. Protected mode is "unrestricted guest"
   * 0 or CR0.PE 1, as in the SDM's wording of the deliver-error-code check (with "unrestricted guest"
   * 0, VM entry requires CR0.PE = 1 anyway).
   */
  public static InjectionContext of(VmxCapabilities capabilities, long guestCr0, boolean unrestrictedGuest) {
    boolean monitorTrapFlag = capabilities.controlCapability(ControlKind.PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS)
        .map(capability -> capability.allowed().allowsOne(PrimaryProcessorBasedControl.MONITOR_TRAP_FLAG.bit()))
        .orElse(false);
    return new InjectionContext(protectedMode(guestCr0, unrestrictedGuest), capabilities.basic().entryWithoutErrorCode(),
        capabilities.misc().zeroLengthInjection(), monitorTrapFlag);
  }

  /** Whether error codes are delivered: "unrestricted guest" not in effect, or guest CR0.PE 1. */
  static boolean protectedMode(long guestCr0, boolean unrestrictedGuest) {
    return !unrestrictedGuest || (guestCr0 & Cr0.PE) != 0;
  }
}
