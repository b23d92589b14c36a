package dev.vmcscodegen.runtime.arch;

/**
 * A PAE page-directory-pointer-table entry and the CR3 that locates the table, SDM Vol. 3A 4.4.1,
 * Table 4-7 (CR3 with PAE paging) and Table 4-8 (PDPTE).
 */
public final class Pdpte {
  /** Bit 0, P: present. */
  public static final long PRESENT = 1L << 0;
  /** Reserved bits 2:1 and 8:5 of a present PDPTE. */
  public static final long RESERVED_LOW = 0x1E6L;
  /** With PAE paging, CR3 bits 31:5 hold the PDPT's physical address (32-byte aligned). */
  public static final long CR3_TABLE_ADDRESS = 0xFFFF_FFE0L;
  /** Size of one PDPTE in bytes. */
  public static final int BYTES = 8;

  private Pdpte() {}
}
