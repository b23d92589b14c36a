package dev.vmcscodegen.runtime.entry;

import static dev.vmcscodegen.runtime.fields.VmcsEncodings.*;
import static dev.vmcscodegen.runtime.entry.Rules.*;

import dev.vmcscodegen.runtime.arch.Bndcfgs;
import dev.vmcscodegen.runtime.arch.Cr0;
import dev.vmcscodegen.runtime.arch.Cr4;
import dev.vmcscodegen.runtime.arch.Efer;
import dev.vmcscodegen.runtime.arch.MemoryType;
import dev.vmcscodegen.runtime.arch.SCet;
import dev.vmcscodegen.runtime.control.VmEntryControl;
import java.util.List;

/**
 * Checks on the guest control registers, debug registers and MSRs, SDM Vol. 3C 27.3.1.1 (26.3.1.1
 * before 2023). A failure is a VM exit with exit reason 33 (invalid guest state), qualification 0.
 */
final class GuestRegisterChecks {

  private static final String SECTION = "27.3.1.1";
  private static final int ENTRY = VM_ENTRY_CONTROLS;
  private static final int PROC = PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS;
  private static final int PROC2 = SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS;

  private GuestRegisterChecks() {}

  private static Check row(String id, String rule, String fix, Condition condition, int... fields) {
    return Check.of(id, SECTION, CheckArea.GUEST_STATE, rule, fix, condition, fields);
  }

