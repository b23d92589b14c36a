package dev.vmcscodegen.runtime.entry;

import static dev.vmcscodegen.runtime.arch.AccessRightsLayout.*;
import static dev.vmcscodegen.runtime.fields.VmcsEncodings.*;

import dev.vmcscodegen.runtime.arch.SegmentType;
import java.util.List;

/**
 * Checks on the guest TR and LDTR access rights and limits, SDM Vol. 3C 27.3.1.2 (26.3.1.2 before
 * 2023); they apply in every mode, virtual-8086 included. A failure is exit reason 33, qualification 0.
 */
final class GuestSystemSegmentChecks {

  private static final String SECTION = "27.3.1.2";
  private static final GuestSegment TR = GuestSegment.TR;
  private static final GuestSegment LDTR = GuestSegment.LDTR;

  private GuestSystemSegmentChecks() {}

  private static Check row(String id, String rule, String fix, Condition condition, int... fields) {
    return Check.of(id, SECTION, CheckArea.GUEST_STATE, rule, fix, condition, fields);
  }

  private static boolean ldtr(EntryState s, Condition rule) {
    return !s.segment(LDTR).usable() || rule.holds(s);
  }

  static List<Check> rows() {
    return List.of(
        row("guest-tr-type", "The TR type must be 11 (busy 64-bit TSS) in IA-32e mode, and 3 or 11 (busy"
                + " 16-bit or 32-bit TSS) otherwise.",
            "Load TR with a busy TSS of the right size (type 11 for a 64-bit guest).",
            s -> s.segment(TR).type() == SegmentType.TSS_BUSY
                || (!s.ia32eModeGuest() && s.segment(TR).type() == SegmentType.TSS_16_BUSY),
            VM_ENTRY_CONTROLS, GUEST_TR_ACCESS_RIGHTS),
        row("guest-tr-s", "TR must have S (bit 4) clear: it is a system descriptor.", "Clear S in the TR access rights.",
            s -> !s.segment(TR).has(S), GUEST_TR_ACCESS_RIGHTS),
        row("guest-tr-present", "TR must be present (P = 1).", "Set P in the TR access rights.",
            s -> s.segment(TR).has(P), GUEST_TR_ACCESS_RIGHTS),
        row("guest-tr-ar-reserved", "TR access-rights bits 11:8 and 31:17 must be 0.",
            "Clear the reserved TR access-rights bits.",
            s -> (s.segment(TR).accessRights() & (RESERVED_11_8 | RESERVED_31_17)) == 0, GUEST_TR_ACCESS_RIGHTS),
        row("guest-tr-granularity", "TR G must agree with its limit (1 if any limit bit 31:20 is 1, 0 if any bit"
                + " 11:0 is 0).",
            "Make G agree with the TR limit.",
            s -> s.segment(TR).granularityConsistent(), GUEST_TR_LIMIT, GUEST_TR_ACCESS_RIGHTS),
        row("guest-tr-usable", "TR must be usable (access-rights bit 16 clear).",
            "Load a TSS into TR and clear the unusable bit.",
            s -> s.segment(TR).usable(), GUEST_TR_ACCESS_RIGHTS),
        row("guest-ldtr-type", "A usable LDTR must have type 2 (LDT).", "Use type 2 or mark LDTR unusable.",
            s -> ldtr(s, t -> t.segment(LDTR).type() == SegmentType.LDT), GUEST_LDTR_ACCESS_RIGHTS),
        row("guest-ldtr-s", "A usable LDTR must have S clear.", "Clear S in the LDTR access rights.",
            s -> ldtr(s, t -> !t.segment(LDTR).has(S)), GUEST_LDTR_ACCESS_RIGHTS),
        row("guest-ldtr-present", "A usable LDTR must be present (P = 1).",
            "Set P in the LDTR access rights or mark LDTR unusable.",
            s -> ldtr(s, t -> t.segment(LDTR).has(P)), GUEST_LDTR_ACCESS_RIGHTS),
        row("guest-ldtr-ar-reserved", "A usable LDTR must have access-rights bits 11:8 and 31:17 zero.",
            "Clear the reserved LDTR access-rights bits.",
            s -> ldtr(s, t -> (t.segment(LDTR).accessRights() & (RESERVED_11_8 | RESERVED_31_17)) == 0),
            GUEST_LDTR_ACCESS_RIGHTS),
        row("guest-ldtr-granularity", "A usable LDTR must have G agree with its limit.",
            "Make G agree with the LDTR limit.",
            s -> ldtr(s, t -> t.segment(LDTR).granularityConsistent()), GUEST_LDTR_LIMIT, GUEST_LDTR_ACCESS_RIGHTS));
  }
}
