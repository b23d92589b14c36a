package dev.vmcscodegen.runtime.capability;

/**
 * Every bit IA32_VMX_EPT_VPID_CAP (48CH) defines, SDM Vol. 3D A.10 "VPID and EPT Capabilities". The
 * multi-bit field 53:48 (maximum HLAT prefix size) is read through
 * {@link EptVpidCapability#maxHlatPrefixSize()}.
 */
public enum EptVpidCapabilityBit {
  /** Bit 0: EPT paging-structure entries may have bits 2:0 = 100b (execute-only translations). */
  EXECUTE_ONLY_TRANSLATIONS(0),
  /** Bit 6: a page-walk length of 4 is supported. */
  PAGE_WALK_LENGTH_4(6),
  /** Bit 7: a page-walk length of 5 is supported. */
  PAGE_WALK_LENGTH_5(7),
  /** Bit 8: the EPT paging-structure memory type may be uncacheable (0). */
  MEMORY_TYPE_UNCACHEABLE(8),
  /** Bit 14: the EPT paging-structure memory type may be write-back (6). */
  MEMORY_TYPE_WRITE_BACK(14),
  /** Bit 16: an EPT PDE may map a 2-Mbyte page (bit 7 = 1). */
  PDE_2MB_PAGES(16),
  /** Bit 17: an EPT PDPTE may map a 1-Gbyte page (bit 7 = 1). */
  PDPTE_1GB_PAGES(17),
  /** Bit 20: INVEPT is supported. */
  INVEPT(20),
  /** Bit 21: accessed and dirty flags for EPT are supported (EPTP bit 6). */
  ACCESSED_AND_DIRTY_FLAGS(21),
  /** Bit 22: EPT violations report advanced VM-exit information (exit-qualification bits 7 and 8). */
  ADVANCED_EPT_VIOLATION_INFORMATION(22),
  /** Bit 23: supervisor shadow-stack control is supported (EPTP bit 7). */
  SUPERVISOR_SHADOW_STACK_CONTROL(23),
  /** Bit 25: single-context INVEPT (type 1) is supported. */
  INVEPT_SINGLE_CONTEXT(25),
  /** Bit 26: all-context INVEPT (type 2) is supported. */
  INVEPT_ALL_CONTEXT(26),
  /** Bit 32: INVVPID is supported. */
  INVVPID(32),
  /** Bit 40: individual-address INVVPID (type 0) is supported. */
  INVVPID_INDIVIDUAL_ADDRESS(40),
  /** Bit 41: single-context INVVPID (type 1) is supported. */
  INVVPID_SINGLE_CONTEXT(41),
  /** Bit 42: all-context INVVPID (type 2) is supported. */
  INVVPID_ALL_CONTEXT(42),
  /** Bit 43: single-context-retaining-globals INVVPID (type 3) is supported. */
  INVVPID_SINGLE_CONTEXT_RETAINING_GLOBALS(43);

  private final int bit;

  EptVpidCapabilityBit(int bit) {
    this.bit = bit;
  }

  /** The bit's position in the MSR. */
  public int bit() {
    return bit;
  }

  /** The bit as a mask. */
  public long mask() {
    return 1L << bit;
  }
}
