package dev.vmcscodegen.runtime.template;

import static dev.vmcscodegen.runtime.fields.VmcsEncodings.*;

import dev.vmcscodegen.runtime.arch.AccessRightsLayout;
import dev.vmcscodegen.runtime.arch.ActivityState;
import dev.vmcscodegen.runtime.arch.Cr0;
import dev.vmcscodegen.runtime.arch.Cr4;
import dev.vmcscodegen.runtime.arch.Efer;
import dev.vmcscodegen.runtime.arch.Page;
import dev.vmcscodegen.runtime.arch.ResetState;
import dev.vmcscodegen.runtime.arch.Rflags;
import dev.vmcscodegen.runtime.arch.SegmentType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The guest-state values of a {@link GuestMode} as the guest means them: its CR0 and CR4 before VMX
 * operation's fixed bits are added ({@link LaunchTemplate} adds them), RIP, RFLAGS, EFER, segment
 * registers, descriptor tables and activity state. Segment values follow the checks of SDM Vol. 3C
 * 27.3.1.2; the reset values follow SDM Vol. 3A Table 10-1.
 *
 * @param cr0 the mode's CR0
 * @param cr4 the mode's CR4
 * @param fields every other guest-state field the mode sets, by encoding
 */
record GuestState(long cr0, long cr4, Map<Integer, Long> fields) {

  /** Present, S = 1 (code or data), type 3: read/write data, accessed. */
  private static final long DATA_16 = AccessRightsLayout.P | AccessRightsLayout.S | SegmentType.DATA_READ_WRITE_ACCESSED;
  /** Present, S = 1, type 11: execute/read code, accessed. */
  private static final long CODE_16 = AccessRightsLayout.P | AccessRightsLayout.S | SegmentType.CODE_READ_ACCESSED;
  /** 4-KByte granularity and 32-bit default size added to a 16-bit descriptor's rights. */
  private static final long FLAT_32 = AccessRightsLayout.G | AccessRightsLayout.DB;
  /** Present, type 2: an LDT (SDM Vol. 3A Table 10-1 "Present, R/W"). */
  private static final long LDT = AccessRightsLayout.P | SegmentType.LDT;
  /** Present, type 11: a busy 32-bit (or 64-bit) TSS, what VM entry requires of TR (SDM Vol. 3C 27.3.1.2). */
  private static final long BUSY_TSS = AccessRightsLayout.P | SegmentType.TSS_BUSY;
  /** A flat 4-GByte limit in bytes (the VMCS holds limits in bytes, SDM Vol. 3C 25.4.1). */
  private static final long LIMIT_4G = 0xFFFF_FFFFL;
  /** The limit of a 32-bit TSS: 104 bytes (SDM Vol. 3A 8.2.1). */
  private static final long TSS_LIMIT = 0x67;
  /** Where the protected-mode guests start: 1 MByte, as a Multiboot kernel is loaded. */
  private static final long ENTRY_1M = 0x10_0000;
  /** Where a boot sector starts: 0000:7C00. */
  private static final long BOOT_SECTOR = 0x7C00;
  /** The paging structures of the PAE and 64-bit guests: a page at 2000H. */
  private static final long PAGE_TABLES = 2 * Page.SIZE_4K;
  /** GDT selectors of the flat guests: code 08H, data 10H, TSS 18H. */
  private static final long CODE_SELECTOR = 0x08;
  private static final long DATA_SELECTOR = 0x10;
  private static final long TASK_SELECTOR = 0x18;

  static GuestState of(GuestMode mode, boolean waitForSipi) {
    Map<Integer, Long> fields = new LinkedHashMap<>();
    fields.put(GUEST_RFLAGS, Rflags.FIXED_1);
    fields.put(GUEST_ACTIVITY_STATE, waitForSipi ? ActivityState.WAIT_FOR_SIPI : ActivityState.ACTIVE);
    return switch (mode) {
      case RESET -> {
        // Table 10-1: CS F000H / FFFF0000H / FFFFH "present, R/W, accessed"; the others 0 / 0 / FFFFH;
        // GDTR and IDTR base 0, limit FFFFH; LDTR and TR selector 0, base 0, limit FFFFH, present.
        fields.put(GUEST_RIP, ResetState.RIP);
        segment(fields, GUEST_CS_SELECTOR, GUEST_CS_BASE, GUEST_CS_LIMIT, GUEST_CS_ACCESS_RIGHTS,
            ResetState.CS_SELECTOR, ResetState.CS_BASE, ResetState.LIMIT, DATA_16);
        realData(fields);
        tables(fields, 0, ResetState.LIMIT, 0, ResetState.LIMIT);
        segment(fields, GUEST_LDTR_SELECTOR, GUEST_LDTR_BASE, GUEST_LDTR_LIMIT, GUEST_LDTR_ACCESS_RIGHTS, 0, 0,
            ResetState.LIMIT, LDT);
        segment(fields, GUEST_TR_SELECTOR, GUEST_TR_BASE, GUEST_TR_LIMIT, GUEST_TR_ACCESS_RIGHTS, 0, 0,
            ResetState.LIMIT, BUSY_TSS);
        yield new GuestState(ResetState.CR0, 0, fields);
      }
      case REAL -> {
        fields.put(GUEST_RIP, BOOT_SECTOR);
        segment(fields, GUEST_CS_SELECTOR, GUEST_CS_BASE, GUEST_CS_LIMIT, GUEST_CS_ACCESS_RIGHTS, 0, 0,
            ResetState.LIMIT, CODE_16);
        realData(fields);
        tables(fields, 0, ResetState.LIMIT, 0, ResetState.LIMIT);
        unusableLdtr(fields);
        segment(fields, GUEST_TR_SELECTOR, GUEST_TR_BASE, GUEST_TR_LIMIT, GUEST_TR_ACCESS_RIGHTS, 0, 0,
            ResetState.LIMIT, BUSY_TSS);
        yield new GuestState(Cr0.ET, 0, fields);
      }
      case PROTECTED -> {
        flat(fields, CODE_16 | FLAT_32);
        yield new GuestState(Cr0.PE | Cr0.ET, 0, fields);
      }
      case PAE -> {
        flat(fields, CODE_16 | FLAT_32);
        fields.put(GUEST_CR3, PAGE_TABLES);
        yield new GuestState(Cr0.PE | Cr0.ET | Cr0.PG, Cr4.PAE, fields);
      }
      case LONG -> {
        // CS.L = 1 and CS.D = 0 for 64-bit code (SDM Vol. 3C 27.3.1.2); EFER.LME and LMA as IA-32e mode has them.
        flat(fields, CODE_16 | AccessRightsLayout.G | AccessRightsLayout.L);
        fields.put(GUEST_CR3, PAGE_TABLES);
        fields.put(GUEST_IA32_EFER, Efer.LME | Efer.LMA);
        yield new GuestState(Cr0.PE | Cr0.ET | Cr0.PG, Cr4.PAE, fields);
      }
    };
  }

