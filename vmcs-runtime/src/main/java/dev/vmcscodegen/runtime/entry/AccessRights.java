package dev.vmcscodegen.runtime.entry;

/**
 * The bits of a guest segment access-rights field, SDM Vol. 3C 25.4.1, Table 25-2 "Format of Access
 * Rights", with the segment types of SDM Vol. 3A 3.4.5.1 and 3.5 that the guest checks name.
 */
final class AccessRights {
  /** Bits 3:0: segment type. */
  static final long TYPE = 0xF;
  /** Type bit 0: accessed. */
  static final long TYPE_ACCESSED = 1L << 0;
  /** Type bit 1: readable (code) or writable (data). */
  static final long TYPE_READ_WRITE = 1L << 1;
  /** Type bit 3: code segment. */
  static final long TYPE_CODE = 1L << 3;
  /** Bit 4: S, descriptor type (0 system, 1 code or data). */
  static final long S = 1L << 4;
  /** Bits 6:5: DPL. */
  static final int DPL_SHIFT = 5;
  /** Bit 7: P, segment present. */
  static final long P = 1L << 7;
  /** Bits 11:8: reserved. */
  static final long RESERVED_11_8 = 0xF00;
  /** Bit 13: L, 64-bit mode active (CS only). */
  static final long L = 1L << 13;
  /** Bit 14: D/B, default operation size. */
  static final long DB = 1L << 14;
  /** Bit 15: G, granularity. */
  static final long G = 1L << 15;
  /** Bit 16: segment unusable. */
  static final long UNUSABLE = 1L << 16;
  /** Bits 31:17: reserved. */
  static final long RESERVED_31_17 = 0xFFFE_0000L;
  /** Access rights a virtual-8086 guest must have: present, DPL 3, read/write accessed data (27.3.1.2). */
  static final long VIRTUAL_8086 = 0xF3;

  /** Type 2: LDT. */
  static final long TYPE_LDT = 2;
  /** Type 3: read/write accessed data; also the 16-bit busy TSS for TR. */
  static final long TYPE_DATA_RW_ACCESSED = 3;
  /** Type 3 for TR: 16-bit busy TSS. */
  static final long TYPE_TSS16_BUSY = 3;
  /** Type 7: read/write expand-down accessed data. */
  static final long TYPE_DATA_RW_DOWN_ACCESSED = 7;
  /** Type 9: execute-only accessed code. */
  static final long TYPE_CODE_ACCESSED = 9;
  /** Type 11: execute/read accessed code; also the 32-bit (64-bit in IA-32e mode) busy TSS for TR. */
  static final long TYPE_CODE_READ_ACCESSED = 11;
  /** Type 11 for TR: busy 32-bit or 64-bit TSS. */
  static final long TYPE_TSS_BUSY = 11;
  /** Type 13: execute-only conforming accessed code. */
  static final long TYPE_CODE_CONFORMING_ACCESSED = 13;
  /** Type 15: execute/read conforming accessed code. */
  static final long TYPE_CODE_CONFORMING_READ_ACCESSED = 15;
  /** Segment limit bits 11:0, compared with G (27.3.1.2). */
  static final long LIMIT_LOW_12 = 0xFFF;
  /** Segment limit bits 31:20, compared with G (27.3.1.2). */
  static final long LIMIT_HIGH_12 = 0xFFF0_0000L;
  /** Selector bits 1:0: RPL. */
  static final long SELECTOR_RPL = 0x3;
  /** Selector bit 2: TI. */
  static final long SELECTOR_TI = 0x4;

  private AccessRights() {}
}
