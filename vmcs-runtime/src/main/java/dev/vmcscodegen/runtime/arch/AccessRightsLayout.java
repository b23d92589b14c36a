package dev.vmcscodegen.runtime.arch;

/**
 * The bits of a guest segment access-rights field, SDM Vol. 3C 25.4.1, Table 25-2 "Format of Access
 * Rights"; the values of its type field are {@link SegmentType}.
 */
public final class AccessRightsLayout {
  /** Bits 3:0: segment type. */
  public static final long TYPE = 0xF;
  /** Type bit 0: accessed. */
  public static final long TYPE_ACCESSED = 1L << 0;
  /** Type bit 1: readable (code) or writable (data). */
  public static final long TYPE_READ_WRITE = 1L << 1;
  /** Type bit 3: code segment. */
  public static final long TYPE_CODE = 1L << 3;
  /** Bit 4: S, descriptor type (0 system, 1 code or data). */
  public static final long S = 1L << 4;
  /** Lowest bit of the DPL, bits 6:5. */
  public static final int DPL_SHIFT = 5;
  /** Width of the DPL. */
  public static final long DPL_MASK = 0x3;
  /** Bit 7: P, segment present. */
  public static final long P = 1L << 7;
  /** Bits 11:8: reserved. */
  public static final long RESERVED_11_8 = 0xF00;
  /** Bit 13: L, 64-bit mode active (CS only). */
  public static final long L = 1L << 13;
  /** Bit 14: D/B, default operation size. */
  public static final long DB = 1L << 14;
  /** Bit 15: G, granularity. */
  public static final long G = 1L << 15;
  /** Bit 16: segment unusable. */
  public static final long UNUSABLE = 1L << 16;
  /** Bits 31:17: reserved. */
  public static final long RESERVED_31_17 = 0xFFFE_0000L;
  /**
   * The access rights a virtual-8086 guest's segments must have: type 3, S, DPL 3, present
   * (SDM Vol. 3C 27.3.1.2).
   */
  public static final long VIRTUAL_8086 = SegmentType.DATA_READ_WRITE_ACCESSED | S | (3L << DPL_SHIFT) | P;

  private AccessRightsLayout() {}
}