  static List<Check> rows() {
    return List.of(
        row("guest-cr0-fixed0", "Guest CR0 must have every bit IA32_VMX_CR0_FIXED0 fixes to 1, except PE and"
                + " PG when \"unrestricted guest\" is 1.",
            "Set the IA32_VMX_CR0_FIXED0 bits in guest CR0 (hide them from the guest with the CR0 read shadow).",
            s -> hasFixed0(s.field(GUEST_CR0), cr0Fixed0(s)), GUEST_CR0, PROC, PROC2),
        row("guest-cr0-fixed1", "Guest CR0 must not set a bit IA32_VMX_CR0_FIXED1 fixes to 0.",
            "Clear the guest CR0 bits that are 0 in IA32_VMX_CR0_FIXED1.",
            s -> withinFixed1(s.field(GUEST_CR0), s.capabilities().cr0Fixed()),
            GUEST_CR0),
        row("guest-cr0-pg-needs-pe", "When guest CR0.PG is 1, CR0.PE must be 1.",
            "Set CR0.PE or clear CR0.PG in the guest CR0 field.",
            s -> (!(set(s.field(GUEST_CR0), Cr0.PG)) || (set(s.field(GUEST_CR0), Cr0.PE))), GUEST_CR0),
        row("guest-cr4-fixed0", "Guest CR4 must have every bit IA32_VMX_CR4_FIXED0 fixes to 1 (VMXE).",
            "Set CR4.VMXE in guest CR4 and hide it with the CR4 read shadow and guest/host mask.",
            s -> hasFixed0(s.field(GUEST_CR4),
                s.capabilities().cr4Fixed().mustBeOne()), GUEST_CR4),
        row("guest-cr4-fixed1", "Guest CR4 must not set a bit IA32_VMX_CR4_FIXED1 fixes to 0.",
            "Clear the guest CR4 bits that are 0 in IA32_VMX_CR4_FIXED1.",
            s -> withinFixed1(s.field(GUEST_CR4), s.capabilities().cr4Fixed()),
            GUEST_CR4),
        row("guest-cr4-cet-needs-wp", "When guest CR4.CET (bit 23) is 1, guest CR0.WP (bit 16) must be 1.",
            "Set CR0.WP in the guest CR0 field or clear CR4.CET.",
            s -> (!(set(s.field(GUEST_CR4), Cr4.CET)) || (set(s.field(GUEST_CR0), Cr0.WP))), GUEST_CR4, GUEST_CR0),
        row("guest-debugctl-reserved", "When \"load debug controls\" is 1, guest IA32_DEBUGCTL must leave its"
                + " reserved bits 0.",
            "Clear the reserved IA32_DEBUGCTL bits (5:2 and 63:16 on recent processors).",
            s -> !s.control(VmEntryControl.LOAD_DEBUG_CONTROLS)
                || (s.field(GUEST_IA32_DEBUGCTL) & s.facts().debugctlReservedMask()) == 0,
            ENTRY, GUEST_IA32_DEBUGCTL),
        row("guest-ia32e-needs-pg", "When \"IA-32e mode guest\" is 1, guest CR0.PG must be 1.",
            "Enable paging in guest CR0 or clear \"IA-32e mode guest\".",
            s -> !s.ia32eModeGuest() || set(s.field(GUEST_CR0), Cr0.PG), ENTRY, GUEST_CR0),
        row("guest-ia32e-needs-pae", "When \"IA-32e mode guest\" is 1, guest CR4.PAE must be 1.",
            "Set CR4.PAE in guest CR4 or clear \"IA-32e mode guest\".",
            s -> !s.ia32eModeGuest() || set(s.field(GUEST_CR4), Cr4.PAE), ENTRY, GUEST_CR4),
        row("guest-non-ia32e-no-pcide", "When \"IA-32e mode guest\" is 0, guest CR4.PCIDE must be 0.",
            "Clear CR4.PCIDE in guest CR4 (PCIDs exist only in IA-32e mode).",
            s -> s.ia32eModeGuest() || !set(s.field(GUEST_CR4), Cr4.PCIDE), ENTRY, GUEST_CR4),
        row("guest-cr3-width", "Guest CR3 must set no bit at or above the physical-address width.",
            "Use a guest page-table root below MAXPHYADDR.",
            s -> s.withinPhysicalWidth(s.field(GUEST_CR3)), GUEST_CR3),
        row("guest-dr7-high", "When \"load debug controls\" is 1, guest DR7 bits 63:32 must be 0.",
            "Write a 32-bit DR7 value.",
            s -> !s.control(VmEntryControl.LOAD_DEBUG_CONTROLS) || clear(s.field(GUEST_DR7), 63, 32), ENTRY, GUEST_DR7),
        row("guest-sysenter-esp-canonical", "Guest IA32_SYSENTER_ESP must be canonical.",
            "Write a canonical address to guest IA32_SYSENTER_ESP.",
            s -> s.canonical(s.field(GUEST_IA32_SYSENTER_ESP)), GUEST_IA32_SYSENTER_ESP),
        row("guest-sysenter-eip-canonical", "Guest IA32_SYSENTER_EIP must be canonical.",
            "Write a canonical address to guest IA32_SYSENTER_EIP.",
            s -> s.canonical(s.field(GUEST_IA32_SYSENTER_EIP)), GUEST_IA32_SYSENTER_EIP),
        row("guest-perf-global-ctrl", "When \"load IA32_PERF_GLOBAL_CTRL\" (entry) is 1, guest"
                + " IA32_PERF_GLOBAL_CTRL must leave its reserved bits 0.",
            "Enable only the counters CPUID leaf 0AH reports.",
            s -> !s.control(VmEntryControl.LOAD_IA32_PERF_GLOBAL_CTRL)
                || (s.field(GUEST_IA32_PERF_GLOBAL_CTRL) & HostStateChecks.perfMask(s)) == 0,
            ENTRY, GUEST_IA32_PERF_GLOBAL_CTRL),
        row("guest-pat-valid", "When \"load IA32_PAT\" (entry) is 1, every byte of guest IA32_PAT must be a"
                + " valid memory type (0, 1, 4, 5, 6, 7).",
            "Use only memory types UC, WC, WT, WP, WB and UC- in guest IA32_PAT.",
            s -> !s.control(VmEntryControl.LOAD_IA32_PAT) || MemoryType.isValidPat(s.field(GUEST_IA32_PAT)), ENTRY, GUEST_IA32_PAT),
        row("guest-efer-reserved", "When \"load IA32_EFER\" (entry) is 1, guest IA32_EFER must leave its"
                + " reserved bits 0.",
            "Clear guest IA32_EFER bits other than SCE, LME, LMA and NXE.",
            s -> !s.control(VmEntryControl.LOAD_IA32_EFER) || (s.field(GUEST_IA32_EFER) & s.facts().eferReservedMask()) == 0,
            ENTRY, GUEST_IA32_EFER),
        row("guest-efer-lma", "When \"load IA32_EFER\" (entry) is 1, guest IA32_EFER.LMA must equal \"IA-32e"
                + " mode guest\".",
            "Set EFER.LMA exactly when \"IA-32e mode guest\" is 1.",
            s -> !s.control(VmEntryControl.LOAD_IA32_EFER) || set(s.field(GUEST_IA32_EFER), Efer.LMA) == s.ia32eModeGuest(),
            ENTRY, GUEST_IA32_EFER),
        row("guest-efer-lme", "When \"load IA32_EFER\" (entry) is 1 and guest CR0.PG is 1, guest IA32_EFER.LME"
                + " must equal LMA.",
            "Make EFER.LME equal EFER.LMA for a paging guest.",
            s -> !s.control(VmEntryControl.LOAD_IA32_EFER) || !set(s.field(GUEST_CR0), Cr0.PG)
                || set(s.field(GUEST_IA32_EFER), Efer.LME) == set(s.field(GUEST_IA32_EFER), Efer.LMA),
            ENTRY, GUEST_CR0, GUEST_IA32_EFER),
        row("guest-bndcfgs", "When \"load IA32_BNDCFGS\" is 1, guest IA32_BNDCFGS bits 11:2 must be 0 and its"
                + " base (bits 63:12) canonical.",
            "Write a valid IA32_BNDCFGS value.",
            s -> !s.control(VmEntryControl.LOAD_IA32_BNDCFGS) || ((s.field(GUEST_IA32_BNDCFGS) & Bndcfgs.RESERVED_11_2) == 0
                && s.canonical(s.field(GUEST_IA32_BNDCFGS) & Bndcfgs.BASE)), ENTRY, GUEST_IA32_BNDCFGS),
        row("guest-cet-scet", "When \"load CET state\" (entry) is 1, guest IA32_S_CET bits 9:6 must be 0 and"
                + " bits 10 and 11 not both 1.",
            "Write a valid IA32_S_CET value.",
            s -> !s.control(VmEntryControl.LOAD_CET_STATE) || SCet.isValid(s.field(GUEST_IA32_S_CET)), ENTRY, GUEST_IA32_S_CET),
        row("guest-cet-ssp-align", "When \"load CET state\" (entry) is 1, guest SSP bits 1:0 must be 0.",
            "Write a 4-byte-aligned guest SSP.",
            s -> !s.control(VmEntryControl.LOAD_CET_STATE) || aligned(s.field(GUEST_SSP), 4), ENTRY, GUEST_SSP),
        row("guest-cet-ssp-table-canonical", "When \"load CET state\" (entry) is 1, guest"
                + " IA32_INTERRUPT_SSP_TABLE_ADDR must be canonical.",
            "Write a canonical interrupt SSP table address.",
            s -> !s.control(VmEntryControl.LOAD_CET_STATE) || s.canonical(s.field(GUEST_IA32_INTERRUPT_SSP_TABLE_ADDR)),
            ENTRY, GUEST_IA32_INTERRUPT_SSP_TABLE_ADDR),
        row("guest-pkrs", "When \"load PKRS\" (entry) is 1, guest IA32_PKRS bits 63:32 must be 0.",
            "Write a 32-bit IA32_PKRS value.",
            s -> !s.control(VmEntryControl.LOAD_PKRS) || clear(s.field(GUEST_IA32_PKRS), 63, 32), ENTRY, GUEST_IA32_PKRS));
  }

  private static long cr0Fixed0(EntryState s) {
    long fixed0 = s.capabilities().cr0Fixed().mustBeOne();
    return s.unrestrictedGuest() ? fixed0 & ~(Cr0.PE | Cr0.PG) : fixed0;
  }
}
