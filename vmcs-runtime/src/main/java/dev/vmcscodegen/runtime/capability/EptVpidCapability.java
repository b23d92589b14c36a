package dev.vmcscodegen.runtime.capability;

import java.util.EnumSet;
import java.util.Set;

/**
 * IA32_VMX_EPT_VPID_CAP (48CH), decoded: SDM Vol. 3D A.10. Every bit pattern decodes; bits the SDM
 * does not define are kept in {@link #raw()} and reported by {@link #undefinedBits()}.
 *
 * @param raw the MSR's 64-bit value
 */
public record EptVpidCapability(long raw) {

  /** Bits 53:48: the maximum HLAT prefix size. */
  public static final int HLAT_PREFIX_SIZE_SHIFT = 48;
  /** Width of the HLAT prefix size field, bits 53:48. */
  public static final long HLAT_PREFIX_SIZE_MASK = 0x3F;

  /** Whether the MSR reports this capability. */
  public boolean supports(EptVpidCapabilityBit capability) {
    return (raw & capability.mask()) != 0;
  }

  /** Every defined capability the MSR reports, in bit order. */
  public Set<EptVpidCapabilityBit> supported() {
    EnumSet<EptVpidCapabilityBit> set = EnumSet.noneOf(EptVpidCapabilityBit.class);
    for (EptVpidCapabilityBit capability : EptVpidCapabilityBit.values()) {
      if (supports(capability)) {
        set.add(capability);
      }
    }
    return set;
  }

  /** Bits 53:48: the maximum HLAT prefix size (0 when HLAT is not supported). */
  public int maxHlatPrefixSize() {
    return (int) ((raw >>> HLAT_PREFIX_SIZE_SHIFT) & HLAT_PREFIX_SIZE_MASK);
  }

  /** The set bits that neither a {@link EptVpidCapabilityBit} nor the HLAT field names. */
  public long undefinedBits() {
    long defined = HLAT_PREFIX_SIZE_MASK << HLAT_PREFIX_SIZE_SHIFT;
    for (EptVpidCapabilityBit capability : EptVpidCapabilityBit.values()) {
      defined |= capability.mask();
    }
    return raw & ~defined;
  }
}
