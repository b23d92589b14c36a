package dev.vmcscodegen.runtime.arch;

/**
 * The layout shared by the VM-entry interruption-information field (SDM Vol. 3C 25.8.3, Table 25-17),
 * the VM-exit interruption-information field (25.9.2, Table 25-19) and the IDT-vectoring information
 * field (25.9.3, Table 25-20): vector 7:0, type 10:8, error code valid 11, NMI unblocking due to IRET
 * 12 (VM-exit interruption information; reserved on VM entry), valid 31. The types themselves are
 * {@code runtime.exit.InterruptionType}.
 */
public final class InterruptionInfoLayout {
  /** Width of the vector, bits 7:0. */
  public static final int VECTOR_BITS = 8;
  /** Bits 7:0: the vector of the interrupt or exception. */
  public static final long VECTOR = (1L << VECTOR_BITS) - 1;
  /** Lowest bit of the interruption type, bits 10:8. */
  public static final int TYPE_SHIFT = 8;
  /** Width of the interruption type. */
  public static final int TYPE_BITS = 3;
  /** Bits 10:8: the interruption type. */
  public static final long TYPE = ((1L << TYPE_BITS) - 1) << TYPE_SHIFT;
  /** Bit 11: error code valid (deliver error code, on VM entry). */
  public static final int ERROR_CODE_VALID_BIT = 11;
  /** Bit 11 as a mask. */
  public static final long ERROR_CODE_VALID = 1L << ERROR_CODE_VALID_BIT;
  /** Bit 12: NMI unblocking due to IRET (VM exits); reserved in the VM-entry field. */
  public static final int NMI_UNBLOCKING_DUE_TO_IRET_BIT = 12;
  /** Bit 31: valid. */
  public static final int VALID_BIT = 31;
  /** Bit 31 as a mask. */
  public static final long VALID = 1L << VALID_BIT;
  /** The vector of an "other event" (type 7) that is a pending MTF VM exit (SDM Vol. 3C 25.8.3). */
  public static final int PENDING_MTF_VECTOR = 0;
  /** Bits 30:13: reserved in the VM-exit and IDT-vectoring fields. */
  public static final int EXIT_RESERVED = 0x7FFF_E000;
  /** Bits 30:12: reserved in the VM-entry field, which must be 0 when it is valid (SDM Vol. 3C 27.2.1.3). */
  public static final long ENTRY_RESERVED = 0x7FFF_F000L;

  private InterruptionInfoLayout() {}
}
