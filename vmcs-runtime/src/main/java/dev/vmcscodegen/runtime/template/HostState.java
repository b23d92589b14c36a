package dev.vmcscodegen.runtime.template;

import static dev.vmcscodegen.runtime.fields.VmcsEncodings.*;

import dev.vmcscodegen.runtime.arch.Cr0;
import dev.vmcscodegen.runtime.arch.Cr4;
import dev.vmcscodegen.runtime.arch.Efer;
import dev.vmcscodegen.runtime.arch.ResetState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The VMM's own state as it knows it, from which the host-state area is written (SDM Vol. 3C 25.5):
 * where VM exits return to. The values are the VMM's, not checked here; the VM-entry checker checks
 * them (SDM Vol. 3C 27.2.2, 27.2.3, 27.2.4).
 *
 * @param cr0 the VMM's CR0
 * @param cr3 the VMM's CR3
 * @param cr4 the VMM's CR4 (CR4.VMXE is 1 in VMX operation)
 * @param codeSelector CS
 * @param stackSelector SS (0 allowed for a 64-bit VMM)
 * @param dataSelector DS, ES, FS and GS
 * @param taskSelector TR
 * @param fsBase the FS base
 * @param gsBase the GS base
 * @param taskBase the TR base
 * @param gdtBase the GDTR base
 * @param idtBase the IDTR base
 * @param efer IA32_EFER (LMA says whether the VMM runs in IA-32e mode)
 * @param pat IA32_PAT
 * @param rip where VM exits continue
 * @param rsp the stack VM exits continue on
 */
public record HostState(long cr0, long cr3, long cr4, int codeSelector, int stackSelector, int dataSelector,
    int taskSelector, long fsBase, long gsBase, long taskBase, long gdtBase, long idtBase, long efer, long pat,
    long rip, long rsp) {

  /**
   * A 64-bit VMM as Linux runs: CR0 with PE, MP, ET, NE, WP, AM, PG; CR4 with PAE, PSE, PGE, OSFXSR,
   * OSXMMEXCPT, VMXE; flat GDT selectors 10H (CS), 18H (SS), 0 (data), 40H (TR); kernel-half bases;
   * EFER SCE, LME, LMA, NXE; the reset PAT.
   */
  public static HostState typical64Bit() {
    return new HostState(Cr0.PE | Cr0.MP | Cr0.ET | Cr0.NE | Cr0.WP | Cr0.AM | Cr0.PG, 0x1000,
        Cr4.PSE | Cr4.PAE | Cr4.PGE | Cr4.OSFXSR | Cr4.OSXMMEXCPT | Cr4.VMXE, 0x10, 0x18, 0, 0x40, 0,
        0xFFFF_8880_0000_0000L, 0xFFFF_FE00_0000_3000L, 0xFFFF_FE00_0000_1000L, 0xFFFF_FE00_0000_0000L,
        Efer.SCE | Efer.LME | Efer.LMA | Efer.NXE, ResetState.IA32_PAT, 0xFFFF_FFFF_8100_0000L,
        0xFFFF_C900_0001_0000L);
  }

  /** Whether the VMM runs in IA-32e mode: IA32_EFER.LMA. */
  public boolean ia32eMode() {
    return (efer & Efer.LMA) != 0;
  }

  /** The host-state fields by encoding (SDM Vol. 3C 25.5). */
  public Map<Integer, Long> fieldValues() {
    Map<Integer, Long> fields = new LinkedHashMap<>();
    fields.put(HOST_CR0, cr0);
    fields.put(HOST_CR3, cr3);
    fields.put(HOST_CR4, cr4);
    fields.put(HOST_CS_SELECTOR, (long) codeSelector);
    fields.put(HOST_SS_SELECTOR, (long) stackSelector);
    for (int data : new int[] {HOST_DS_SELECTOR, HOST_ES_SELECTOR, HOST_FS_SELECTOR, HOST_GS_SELECTOR}) {
      fields.put(data, (long) dataSelector);
    }
    fields.put(HOST_TR_SELECTOR, (long) taskSelector);
    fields.put(HOST_FS_BASE, fsBase);
    fields.put(HOST_GS_BASE, gsBase);
    fields.put(HOST_TR_BASE, taskBase);
    fields.put(HOST_GDTR_BASE, gdtBase);
    fields.put(HOST_IDTR_BASE, idtBase);
    fields.put(HOST_IA32_SYSENTER_CS, (long) codeSelector);
    fields.put(HOST_IA32_EFER, efer);
    fields.put(HOST_IA32_PAT, pat);
    fields.put(HOST_RIP, rip);
    fields.put(HOST_RSP, rsp);
    return fields;
  }
}
