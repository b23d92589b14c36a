package dev.vmcscodegen.runtime.exit;

import dev.vmcscodegen.runtime.VmxInstructions;
import dev.vmcscodegen.runtime.fields.VmcsReadOnly64;

/**
 * What an EPT-misconfiguration VM exit (basic exit reason 49) reports: only the guest-physical address
 * of the access (SDM Vol. 3C 28.2.1: the exit qualification is undefined for this exit; 25.9.1).
 *
 * @param guestPhysicalAddress the guest-physical address whose translation met a misconfigured EPT
 *     paging-structure entry
 */
public record EptMisconfiguration(long guestPhysicalAddress) {

  /** Reads GUEST_PHYSICAL_ADDRESS. The caller checks that the exit reason is 49. */
  public static EptMisconfiguration read(VmxInstructions vmx) {
    return new EptMisconfiguration(VmcsReadOnly64.GUEST_PHYSICAL_ADDRESS.read(vmx));
  }
}
