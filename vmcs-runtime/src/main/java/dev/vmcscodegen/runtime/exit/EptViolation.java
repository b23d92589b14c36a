package dev.vmcscodegen.runtime.exit;

import dev.vmcscodegen.runtime.VmxInstructions;
import dev.vmcscodegen.runtime.fields.VmcsReadOnly64;
import dev.vmcscodegen.runtime.fields.VmcsReadOnlyNW;
import java.util.OptionalLong;

/**
 * Everything an EPT-violation VM exit (basic exit reason 48) reports: the qualification, the
 * guest-physical address of the access, and the guest-linear address when qualification bit 7 says
 * the field is valid (SDM Vol. 3C 28.2.1; 25.9.1 for the address fields).
 *
 * @param qualification the decoded exit qualification
 * @param guestPhysicalAddress the guest-physical address of the access
 * @param guestLinearAddress the guest-linear address, present only when qualification bit 7 is set
 */
public record EptViolation(
    EptViolationQualification qualification, long guestPhysicalAddress, OptionalLong guestLinearAddress) {

  /** Checks the parts are given and a linear address comes only with qualification bit 7. */
  public EptViolation {
    if (qualification == null || guestLinearAddress == null) {
      throw new IllegalArgumentException("qualification and guestLinearAddress must not be null");
    }
    if (guestLinearAddress.isPresent() && !qualification.guestLinearAddressValid()) {
      throw new IllegalArgumentException(
          "a guest-linear address needs bit 7 (guest linear-address field valid) of the qualification");
    }
  }

  /**
   * Reads EXIT_QUALIFICATION, GUEST_PHYSICAL_ADDRESS and, when qualification bit 7 is set,
   * GUEST_LINEAR_ADDRESS. The caller checks that the exit reason is 48.
   */
  public static EptViolation read(VmxInstructions vmx) {
    EptViolationQualification qualification =
        EptViolationQualification.decode(VmcsReadOnlyNW.EXIT_QUALIFICATION.read(vmx));
    long guestPhysicalAddress = VmcsReadOnly64.GUEST_PHYSICAL_ADDRESS.read(vmx);
    OptionalLong guestLinearAddress = qualification.guestLinearAddressValid()
        ? OptionalLong.of(VmcsReadOnlyNW.GUEST_LINEAR_ADDRESS.read(vmx))
        : OptionalLong.empty();
    return new EptViolation(qualification, guestPhysicalAddress, guestLinearAddress);
  }
}
