package dev.vmcscodegen.runtime.software;

import dev.vmcscodegen.encoding.HostWidth;
import dev.vmcscodegen.runtime.VmcsCatalog;
import dev.vmcscodegen.encoding.VmcsEncoding;
import dev.vmcscodegen.runtime.VmcsField;
import dev.vmcscodegen.encoding.VmcsWidth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which encodings a modelled processor supports and how VMREAD and VMWRITE move a value to and from
 * a field's slot (SDM Vol. 3C 25.11.2 and the VMREAD/VMWRITE descriptions in 31.3). Immutable; the
 * fast path allocates nothing.
 */
final class FieldSupport {

  /** VMREAD/VMWRITE encodings with bits 31:16 set are never supported, so 16 bits index the support set. */
  private static final int ENCODING_SPACE = 1 << 16;
  private static final int BITS_PER_WORD_SHIFT = 6;
  private static final long LOW_32 = 0xFFFF_FFFFL;
  private static final int HIGH_32_SHIFT = 32;

  private final VmcsCatalog catalog;
  private final List<VmcsField> supportedFields;
  /** One bit an encoding: full accesses of supported fields and high accesses of supported 64-bit ones. */
  private final long[] supported = new long[ENCODING_SPACE >>> BITS_PER_WORD_SHIFT];
  /** The bits a full access moves, indexed by encoding width bits 14:13. */
  private final long[] fullAccessMask = new long[VmcsWidth.values().length];

  FieldSupport(VmcsCatalog catalog, List<VmcsField> removed, HostWidth host) {
    this.catalog = catalog;
    for (VmcsWidth width : VmcsWidth.values()) {
      // Outside IA-32e mode every access moves 32 bits, a full access to a 64-bit field included.
      int bits = width == VmcsWidth.BITS_64 ? host.bits() : width.bits(host);
      fullAccessMask[width.widthBits()] = bits == Long.SIZE ? -1L : (1L << bits) - 1;
    }
    Set<VmcsField> left = new HashSet<>(removed);
    List<VmcsField> kept = new ArrayList<>();
    for (VmcsField field : catalog.fields()) {
      checkFullEncoding(field);
      if (!left.contains(field)) {
        kept.add(field);
        mark(field.encoding());
        if (field.width() == VmcsWidth.BITS_64) {
          mark(field.encoding() | VmcsEncoding.ACCESS_HIGH_BIT);
        }
      }
    }
    this.supportedFields = List.copyOf(kept);
  }

  /** Whether the encoding names a supported component: no reserved bit, a supported field, high only on 64 bits. */
  boolean supports(int encoding) {
    return (encoding & ~(ENCODING_SPACE - 1)) == 0
        && (supported[encoding >>> BITS_PER_WORD_SHIFT] & (1L << encoding)) != 0;
  }

  /** VMREAD of a supported encoding: bits 63:32 for a high access, else the bits a full access moves. */
  long read(long[] fields, int encoding) {
    long stored = fields[VmcsRegion.slotOf(encoding)];
    if ((encoding & VmcsEncoding.ACCESS_HIGH_BIT) != 0) {
      return stored >>> HIGH_32_SHIFT;
    }
    return stored & fullAccessMask[VmcsEncoding.widthBits(encoding)];
  }

  /**
   * VMWRITE of a supported encoding: a high access replaces bits 63:32 with bits 31:0 of the value; a
   * full access stores the bits it moves and clears the field's other bits (SDM Vol. 3C 31.3 VMWRITE).
   */
  void write(long[] fields, int encoding, long value) {
    int slot = VmcsRegion.slotOf(encoding);
    if ((encoding & VmcsEncoding.ACCESS_HIGH_BIT) != 0) {
      fields[slot] = (fields[slot] & LOW_32) | (value << HIGH_32_SHIFT);
    } else {
      fields[slot] = value & fullAccessMask[VmcsEncoding.widthBits(encoding)];
    }
  }

  /** The bits a full access to a field of this width moves on this host. */
  long fullAccessMask(VmcsWidth width) {
    return fullAccessMask[width.widthBits()];
  }

  VmcsCatalog catalog() {
    return catalog;
  }

  List<VmcsField> supportedFields() {
    return supportedFields;
  }

  /** The qualified name of the field an encoding accesses, for messages. */
  String nameOf(int encoding) {
    return catalog.byEncoding(encoding & ~VmcsEncoding.ACCESS_HIGH_BIT)
        .map(field -> (encoding & VmcsEncoding.ACCESS_HIGH_BIT) != 0
            ? field.qualifiedName() + " (high access)" : field.qualifiedName())
        .orElse("the field");
  }

  /** Why an encoding is not supported, in SDM terms. */
  String unsupportedReason(int encoding) {
    VmcsEncoding parts = VmcsEncoding.of(encoding);
    if (parts.reservedBitsSet() != 0) {
      return String.format("reserved encoding bits 0x%X are set (bits 12, 15 and 31:16 must be 0,"
          + " SDM Vol. 3C 25.11.2)", parts.reservedBitsSet());
    }
    if (parts.isHighAccess() && parts.width() != VmcsWidth.BITS_64) {
      return "access type bit 0 (high) is set on a field of width " + parts.width().specName()
          + "; only 64-bit fields have a high access (SDM Vol. 3C 25.11.2)";
    }
    return catalog.byEncoding(parts.fullEncoding())
        .map(field -> field.qualifiedName() + " is in the catalog, but this SoftwareVmcs was built without it")
        .orElse("no field of this processor's catalog has this encoding");
  }

  private void mark(int encoding) {
    supported[encoding >>> BITS_PER_WORD_SHIFT] |= 1L << encoding;
  }

  private static void checkFullEncoding(VmcsField field) {
    VmcsEncoding encoding = VmcsEncoding.of(field.encoding());
    if (!encoding.isWellFormed() || encoding.isHighAccess()
        || encoding.width() != field.width() || encoding.category() != field.category()) {
      throw new IllegalArgumentException(String.format("%s has encoding 0x%04X, which is not a well-formed"
          + " full-access encoding of a %s %s field (SDM Vol. 3C 25.11.2, Table 25-21)", field.qualifiedName(),
          field.encoding(), field.category(), field.width()));
    }
  }
}
