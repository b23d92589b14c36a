package dev.vmcscodegen.runtime.control;

/**
 * The VM-function controls, a 64-bit field, SDM Vol. 3C 25.6.14, Table 25-10 "Definitions of VM-Function
 * Controls"; IA32_VMX_VMFUNC reports which may be 1 (SDM Vol. 3D A.11).
 */
public final class VmFunctionControls {
  /** Bit 0: EPTP switching (VM function 0). */
  public static final long EPTP_SWITCHING = 1L << 0;

  private VmFunctionControls() {}
}
