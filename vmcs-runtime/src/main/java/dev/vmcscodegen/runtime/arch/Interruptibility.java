package dev.vmcscodegen.runtime.arch;

/** The guest interruptibility state, SDM Vol. 3C 25.4.2, Table 25-3 "Format of Interruptibility State". */
public final class Interruptibility {
  /** Bit 0: blocking by STI. */
  public static final long BLOCKING_BY_STI = 1L << 0;
  /** Bit 1: blocking by MOV SS. */
  public static final long BLOCKING_BY_MOV_SS = 1L << 1;
  /** Bit 2: blocking by SMI. */
  public static final long BLOCKING_BY_SMI = 1L << 2;
  /** Bit 3: blocking by NMI. */
  public static final long BLOCKING_BY_NMI = 1L << 3;
  /** Bit 4: enclave interruption. */
  public static final long ENCLAVE_INTERRUPTION = 1L << 4;
  /** Bits 31:5: reserved, must be 0. */
  public static final long RESERVED = 0xFFFF_FFE0L;

  private Interruptibility() {}
}