  /** Every field of the state: {@link #fields()} (CR0 and CR4 are written by {@link LaunchTemplate}). */
  Map<Integer, Long> fieldValues() {
    return fields;
  }

  /** The data segment registers SS, DS, ES, FS, GS: selector, base, limit and access-rights fields. */
  private static final int[][] DATA_SEGMENTS = {
      {GUEST_SS_SELECTOR, GUEST_SS_BASE, GUEST_SS_LIMIT, GUEST_SS_ACCESS_RIGHTS},
      {GUEST_DS_SELECTOR, GUEST_DS_BASE, GUEST_DS_LIMIT, GUEST_DS_ACCESS_RIGHTS},
      {GUEST_ES_SELECTOR, GUEST_ES_BASE, GUEST_ES_LIMIT, GUEST_ES_ACCESS_RIGHTS},
      {GUEST_FS_SELECTOR, GUEST_FS_BASE, GUEST_FS_LIMIT, GUEST_FS_ACCESS_RIGHTS},
      {GUEST_GS_SELECTOR, GUEST_GS_BASE, GUEST_GS_LIMIT, GUEST_GS_ACCESS_RIGHTS}};

  private static void flat(Map<Integer, Long> fields, long codeRights) {
    fields.put(GUEST_RIP, ENTRY_1M);
    segment(fields, GUEST_CS_SELECTOR, GUEST_CS_BASE, GUEST_CS_LIMIT, GUEST_CS_ACCESS_RIGHTS, CODE_SELECTOR, 0,
        LIMIT_4G, codeRights);
    for (int[] register : DATA_SEGMENTS) {
      segment(fields, register[0], register[1], register[2], register[3], DATA_SELECTOR, 0, LIMIT_4G, DATA_16 | FLAT_32);
    }
    // A GDT of four descriptors (null, code, data, TSS) and an empty IDT, at low addresses.
    tables(fields, 0x1000, 4 * 8 - 1, 0, 0);
    unusableLdtr(fields);
    segment(fields, GUEST_TR_SELECTOR, GUEST_TR_BASE, GUEST_TR_LIMIT, GUEST_TR_ACCESS_RIGHTS, TASK_SELECTOR, 0x1100,
        TSS_LIMIT, BUSY_TSS);
  }

  private static void realData(Map<Integer, Long> fields) {
    for (int[] register : DATA_SEGMENTS) {
      segment(fields, register[0], register[1], register[2], register[3], 0, 0, ResetState.LIMIT, DATA_16);
    }
  }

  private static void unusableLdtr(Map<Integer, Long> fields) {
    segment(fields, GUEST_LDTR_SELECTOR, GUEST_LDTR_BASE, GUEST_LDTR_LIMIT, GUEST_LDTR_ACCESS_RIGHTS, 0, 0, 0,
        AccessRightsLayout.UNUSABLE);
  }

  private static void tables(Map<Integer, Long> fields, long gdtBase, long gdtLimit, long idtBase, long idtLimit) {
    fields.put(GUEST_GDTR_BASE, gdtBase);
    fields.put(GUEST_GDTR_LIMIT, gdtLimit);
    fields.put(GUEST_IDTR_BASE, idtBase);
    fields.put(GUEST_IDTR_LIMIT, idtLimit);
  }

  private static void segment(Map<Integer, Long> fields, int selector, int base, int limit, int rights,
      long selectorValue, long baseValue, long limitValue, long rightsValue) {
    fields.put(selector, selectorValue);
    fields.put(base, baseValue);
    fields.put(limit, limitValue);
    fields.put(rights, rightsValue);
  }
}
