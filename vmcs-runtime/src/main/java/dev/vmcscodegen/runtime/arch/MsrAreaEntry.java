package dev.vmcscodegen.runtime.arch;

/**
 * One entry of a VM-exit MSR-store, VM-exit MSR-load or VM-entry MSR-load area, SDM Vol. 3C 25.7.2,
 * Table 25-15 "Format of an MSR Entry": MSR index in bits 31:0, reserved bits 63:32, data in 127:64.
 */
public final class MsrAreaEntry {
  /** Size of one entry in bytes. */
  public static final int BYTES = 16;
  /** Bits 31:0 of the first quadword: the MSR index. */
  public static final long INDEX = 0xFFFF_FFFFL;
  /** Bits 63:32 of the first quadword: reserved, must be 0. */
  public static final long RESERVED = ~INDEX;

  private MsrAreaEntry() {}
}
