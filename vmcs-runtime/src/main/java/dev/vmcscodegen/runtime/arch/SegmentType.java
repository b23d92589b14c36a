package dev.vmcscodegen.runtime.arch;

/**
 * Segment types the VM-entry checks name: code and data types (S = 1), SDM Vol. 3A 3.4.5.1, Table 3-1,
 * and system types (S = 0), Vol. 3A 3.5, Table 3-2.
 */
public final class SegmentType {
  /** System type 2: LDT. */
  public static final long LDT = 2;
  /** System type 3: 16-bit busy TSS. */
  public static final long TSS_16_BUSY = 3;
  /** System type 11: 32-bit busy TSS (64-bit busy TSS in IA-32e mode). */
  public static final long TSS_BUSY = 11;
  /** Data type 3: read/write, accessed. */
  public static final long DATA_READ_WRITE_ACCESSED = 3;
  /** Data type 7: read/write, expand-down, accessed. */
  public static final long DATA_READ_WRITE_EXPAND_DOWN_ACCESSED = 7;
  /** Code type 9: execute-only, accessed. */
  public static final long CODE_ACCESSED = 9;
  /** Code type 11: execute/read, accessed. */
  public static final long CODE_READ_ACCESSED = 11;
  /** Code type 13: execute-only, conforming, accessed. */
  public static final long CODE_CONFORMING_ACCESSED = 13;
  /** Code type 15: execute/read, conforming, accessed. */
  public static final long CODE_CONFORMING_READ_ACCESSED = 15;

  private SegmentType() {}
}
