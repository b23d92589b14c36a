package dev.vmcscodegen.runtime.software;

import dev.vmcscodegen.runtime.LaunchState;
import dev.vmcscodegen.encoding.VmcsEncoding;

/**
 * One VMCS region in memory (SDM Vol. 3C 25.2 "Format of the VMCS Region"): its revision identifier
 * (bits 30:0 of its first 4 bytes, bit 31 the shadow-VMCS indicator), its launch state, and the field
 * data, one {@code long} a slot.
 *
 * <p>A slot packs the parts of an encoding that name a field (Table 25-21): index bits 9:1 into slot
 * bits 8:0, type bits 11:10 into slot bits 10:9, width bits 14:13 into slot bits 12:11; 8,192 slots cover
 * every well-formed encoding. A 64-bit field's high access uses the same slot.
 */
final class VmcsRegion {

  /** Every well-formed field has a slot below this: 13 bits. */
  static final int SLOT_COUNT = 1 << 13;

  private static final int SLOT_TYPE_SHIFT = 9;
  private static final int SLOT_WIDTH_SHIFT = 11;

  final long[] fields = new long[SLOT_COUNT];
  LaunchState launchState = LaunchState.CLEAR;
  int revisionIdentifier;

  VmcsRegion(int revisionIdentifier) {
    this.revisionIdentifier = revisionIdentifier;
  }

  /** The slot of an encoding's field; bit 0 and the reserved bits are ignored. */
  static int slotOf(int encoding) {
    // VmcsEncoding's static masks, which the JIT folds (EncodingPart's enum fields it does not)
    int index = (encoding & VmcsEncoding.INDEX_MASK) >>> VmcsEncoding.INDEX_SHIFT;
    int type = (encoding & VmcsEncoding.TYPE_MASK) >>> VmcsEncoding.TYPE_SHIFT;
    int width = (encoding & VmcsEncoding.WIDTH_MASK) >>> VmcsEncoding.WIDTH_SHIFT;
    return index | (type << SLOT_TYPE_SHIFT) | (width << SLOT_WIDTH_SHIFT);
  }
}
