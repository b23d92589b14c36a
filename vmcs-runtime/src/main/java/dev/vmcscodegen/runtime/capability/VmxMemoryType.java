package dev.vmcscodegen.runtime.capability;

import dev.vmcscodegen.runtime.arch.MemoryType;
import java.util.Optional;

/**
 * The memory types VMX structures use: the type IA32_VMX_BASIC bits 53:50 reports for the VMCS and
 * the structures it references (SDM Vol. 3D A.1), and the EPT paging-structure memory type of an EPT
 * pointer, bits 2:0 (SDM Vol. 3C 25.6.11, Table 25-9). Both allow only these two values; the others
 * are not used (SDM Vol. 3A 12.3, Table 12-2 gives the numbers).
 */
public enum VmxMemoryType {
  /** 0: uncacheable (UC). */
  UNCACHEABLE(MemoryType.UNCACHEABLE, "UC"),
  /** 6: write-back (WB). */
  WRITE_BACK(MemoryType.WRITE_BACK, "WB");

  private final int value;
  private final String shortName;

  VmxMemoryType(int value, String shortName) {
    this.value = value;
    this.shortName = shortName;
  }

  /** The encoded value, 0 or 6. */
  public int value() {
    return value;
  }

  /** The SDM's abbreviation, {@code UC} or {@code WB}. */
  public String shortName() {
    return shortName;
  }

  /** The memory type with this encoding; empty for the values the SDM leaves unused. Never throws. */
  public static Optional<VmxMemoryType> fromValue(long value) {
    for (VmxMemoryType type : values()) {
      if (type.value == value) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
