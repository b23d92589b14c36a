package dev.vmcscodegen.runtime.entry;

import static dev.vmcscodegen.runtime.arch.AccessRightsLayout.*;
import static dev.vmcscodegen.runtime.fields.VmcsEncodings.*;
import static dev.vmcscodegen.runtime.entry.Rules.*;

import dev.vmcscodegen.runtime.arch.Cr0;
import dev.vmcscodegen.runtime.arch.SegmentSelector;
import dev.vmcscodegen.runtime.arch.SegmentType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Checks on the guest segment registers, SDM Vol. 3C 27.3.1.2 (26.3.1.2 before 2023), in each mode:
 * virtual-8086, unrestricted guest, protected and IA-32e. Checks that apply to several registers have
 * one row per register (id suffix {@code :cs}). A failure is exit reason 33, qualification 0.
 */
final class GuestSegmentChecks {

  private static final String SECTION = "27.3.1.2";
  /** The limit of every segment register of a virtual-8086 guest, 0000FFFFH (SDM Vol. 3C 27.3.1.2). */
  private static final long VIRTUAL_8086_LIMIT = 0xFFFF;
  private static final GuestSegment[] CODE_AND_DATA = {
      GuestSegment.CS, GuestSegment.SS, GuestSegment.DS, GuestSegment.ES, GuestSegment.FS, GuestSegment.GS};
  private static final GuestSegment[] DATA = {GuestSegment.DS, GuestSegment.ES, GuestSegment.FS, GuestSegment.GS};
  /** Fields every mode decision reads: RFLAGS.VM, unrestricted guest, IA-32e mode guest. */
  private static final int[] MODE = {GUEST_RFLAGS, PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS,
      SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS};

  private GuestSegmentChecks() {}

  private static Check row(String id, String rule, String fix, Condition condition, int... fields) {
    return Check.of(id, SECTION, CheckArea.GUEST_STATE, rule, fix, condition, fields);
  }

  private static int[] fields(int[] extra, GuestSegment... registers) {
    int[] all = new int[extra.length + registers.length * 4];
    System.arraycopy(extra, 0, all, 0, extra.length);
    int i = extra.length;
    for (GuestSegment register : registers) {
      all[i++] = register.selector();
      all[i++] = register.base();
      all[i++] = register.limit();
      all[i++] = register.accessRights();
    }
    return all;
  }

