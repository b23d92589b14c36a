package dev.vmcscodegen.runtime.arch;

/**
 * The value FFFFFFFF_FFFFFFFFH that stands for "no VMCS": what VMPTRST stores when there is no current
 * VMCS (SDM Vol. 3C 31.3, VMPTRST) and the VMCS link pointer that disables shadow-VMCS linking and its
 * checks (SDM Vol. 3C 25.4.2, 27.3.1.5).
 */
public final class VmcsPointer {
  /** FFFFFFFF_FFFFFFFFH. */
  public static final long NONE = 0xFFFF_FFFF_FFFF_FFFFL;

  private VmcsPointer() {}
}
