package dev.vmcscodegen.runtime.template;

/**
 * Choices a guest template leaves to the VMM.
 *
 * @param waitForSipi start in the wait-for-SIPI activity state, as an application processor does after
 *     INIT (only with {@link GuestMode#RESET}; needs IA32_VMX_MISC bit 8, SDM Vol. 3D A.6)
 * @param eptTableAddress the physical address of the EPT PML4 table, used when "enable EPT" is 1
 * @param vpid the VPID, used when "enable VPID" is 1 (VM entry requires it non-zero, SDM Vol. 3C 27.2.1.1)
 */
public record GuestOptions(boolean waitForSipi, long eptTableAddress, int vpid) {

  /** The default EPT table address: 1 MByte, below any MAXPHYADDR. */
  public static final long DEFAULT_EPT_TABLE_ADDRESS = 0x10_0000;

  /** Checks the VPID is 1 to FFFFH. */
  public GuestOptions {
    if (vpid < 1 || vpid > 0xFFFF) {
      throw new IllegalArgumentException("a guest's VPID is 1 to FFFFH (0 is the VMM's), not " + vpid);
    }
  }

  /** A bootstrap processor, EPT tables at {@link #DEFAULT_EPT_TABLE_ADDRESS}, VPID 1. */
  public static GuestOptions defaults() {
    return new GuestOptions(false, DEFAULT_EPT_TABLE_ADDRESS, 1);
  }

  /** These options for an application processor waiting for a SIPI (or not). */
  public GuestOptions withWaitForSipi(boolean wait) {
    return new GuestOptions(wait, eptTableAddress, vpid);
  }
}