  private static int[] plus(int[] a, int... b) {
    int[] all = new int[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  /** One row per register: id suffix, the register's name in the rule. */
  private static void perRegister(List<Check> rows, String id, GuestSegment[] registers,
      Function<GuestSegment, String> rule, String fix, Function<GuestSegment, Condition> condition, int... extra) {
    for (GuestSegment register : registers) {
      rows.add(row(id + ":" + register.suffix(), rule.apply(register), fix, condition.apply(register),
          fields(extra, register)));
    }
  }

  /** Protected-mode rules apply to CS always, to the others when usable, and never in virtual-8086 mode. */
  private static boolean checked(EntryState s, GuestSegment register) {
    return !s.virtual8086() && (register == GuestSegment.CS || s.segment(register).usable());
  }

  static List<Check> rows() {
    List<Check> rows = new ArrayList<>();
    rows.add(row("guest-tr-sel-ti", "The guest TR selector's TI flag (bit 2) must be 0.",
        "Use a GDT selector for TR.", s -> (s.segment(GuestSegment.TR).selector() & SegmentSelector.TI) == 0,
        GUEST_TR_SELECTOR));
    rows.add(row("guest-ldtr-sel-ti", "When LDTR is usable, its selector's TI flag (bit 2) must be 0.",
        "Use a GDT selector for LDTR, or mark LDTR unusable.",
        s -> !s.segment(GuestSegment.LDTR).usable() || (s.segment(GuestSegment.LDTR).selector() & SegmentSelector.TI) == 0,
        GUEST_LDTR_SELECTOR, GUEST_LDTR_ACCESS_RIGHTS));
    rows.add(row("guest-ss-rpl-eq-cs-rpl", "Outside virtual-8086 mode and without \"unrestricted guest\", the SS"
            + " selector's RPL must equal the CS selector's RPL.",
        "Give SS and CS selectors the same RPL (the guest's CPL).",
        s -> s.virtual8086() || s.unrestrictedGuest()
            || s.segment(GuestSegment.SS).rpl() == s.segment(GuestSegment.CS).rpl(),
        plus(MODE, GUEST_SS_SELECTOR, GUEST_CS_SELECTOR)));
    perRegister(rows, "guest-v86-base", CODE_AND_DATA,
        r -> "In virtual-8086 mode, the " + r + " base must be the selector shifted left 4 bits.",
        "Write selector * 16 into the base of every segment register of a virtual-8086 guest.",
        r -> s -> !s.virtual8086() || s.segment(r).base() == (s.segment(r).selector() << 4), GUEST_RFLAGS);
    perRegister(rows, "guest-v86-limit", CODE_AND_DATA,
        r -> "In virtual-8086 mode, the " + r + " limit must be 0000FFFFH.",
        "Write 0xFFFF into the limit of every segment register of a virtual-8086 guest.",
        r -> s -> !s.virtual8086() || s.segment(r).limit() == VIRTUAL_8086_LIMIT, GUEST_RFLAGS);
    perRegister(rows, "guest-v86-ar", CODE_AND_DATA,
        r -> "In virtual-8086 mode, the " + r + " access rights must be 000000F3H.",
        "Write 0xF3 (present, DPL 3, read/write accessed data) into every access-rights field.",
        r -> s -> !s.virtual8086() || s.segment(r).accessRights() == VIRTUAL_8086, GUEST_RFLAGS);
    rows.add(row("guest-tr-base-canonical", "The guest TR base must be canonical.", "Write a canonical TR base.",
        s -> s.canonical(s.segment(GuestSegment.TR).base()), GUEST_TR_BASE));
    rows.add(row("guest-fs-base-canonical", "The guest FS base must be canonical.", "Write a canonical FS base.",
        s -> s.canonical(s.segment(GuestSegment.FS).base()), GUEST_FS_BASE));
    rows.add(row("guest-gs-base-canonical", "The guest GS base must be canonical.", "Write a canonical GS base.",
        s -> s.canonical(s.segment(GuestSegment.GS).base()), GUEST_GS_BASE));
    rows.add(row("guest-ldtr-base-canonical", "When LDTR is usable, its base must be canonical.",
        "Write a canonical LDTR base or mark LDTR unusable.",
        s -> !s.segment(GuestSegment.LDTR).usable() || s.canonical(s.segment(GuestSegment.LDTR).base()),
        GUEST_LDTR_BASE, GUEST_LDTR_ACCESS_RIGHTS));
    rows.add(row("guest-cs-base-high", "Guest CS base bits 63:32 must be 0.", "Write a 32-bit CS base.",
        s -> clear(s.segment(GuestSegment.CS).base(), 63, 32), GUEST_CS_BASE));
    perRegister(rows, "guest-ss-ds-es-base-high", new GuestSegment[] {GuestSegment.SS, GuestSegment.DS, GuestSegment.ES},
        r -> "When " + r + " is usable, its base bits 63:32 must be 0.",
        "Write a 32-bit base or mark the register unusable.",
        r -> s -> !s.segment(r).usable() || clear(s.segment(r).base(), 63, 32));
    rows.add(row("guest-cs-type", "Outside virtual-8086 mode, the CS type must be 9, 11, 13 or 15 (accessed"
            + " code), or 3 (accessed read/write data) with \"unrestricted guest\".",
        "Use an accessed code-segment type for CS (type 11 for ordinary code).",
        s -> s.virtual8086() || csTypeOk(s), plus(MODE, GUEST_CS_ACCESS_RIGHTS)));
    rows.add(row("guest-ss-type", "Outside virtual-8086 mode, a usable SS must have type 3 or 7 (accessed"
            + " read/write data).",
        "Use type 3 for SS, or mark SS unusable.",
        s -> !checked(s, GuestSegment.SS) || s.segment(GuestSegment.SS).type() == SegmentType.DATA_READ_WRITE_ACCESSED
            || s.segment(GuestSegment.SS).type() == SegmentType.DATA_READ_WRITE_EXPAND_DOWN_ACCESSED,
        plus(MODE, GUEST_SS_ACCESS_RIGHTS)));
    perRegister(rows, "guest-data-seg-accessed", DATA,
        r -> "Outside virtual-8086 mode, a usable " + r + " must have type bit 0 (accessed) set.",
        "Set the accessed bit in the segment type.",
        r -> s -> !checked(s, r) || s.segment(r).has(TYPE_ACCESSED), MODE);
    perRegister(rows, "guest-data-seg-code-readable", DATA,
        r -> "Outside virtual-8086 mode, a usable " + r + " holding a code segment must be readable (type bit 1).",
        "Use a readable code type (11 or 15) or a data type.",
        r -> s -> !checked(s, r) || !s.segment(r).has(TYPE_CODE) || s.segment(r).has(TYPE_READ_WRITE), MODE);
    perRegister(rows, "guest-seg-s-bit", CODE_AND_DATA,
        r -> "Outside virtual-8086 mode, " + r + " (CS always, the others when usable) must have S (bit 4) set.",
        "Set S: code and data segments are not system descriptors.",
        r -> s -> !checked(s, r) || s.segment(r).has(S), MODE);
    rows.add(row("guest-cs-dpl-type3", "Outside virtual-8086 mode, a CS of type 3 (unrestricted guest) must"
            + " have DPL 0.",
        "Give CS DPL 0 when it uses type 3.",
        s -> s.virtual8086() || s.segment(GuestSegment.CS).type() != SegmentType.DATA_READ_WRITE_ACCESSED
            || s.segment(GuestSegment.CS).dpl() == 0, plus(MODE, GUEST_CS_ACCESS_RIGHTS)));
    rows.add(row("guest-cs-dpl-nonconforming", "Outside virtual-8086 mode, a non-conforming CS (type 9 or 11)"
            + " must have DPL equal to SS DPL.",
        "Make CS DPL equal SS DPL (both the guest's CPL).",
        s -> s.virtual8086() || !nonConformingCode(s.segment(GuestSegment.CS).type())
            || s.segment(GuestSegment.CS).dpl() == s.segment(GuestSegment.SS).dpl(),
        plus(MODE, GUEST_CS_ACCESS_RIGHTS, GUEST_SS_ACCESS_RIGHTS)));
    rows.add(row("guest-cs-dpl-conforming", "Outside virtual-8086 mode, a conforming CS (type 13 or 15) must"
            + " have DPL not above SS DPL.",
        "Lower CS DPL to at most SS DPL.",
        s -> s.virtual8086() || !conformingCode(s.segment(GuestSegment.CS).type())
            || s.segment(GuestSegment.CS).dpl() <= s.segment(GuestSegment.SS).dpl(),
        plus(MODE, GUEST_CS_ACCESS_RIGHTS, GUEST_SS_ACCESS_RIGHTS)));
    rows.add(row("guest-ss-dpl-eq-rpl", "Outside virtual-8086 mode and without \"unrestricted guest\", SS DPL"
            + " must equal the SS selector's RPL (even when SS is unusable).",
        "Make SS DPL equal the RPL of the SS selector.",
        s -> s.virtual8086() || s.unrestrictedGuest()
            || s.segment(GuestSegment.SS).dpl() == s.segment(GuestSegment.SS).rpl(),
        plus(MODE, GUEST_SS_SELECTOR, GUEST_SS_ACCESS_RIGHTS)));
    rows.add(row("guest-ss-dpl-zero", "Outside virtual-8086 mode, SS DPL must be 0 when CS has type 3 or guest"
            + " CR0.PE is 0.",
        "Give SS DPL 0 for a real-mode or type-3-CS guest.",
        s -> s.virtual8086() || !(s.segment(GuestSegment.CS).type() == SegmentType.DATA_READ_WRITE_ACCESSED
            || !set(s.field(GUEST_CR0), Cr0.PE)) || s.segment(GuestSegment.SS).dpl() == 0,
        plus(MODE, GUEST_CS_ACCESS_RIGHTS, GUEST_CR0, GUEST_SS_ACCESS_RIGHTS)));
    perRegister(rows, "guest-data-seg-dpl-ge-rpl", DATA,
        r -> "Outside virtual-8086 mode and without \"unrestricted guest\", a usable " + r + " of type 0 to 11"
            + " (data or non-conforming code) must have DPL not below its selector's RPL.",
        "Raise the DPL or lower the selector's RPL.",
        r -> s -> !checked(s, r) || s.unrestrictedGuest() || s.segment(r).type() > SegmentType.CODE_READ_ACCESSED
            || s.segment(r).dpl() >= s.segment(r).rpl(), MODE);
    perRegister(rows, "guest-seg-present", CODE_AND_DATA,
        r -> "Outside virtual-8086 mode, " + r + " (CS always, the others when usable) must be present (P = 1).",
        "Set P in the access rights, or mark the register unusable (not CS).",
        r -> s -> !checked(s, r) || s.segment(r).has(P), MODE);
    perRegister(rows, "guest-seg-ar-reserved-11-8", CODE_AND_DATA,
        r -> "Outside virtual-8086 mode, " + r + " access-rights bits 11:8 must be 0.",
        "Clear access-rights bits 11:8 (VMX packs the descriptor's limit bits elsewhere).",
        r -> s -> !checked(s, r) || (s.segment(r).accessRights() & RESERVED_11_8) == 0, MODE);
    rows.add(row("guest-cs-db-with-l", "In IA-32e mode with CS.L = 1, CS.D/B must be 0.",
        "Clear CS.D/B for 64-bit code.",
        s -> s.virtual8086() || !s.guest64Bit() || !s.segment(GuestSegment.CS).has(DB),
        plus(MODE, VM_ENTRY_CONTROLS, GUEST_CS_ACCESS_RIGHTS)));
    perRegister(rows, "guest-seg-granularity", CODE_AND_DATA,
        r -> "Outside virtual-8086 mode, " + r + " G must be 1 if any limit bit 31:20 is 1 and 0 if any limit"
            + " bit 11:0 is 0.",
        "Make G agree with the limit (0xFFFFFFFF with G = 1 for flat segments).",
        r -> s -> !checked(s, r) || s.segment(r).granularityConsistent(), MODE);
    perRegister(rows, "guest-seg-ar-reserved-31-17", CODE_AND_DATA,
        r -> "Outside virtual-8086 mode, " + r + " access-rights bits 31:17 must be 0.",
        "Clear access-rights bits 31:17.",
        r -> s -> !checked(s, r) || (s.segment(r).accessRights() & RESERVED_31_17) == 0, MODE);
    rows.addAll(GuestSystemSegmentChecks.rows());
    return rows;
  }

  private static boolean csTypeOk(EntryState s) {
    long type = s.segment(GuestSegment.CS).type();
    return nonConformingCode(type) || conformingCode(type)
        || (type == SegmentType.DATA_READ_WRITE_ACCESSED && s.unrestrictedGuest());
  }

  private static boolean nonConformingCode(long type) {
    return type == SegmentType.CODE_ACCESSED || type == SegmentType.CODE_READ_ACCESSED;
  }

  private static boolean conformingCode(long type) {
    return type == SegmentType.CODE_CONFORMING_ACCESSED || type == SegmentType.CODE_CONFORMING_READ_ACCESSED;
  }
}
