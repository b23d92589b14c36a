package dev.vmcscodegen.runtime.entry;

import static dev.vmcscodegen.runtime.fields.VmcsEncodings.*;

import dev.vmcscodegen.runtime.arch.MsrAreaEntry;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * Checks on the VM-entry MSR-load area, SDM Vol. 3C 27.4 (26.4 before 2023): each 16-byte entry holds
 * the MSR index in bits 31:0, reserved bits 63:32 and the data in bits 127:64. A failure is a VM exit
 * with exit reason 34 and the 1-based index of the first failing entry as exit qualification. The area
 * is read from physical memory; without it these checks are not verifiable.
 */
final class MsrLoadChecks {

  private static final String SECTION = "27.4";
  /** IA32_FS_BASE and IA32_GS_BASE (SDM Vol. 4, Table 2-2): loaded from the guest-state area instead. */
  private static final long IA32_FS_BASE = 0xC000_0100L;
  private static final long IA32_GS_BASE = 0xC000_0101L;
  /** x2APIC MSRs 800H to 8FFH: bits 31:8 equal 000008H. */
  private static final long X2APIC_PREFIX = 0x8;
  /** IA32_SMM_MONITOR_CTL (9BH), writable only in SMM. */
  private static final long IA32_SMM_MONITOR_CTL = 0x9B;
  /** The most entries checked: 512 * 8, the largest recommended maximum of IA32_VMX_MISC[27:25] (A.6). */
  private static final long MAX_ENTRIES = 4096;

  private MsrLoadChecks() {}

  private static Check row(String id, String rule, String fix, LongPredicate badEntry) {
    return Check.of(id, SECTION, CheckArea.MSR_LOADING, rule, fix, s -> firstBad(s, badEntry) == 0,
        VM_ENTRY_MSR_LOAD_COUNT, VM_ENTRY_MSR_LOAD_ADDRESS);
  }

  /** A row whose rule applies only when VM entry does not commence in SMM. */
  private static Check outsideSmm(String id, String rule, String fix, LongPredicate badEntry) {
    return Check.of(id, SECTION, CheckArea.MSR_LOADING, rule, fix,
        s -> s.facts().inSmm() || firstBad(s, badEntry) == 0, VM_ENTRY_MSR_LOAD_COUNT, VM_ENTRY_MSR_LOAD_ADDRESS);
  }

  static List<Check> rows() {
    return List.of(
        row("msrload-fs-gs-base", "A VM-entry MSR-load entry must not load IA32_FS_BASE or IA32_GS_BASE.",
            "Load FS and GS bases through the guest-state base fields.",
            entry -> (entry & MsrAreaEntry.INDEX) == IA32_FS_BASE || (entry & MsrAreaEntry.INDEX) == IA32_GS_BASE),
        row("msrload-x2apic", "A VM-entry MSR-load entry must not load an x2APIC MSR (800H to 8FFH).",
            "Remove x2APIC MSRs from the MSR-load area.",
            entry -> ((entry & MsrAreaEntry.INDEX) >>> 8) == X2APIC_PREFIX),
        outsideSmm("msrload-smm-only", "Outside SMM, a VM-entry MSR-load entry must not load IA32_SMM_MONITOR_CTL.",
            "Remove IA32_SMM_MONITOR_CTL from the MSR-load area.",
            entry -> (entry & MsrAreaEntry.INDEX) == IA32_SMM_MONITOR_CTL),
        row("msrload-reserved", "Bits 63:32 of a VM-entry MSR-load entry must be 0.",
            "Clear the reserved half of each MSR-load entry.",
            entry -> (entry & MsrAreaEntry.RESERVED) != 0));
  }

  /** The 1-based index of the first entry {@code bad} accepts, 0 when none; records it as the qualification. */
  private static long firstBad(EntryState s, LongPredicate bad) {
    long count = s.field(VM_ENTRY_MSR_LOAD_COUNT);
    if (count == 0) {
      return 0;
    }
    if (count > MAX_ENTRIES) {
      throw new MissingInputException("the VM-entry MSR-load count " + count
          + " exceeds 4096, beyond any recommended maximum (SDM Vol. 3D A.6); the area is not read");
    }
    long address = s.field(VM_ENTRY_MSR_LOAD_ADDRESS);
    for (long i = 0; i < count; i++) {
      long entry = s.memory(address + i * MsrAreaEntry.BYTES, 8);
      if (bad.test(entry)) {
        s.qualify(i + 1);
        return i + 1;
      }
    }
    return 0;
  }
}
