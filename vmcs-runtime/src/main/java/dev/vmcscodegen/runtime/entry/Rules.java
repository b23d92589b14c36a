package dev.vmcscodegen.runtime.entry;

import dev.vmcscodegen.runtime.arch.Page;
import dev.vmcscodegen.runtime.arch.MsrAreaEntry;
import dev.vmcscodegen.runtime.capability.AllowedSettings;
import dev.vmcscodegen.runtime.capability.FixedBits;
import dev.vmcscodegen.runtime.control.ControlDependency;

/** Predicates several check rows share, each phrased as the SDM phrases it. */
final class Rules {

  /** A 4-KByte page, the alignment of most VMX structures (SDM Vol. 3C 27.2.1). */
  static final long FOUR_KBYTES = Page.SIZE_4K;

  private Rules() {}

  /**
   * Whether each rule between controls holds for the controls in force (a secondary or tertiary control
   * counts only while its field is activated): {@link ControlDependency}, the one home of those rules.
   * The other control is read only when the subject is 1, as the SDM's "if ... is 1" reads.
   */
  static boolean holds(EntryState s, ControlDependency... rules) {
    for (ControlDependency rule : rules) {
      if (s.control(rule.subject()) && !rule.holds(true, s.control(rule.other()))) {
        return false;
      }
    }
    return true;
  }

  /** Every bit of {@code allowed0} (bits that must be 1) is set in {@code controls}. */
  static boolean hasAllowed0(long controls, AllowedSettings allowed) {
    return (controls & allowed.allowed0()) == allowed.allowed0();
  }

  /** No bit outside {@code allowed1} (bits that may be 1) is set in {@code controls}. */
  static boolean withinAllowed1(long controls, AllowedSettings allowed) {
    return (controls & ~allowed.allowed1()) == 0;
  }

  /** Every bit FIXED0 fixes to 1 is 1 in {@code value} (SDM Vol. 3D A.7, A.8). */
  static boolean hasFixed0(long value, long fixed0) {
    return (value & fixed0) == fixed0;
  }

  /** No bit FIXED1 fixes to 0 is 1 in {@code value} (SDM Vol. 3D A.7, A.8). */
  static boolean withinFixed1(long value, FixedBits fixed) {
    return (value & fixed.mustBeZero()) == 0;
  }

  /** An address field is aligned to {@code bytes} (a power of two) and within the physical-address width. */
  static boolean addressOk(EntryState s, int field, long bytes) {
    long address = s.field(field);
    return aligned(address, bytes) && s.physicalAddressOk(address);
  }

  /** Whether {@code value} is a multiple of {@code bytes}, a power of two. */
  static boolean aligned(long value, long bytes) {
    return (value & (bytes - 1)) == 0;
  }

  /** The last byte of an MSR area of {@code count} 16-byte entries is within the physical-address width. */
  static boolean msrAreaEndOk(EntryState s, int addressField, int countField) {
    long count = s.field(countField);
    if (count == 0) {
      return true;
    }
    long address = s.field(addressField);
    if (!s.physicalAddressOk(address)) {
      return false;
    }
    long end = address + count * MsrAreaEntry.BYTES - 1;
    return end >= address && s.physicalAddressOk(end);
  }

  /** The mask of bits {@code high} down to {@code low}, as the SDM writes a range ("bits 31:16"). */
  static long bits(int high, int low) {
    return (-1L >>> (Long.SIZE - 1 - high)) & (-1L << low);
  }

  /** Whether bits {@code high:low} of {@code value} are all 0. */
  static boolean clear(long value, int high, int low) {
    return (value & bits(high, low)) == 0;
  }

  /** Bits {@code high:low} of {@code value}, right-aligned. */
  static long field(long value, int high, int low) {
    return (value & bits(high, low)) >>> low;
  }

  /** Whether {@code bit} (a mask) is 1 in {@code value}. */
  static boolean set(long value, long bit) {
    return (value & bit) != 0;
  }
}
