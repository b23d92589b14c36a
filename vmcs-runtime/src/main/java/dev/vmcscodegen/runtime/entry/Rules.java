package dev.vmcscodegen.runtime.entry;

import static dev.vmcscodegen.runtime.entry.Bits.*;

/** Predicates several check rows share, each phrased as the SDM phrases it. */
final class Rules {

  /** Valid PAT memory types: UC 0, WC 1, WT 4, WP 5, WB 6, UC- 7 (SDM Vol. 3A 12.12.2, Table 12-10). */
  private static final int VALID_PAT_TYPES = (1 << 0) | (1 << 1) | (1 << 4) | (1 << 5) | (1 << 6) | (1 << 7);

  private Rules() {}

  /** Every bit of {@code allowed0} (bits that must be 1) is set in {@code controls}. */
  static boolean hasAllowed0(long controls, long capabilityMsr) {
    long mustBe1 = EntryCapabilities.allowed0(capabilityMsr);
    return (controls & mustBe1) == mustBe1;
  }

  /** No bit outside {@code allowed1} (bits that may be 1) is set in {@code controls}. */
  static boolean withinAllowed1(long controls, long capabilityMsr) {
    return (controls & ~EntryCapabilities.allowed1(capabilityMsr)) == 0;
  }

  /** An address field is aligned to {@code alignMask + 1} bytes and within the physical-address width. */
  static boolean addressOk(EntryState s, int field, long alignMask) {
    long address = s.field(field);
    return (address & alignMask) == 0 && s.physicalAddressOk(address);
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
    long end = address + count * MSR_ENTRY_BYTES - 1;
    return end >= address && s.physicalAddressOk(end);
  }

  /** Each of the eight bytes of a PAT value is a valid memory type. */
  static boolean patValid(long pat) {
    for (int i = 0; i < 8; i++) {
      int type = (int) ((pat >>> (8 * i)) & 0xFF);
      if (type > 7 || (VALID_PAT_TYPES & (1 << type)) == 0) {
        return false;
      }
    }
    return true;
  }

  /** IA32_S_CET: reserved bits 9:6 are 0 and SUPPRESS and TRACKER are not both 1. */
  static boolean sCetValid(long value) {
    return (value & S_CET_RESERVED_9_6) == 0
        && (value & (S_CET_SUPPRESS | S_CET_TRACKER)) != (S_CET_SUPPRESS | S_CET_TRACKER);
  }

  /** Whether {@code bit} is 1 in {@code value}. */
  static boolean set(long value, long bit) {
    return (value & bit) != 0;
  }
}
