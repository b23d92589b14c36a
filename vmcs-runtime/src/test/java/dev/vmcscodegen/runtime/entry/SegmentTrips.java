package dev.vmcscodegen.runtime.entry;

import static dev.vmcscodegen.runtime.entry.Baselines.*;
import static dev.vmcscodegen.runtime.fields.VmcsEncodings.*;

import dev.vmcscodegen.runtime.arch.AccessRightsLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Tripping cases for the guest segment-register checks, SDM Vol. 3C 27.3.1.2. Access-rights values
 * follow Table 25-2: type 3:0, S 4, DPL 6:5, P 7, L 13, D/B 14, G 15, unusable 16.
 */
final class SegmentTrips {

  private static final GuestSegment[] CODE_AND_DATA = {
      GuestSegment.CS, GuestSegment.SS, GuestSegment.DS, GuestSegment.ES, GuestSegment.FS, GuestSegment.GS};
  private static final GuestSegment[] DATA = {GuestSegment.DS, GuestSegment.ES, GuestSegment.FS, GuestSegment.GS};
  private static final long NONCANONICAL = 0x0000_8000_0000_0000L;
  /** A usable LDT: type 2, present, limit FFFFH with G = 0. */
  private static final long LDT = 0x82;

  private SegmentTrips() {}

  private static Scenario usableLdtr(Scenario s) {
    return s.set(GUEST_LDTR_SELECTOR, 0x50).set(GUEST_LDTR_LIMIT, 0xFFFF).set(GUEST_LDTR_ACCESS_RIGHTS, LDT);
  }

  static List<Trip> all() {
    Scenario l = longMode();
    Scenario p = pae();
    Scenario v = virtual8086();
    List<Trip> trips = new ArrayList<>(List.of(
        Trip.of("guest-tr-sel-ti", l.set(GUEST_TR_SELECTOR, 0x44)),
        Trip.of("guest-ldtr-sel-ti", usableLdtr(l).set(GUEST_LDTR_SELECTOR, 0x54)),
        Trip.of("guest-ss-rpl-eq-cs-rpl", p.set(GUEST_CS_SELECTOR, 0x0B)),
        Trip.of("guest-tr-base-canonical", l.set(GUEST_TR_BASE, NONCANONICAL)),
        Trip.of("guest-fs-base-canonical", l.set(GUEST_FS_BASE, NONCANONICAL)),
        Trip.of("guest-gs-base-canonical", l.set(GUEST_GS_BASE, NONCANONICAL)),
        Trip.of("guest-ldtr-base-canonical", usableLdtr(l).set(GUEST_LDTR_BASE, NONCANONICAL)),
        Trip.of("guest-cs-base-high", p.set(GUEST_CS_BASE, 1L << 32)),
        Trip.of("guest-cs-type", p.set(GUEST_CS_ACCESS_RIGHTS, 0xC093)),
        Trip.of("guest-ss-type", p.set(GUEST_SS_ACCESS_RIGHTS, 0xC091)),
        Trip.of("guest-cs-dpl-type3", realMode().set(GUEST_CS_ACCESS_RIGHTS, 0xF3)),
        Trip.of("guest-cs-dpl-nonconforming", p.set(GUEST_CS_ACCESS_RIGHTS, 0xC0FB)),
        Trip.of("guest-cs-dpl-conforming", p.set(GUEST_CS_ACCESS_RIGHTS, 0xC0FF)),
        Trip.of("guest-ss-dpl-eq-rpl", p.set(GUEST_CS_ACCESS_RIGHTS, 0xC0FB).set(GUEST_SS_ACCESS_RIGHTS, 0xC0F3)),
        Trip.of("guest-ss-dpl-zero", realMode().set(GUEST_CS_ACCESS_RIGHTS, 0x9F).set(GUEST_SS_ACCESS_RIGHTS, 0xF3)),
        Trip.of("guest-cs-db-with-l", l.or(GUEST_CS_ACCESS_RIGHTS, AccessRightsLayout.DB)),
        Trip.of("guest-tr-type", l.set(GUEST_TR_ACCESS_RIGHTS, 0x83)),
        Trip.of("guest-tr-s", l.or(GUEST_TR_ACCESS_RIGHTS, AccessRightsLayout.S)),
        Trip.of("guest-tr-present", l.clear(GUEST_TR_ACCESS_RIGHTS, AccessRightsLayout.P)),
        Trip.of("guest-tr-ar-reserved", l.or(GUEST_TR_ACCESS_RIGHTS, 1L << 8)),
        Trip.of("guest-tr-granularity", l.or(GUEST_TR_ACCESS_RIGHTS, AccessRightsLayout.G)),
        Trip.of("guest-tr-usable", l.or(GUEST_TR_ACCESS_RIGHTS, AccessRightsLayout.UNUSABLE)),
        Trip.of("guest-ldtr-type", usableLdtr(l).set(GUEST_LDTR_ACCESS_RIGHTS, 0x83)),
        Trip.of("guest-ldtr-s", usableLdtr(l).set(GUEST_LDTR_ACCESS_RIGHTS, 0x92)),
        Trip.of("guest-ldtr-present", usableLdtr(l).set(GUEST_LDTR_ACCESS_RIGHTS, 0x02)),
        Trip.of("guest-ldtr-ar-reserved", usableLdtr(l).set(GUEST_LDTR_ACCESS_RIGHTS, 0x182)),
        Trip.of("guest-ldtr-granularity", usableLdtr(l).set(GUEST_LDTR_LIMIT, 0x10_0000))));
    for (GuestSegment r : CODE_AND_DATA) {
      String suffix = ":" + r.suffix();
      trips.add(Trip.of("guest-v86-base" + suffix, v.set(r.base(), v.image().value(r.base()).orElseThrow() + 0x10)));
      trips.add(Trip.of("guest-v86-limit" + suffix, v.set(r.limit(), 0x1_FFFF)));
      trips.add(Trip.of("guest-v86-ar" + suffix, v.set(r.accessRights(), 0xF2)));
      // S cleared: a data type 3 (or code type 11) with S = 0 is a system descriptor.
      trips.add(Trip.of("guest-seg-s-bit" + suffix, p.clear(r.accessRights(), AccessRightsLayout.S)));
      trips.add(Trip.of("guest-seg-present" + suffix, p.clear(r.accessRights(), AccessRightsLayout.P)));
      trips.add(Trip.of("guest-seg-ar-reserved-11-8" + suffix, p.or(r.accessRights(), 1L << 8)));
      trips.add(Trip.of("guest-seg-granularity" + suffix, p.clear(r.accessRights(), AccessRightsLayout.G)));
      trips.add(Trip.of("guest-seg-ar-reserved-31-17" + suffix, p.or(r.accessRights(), 1L << 17)));
    }
    for (GuestSegment r : DATA) {
      String suffix = ":" + r.suffix();
      trips.add(Trip.of("guest-data-seg-accessed" + suffix, p.clear(r.accessRights(), AccessRightsLayout.TYPE_ACCESSED)));
      trips.add(Trip.of("guest-data-seg-code-readable" + suffix, p.set(r.accessRights(), 0xC099)));
      trips.add(Trip.of("guest-data-seg-dpl-ge-rpl" + suffix, p.set(r.selector(), 0x13)));
    }
    for (GuestSegment r : new GuestSegment[] {GuestSegment.SS, GuestSegment.DS, GuestSegment.ES}) {
      trips.add(Trip.of("guest-ss-ds-es-base-high:" + r.suffix(), p.set(r.base(), 1L << 32)));
    }
    return trips;
  }
}
