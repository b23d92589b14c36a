package dev.vmcscodegen.runtime.entry;

import static dev.vmcscodegen.runtime.fields.VmcsEncodings.*;

/**
 * The guest segment registers and their four VMCS fields each: selector, base, limit, access rights
 * (SDM Vol. 3C 25.4.1).
 */
public enum GuestSegment {
  /** ES. */
  ES(GUEST_ES_SELECTOR, GUEST_ES_BASE, GUEST_ES_LIMIT, GUEST_ES_ACCESS_RIGHTS),
  /** CS. */
  CS(GUEST_CS_SELECTOR, GUEST_CS_BASE, GUEST_CS_LIMIT, GUEST_CS_ACCESS_RIGHTS),
  /** SS. */
  SS(GUEST_SS_SELECTOR, GUEST_SS_BASE, GUEST_SS_LIMIT, GUEST_SS_ACCESS_RIGHTS),
  /** DS. */
  DS(GUEST_DS_SELECTOR, GUEST_DS_BASE, GUEST_DS_LIMIT, GUEST_DS_ACCESS_RIGHTS),
  /** FS. */
  FS(GUEST_FS_SELECTOR, GUEST_FS_BASE, GUEST_FS_LIMIT, GUEST_FS_ACCESS_RIGHTS),
  /** GS. */
  GS(GUEST_GS_SELECTOR, GUEST_GS_BASE, GUEST_GS_LIMIT, GUEST_GS_ACCESS_RIGHTS),
  /** LDTR. */
  LDTR(GUEST_LDTR_SELECTOR, GUEST_LDTR_BASE, GUEST_LDTR_LIMIT, GUEST_LDTR_ACCESS_RIGHTS),
  /** TR. */
  TR(GUEST_TR_SELECTOR, GUEST_TR_BASE, GUEST_TR_LIMIT, GUEST_TR_ACCESS_RIGHTS);

  private final int selector;
  private final int base;
  private final int limit;
  private final int accessRights;

  GuestSegment(int selector, int base, int limit, int accessRights) {
    this.selector = selector;
    this.base = base;
    this.limit = limit;
    this.accessRights = accessRights;
  }

  /** Encoding of the selector field. */
  public int selector() {
    return selector;
  }

  /** Encoding of the base-address field. */
  public int base() {
    return base;
  }

  /** Encoding of the segment-limit field. */
  public int limit() {
    return limit;
  }

  /** Encoding of the access-rights field. */
  public int accessRights() {
    return accessRights;
  }

  /** The id suffix for per-register checks: {@code cs}. */
  String suffix() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
