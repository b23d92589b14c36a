package dev.vmcscodegen.runtime.arch;

/**
 * Memory-type encodings, SDM Vol. 3A 12.3, Table 12-2 (MTRR and VMX structures), and 12.12.2,
 * Table 12-10 (IA32_PAT entries, which add UC- as 7).
 */
public final class MemoryType {
  /** 0, UC: uncacheable. */
  public static final int UNCACHEABLE = 0;
  /** 1, WC: write combining. */
  public static final int WRITE_COMBINING = 1;
  /** 4, WT: write-through. */
  public static final int WRITE_THROUGH = 4;
  /** 5, WP: write-protected. */
  public static final int WRITE_PROTECTED = 5;
  /** 6, WB: write-back. */
  public static final int WRITE_BACK = 6;
  /** 7, UC-: uncached (IA32_PAT only). */
  public static final int UNCACHED = 7;

  /** Lowest-bit-first set of the values an IA32_PAT entry may hold. */
  private static final int PAT_TYPES = (1 << UNCACHEABLE) | (1 << WRITE_COMBINING) | (1 << WRITE_THROUGH)
      | (1 << WRITE_PROTECTED) | (1 << WRITE_BACK) | (1 << UNCACHED);

  private MemoryType() {}

  /** Whether one byte of IA32_PAT holds a valid memory type (Table 12-10). */
  public static boolean isPatType(long value) {
    return value >= 0 && value < Integer.SIZE && (PAT_TYPES >>> value & 1) != 0;
  }

  /** Whether each of the eight bytes of an IA32_PAT value is a valid memory type (SDM Vol. 3A 12.12.2). */
  public static boolean isValidPat(long pat) {
    for (int entry = 0; entry < Long.BYTES; entry++) {
      if (!isPatType((pat >>> (Byte.SIZE * entry)) & 0xFF)) {
        return false;
      }
    }
    return true;
  }
}
