package dev.vmcscodegen.runtime.entry;

import static dev.vmcscodegen.runtime.fields.VmcsEncodings.*;
import static dev.vmcscodegen.runtime.entry.Rules.*;

import dev.vmcscodegen.runtime.EntryOutcome;
import dev.vmcscodegen.runtime.arch.Cr0;
import dev.vmcscodegen.runtime.arch.Cr4;
import dev.vmcscodegen.runtime.arch.Pdpte;
import java.util.List;

/**
 * Checks on the guest PAE page-directory-pointer-table entries, SDM Vol. 3C 27.3.1.6 (26.3.1.6 before
 * 2023): when the guest uses PAE paging, each present PDPTE must have reserved bits 2:1, 8:5 and those
 * at or above MAXPHYADDR clear. With EPT the PDPTE fields are checked; without EPT the four PDPTEs are
 * read from guest CR3. A failure is exit reason 33 with qualification 2.
 */
final class GuestPdpteChecks {

  private static final String SECTION = "27.3.1.6";
  private static final int[] PDPTES = {GUEST_PDPTE0, GUEST_PDPTE1, GUEST_PDPTE2, GUEST_PDPTE3};

  private GuestPdpteChecks() {}

  private static Check row(String id, String rule, String fix, Condition condition, int... fields) {
    return Check.of(id, SECTION, CheckArea.GUEST_STATE, rule, fix, condition, fields)
        .withOutcome(EntryOutcome.invalidGuestState(EntryOutcome.QUALIFICATION_PDPTE));
  }

  static List<Check> rows() {
    return List.of(
        row("guest-pdpte-ept", "With PAE paging and \"enable EPT\", each present PDPTE field must have bits 2:1,"
                + " 8:5 and bits at or above MAXPHYADDR clear.",
            "Write the guest's PDPTEs (from the PDPT at CR3) into the PDPTE fields, with reserved bits clear.",
            s -> !paePaging(s) || !s.ept() || pdptesOk(s, true), VM_ENTRY_CONTROLS, GUEST_CR0, GUEST_CR4,
            PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS, SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS,
            GUEST_PDPTE0, GUEST_PDPTE1, GUEST_PDPTE2, GUEST_PDPTE3),
        row("guest-pdpte-noept", "With PAE paging and without EPT, each present PDPTE in the table at guest CR3"
                + " must have bits 2:1, 8:5 and bits at or above MAXPHYADDR clear.",
            "Fix the guest's page-directory-pointer table at CR3.",
            s -> !paePaging(s) || s.ept() || pdptesOk(s, false), VM_ENTRY_CONTROLS, GUEST_CR0, GUEST_CR4,
            PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS, SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS,
            GUEST_CR3));
  }

  /** PAE paging: CR0.PG, CR4.PAE, and not IA-32e mode (SDM Vol. 3A 4.1.1). */
  private static boolean paePaging(EntryState s) {
    return set(s.field(GUEST_CR0), Cr0.PG) && set(s.field(GUEST_CR4), Cr4.PAE) && !s.ia32eModeGuest();
  }

  private static boolean pdptesOk(EntryState s, boolean fromFields) {
    long table = fromFields ? 0 : s.field(GUEST_CR3) & Pdpte.CR3_TABLE_ADDRESS;
    for (int i = 0; i < PDPTES.length; i++) {
      long pdpte = fromFields ? s.field(PDPTES[i]) : s.memory(table + (long) i * Pdpte.BYTES, Pdpte.BYTES);
      if (set(pdpte, Pdpte.PRESENT) && ((pdpte & Pdpte.RESERVED_LOW) != 0 || !s.withinPhysicalWidth(pdpte))) {
        return false;
      }
    }
    return true;
  }
}
