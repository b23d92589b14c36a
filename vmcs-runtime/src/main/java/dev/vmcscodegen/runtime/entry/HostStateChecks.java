package dev.vmcscodegen.runtime.entry;

import static dev.vmcscodegen.runtime.fields.VmcsEncodings.*;
import static dev.vmcscodegen.runtime.entry.Rules.*;

import dev.vmcscodegen.runtime.arch.Cr0;
import dev.vmcscodegen.runtime.arch.Cr4;
import dev.vmcscodegen.runtime.arch.Efer;
import dev.vmcscodegen.runtime.arch.MemoryType;
import dev.vmcscodegen.runtime.arch.SCet;
import dev.vmcscodegen.runtime.arch.SegmentSelector;
import dev.vmcscodegen.runtime.control.PrimaryVmExitControl;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks on the host control registers and MSRs (SDM Vol. 3C 27.2.2) and the host segment and
 * descriptor-table registers (27.2.3); 26.2.2 and 26.2.3 before 2023. A failure is VMfailValid with
 * VM-instruction error 8.
 */
final class HostStateChecks {

  private static final String REGISTERS = "27.2.2";
  private static final String SEGMENTS = "27.2.3";
  private static final int EXIT = PRIMARY_VM_EXIT_CONTROLS;

  private HostStateChecks() {}

  private static Check row(String id, String section, String rule, String fix, Condition condition,
      int... fields) {
    return Check.of(id, section, CheckArea.HOST_STATE, rule, fix, condition, fields);
  }

  private static Check canonical(String id, String section, String what, int field) {
    return row(id, section, "The host " + what + " must be canonical.",
        "Write a canonical address (bits 63:47 all equal with 48-bit linear addresses) to the host " + what + ".",
        s -> s.canonical(s.field(field)), field);
  }

  static List<Check> rows() {
    List<Check> rows = new ArrayList<>(List.of(
        row("host-cr0-fixed0", REGISTERS, "Host CR0 must have every bit IA32_VMX_CR0_FIXED0 fixes to 1.",
            "Set the bits of IA32_VMX_CR0_FIXED0 (PE, NE, PG) in host CR0.",
            s -> hasFixed0(s.field(HOST_CR0), s.capabilities().cr0Fixed().mustBeOne()),
            HOST_CR0),
        row("host-cr0-fixed1", REGISTERS, "Host CR0 must not set a bit IA32_VMX_CR0_FIXED1 fixes to 0.",
            "Clear the host CR0 bits that are 0 in IA32_VMX_CR0_FIXED1.",
            s -> withinFixed1(s.field(HOST_CR0), s.capabilities().cr0Fixed()),
            HOST_CR0),
        row("host-cr4-fixed0", REGISTERS, "Host CR4 must have every bit IA32_VMX_CR4_FIXED0 fixes to 1.",
            "Set the bits of IA32_VMX_CR4_FIXED0 (VMXE) in host CR4.",
            s -> hasFixed0(s.field(HOST_CR4), s.capabilities().cr4Fixed().mustBeOne()),
            HOST_CR4),
        row("host-cr4-fixed1", REGISTERS, "Host CR4 must not set a bit IA32_VMX_CR4_FIXED1 fixes to 0.",
            "Clear the host CR4 bits that are 0 in IA32_VMX_CR4_FIXED1.",
            s -> withinFixed1(s.field(HOST_CR4), s.capabilities().cr4Fixed()),
            HOST_CR4),
        row("host-cr3-width", REGISTERS, "Host CR3 must set no bit at or above the physical-address width.",
            "Use a host page-table root below MAXPHYADDR.",
            s -> s.withinPhysicalWidth(s.field(HOST_CR3)), HOST_CR3),
        row("host-cr4-cet-needs-wp", REGISTERS, "When host CR4.CET (bit 23) is 1, host CR0.WP (bit 16) must be 1.",
            "Set CR0.WP in the host CR0 field or clear CR4.CET.",
            s -> (!(set(s.field(HOST_CR4), Cr4.CET)) || (set(s.field(HOST_CR0), Cr0.WP))), HOST_CR4, HOST_CR0),
        canonical("host-sysenter-esp-canonical", REGISTERS, "IA32_SYSENTER_ESP", HOST_IA32_SYSENTER_ESP),
        canonical("host-sysenter-eip-canonical", REGISTERS, "IA32_SYSENTER_EIP", HOST_IA32_SYSENTER_EIP),
        row("host-perf-global-ctrl", REGISTERS, "When \"load IA32_PERF_GLOBAL_CTRL\" (exit) is 1, the host"
                + " IA32_PERF_GLOBAL_CTRL must leave its reserved bits 0.",
            "Enable only the counters CPUID leaf 0AH reports.",
            s -> !s.control(PrimaryVmExitControl.LOAD_IA32_PERF_GLOBAL_CTRL)
                || (s.field(HOST_IA32_PERF_GLOBAL_CTRL) & perfMask(s)) == 0, EXIT, HOST_IA32_PERF_GLOBAL_CTRL),
        row("host-pat-valid", REGISTERS, "When \"load IA32_PAT\" (exit) is 1, every byte of the host IA32_PAT"
                + " must be a valid memory type (0, 1, 4, 5, 6, 7).",
            "Use only memory types UC, WC, WT, WP, WB and UC- in host IA32_PAT.",
            s -> !s.control(PrimaryVmExitControl.LOAD_IA32_PAT) || MemoryType.isValidPat(s.field(HOST_IA32_PAT)),
            EXIT, HOST_IA32_PAT),
        row("host-efer-reserved", REGISTERS, "When \"load IA32_EFER\" (exit) is 1, the host IA32_EFER must"
                + " leave its reserved bits 0.",
            "Clear host IA32_EFER bits other than SCE, LME, LMA and NXE.",
            s -> !s.control(PrimaryVmExitControl.LOAD_IA32_EFER)
                || (s.field(HOST_IA32_EFER) & s.facts().eferReservedMask()) == 0, EXIT, HOST_IA32_EFER),
        row("host-efer-lma-lme", REGISTERS, "When \"load IA32_EFER\" (exit) is 1, host IA32_EFER.LMA and .LME"
                + " must both equal \"host address-space size\".",
            "Set LMA and LME in host IA32_EFER for a 64-bit host, clear both for a 32-bit host.",
            s -> !s.control(PrimaryVmExitControl.LOAD_IA32_EFER) || eferMatchesHostSize(s), EXIT, HOST_IA32_EFER),
        row("host-cet-scet", REGISTERS, "When \"load CET state\" (exit) is 1, host IA32_S_CET bits 9:6 must be"
                + " 0 and bits 10 and 11 not both 1.",
            "Write a valid IA32_S_CET value.",
            s -> !s.control(PrimaryVmExitControl.LOAD_CET_STATE) || SCet.isValid(s.field(HOST_IA32_S_CET)),
            EXIT, HOST_IA32_S_CET),
        row("host-cet-addr-width", REGISTERS, "When \"load CET state\" (exit) is 1, host IA32_S_CET and SSP must"
                + " be canonical for a 64-bit host and have bits 63:32 zero otherwise.",
            "Write canonical (64-bit host) or 32-bit (32-bit host) values to host IA32_S_CET and SSP.",
            s -> !s.control(PrimaryVmExitControl.LOAD_CET_STATE) || cetWidthOk(s), EXIT, HOST_IA32_S_CET, HOST_SSP),
        row("host-cet-ssp-align", REGISTERS, "When \"load CET state\" (exit) is 1, host SSP bits 1:0 must be 0.",
            "Write a 4-byte-aligned host SSP.",
            s -> !s.control(PrimaryVmExitControl.LOAD_CET_STATE) || aligned(s.field(HOST_SSP), 4),
            EXIT, HOST_SSP),
        row("host-cet-ssp-table-canonical", REGISTERS, "When \"load CET state\" (exit) is 1, host"
                + " IA32_INTERRUPT_SSP_TABLE_ADDR must be canonical.",
            "Write a canonical interrupt SSP table address.",
            s -> !s.control(PrimaryVmExitControl.LOAD_CET_STATE) || s.canonical(s.field(HOST_IA32_INTERRUPT_SSP_TABLE_ADDR)),
            EXIT, HOST_IA32_INTERRUPT_SSP_TABLE_ADDR),
        row("host-pkrs", REGISTERS, "When \"load PKRS\" (exit) is 1, host IA32_PKRS bits 63:32 must be 0.",
            "Write a 32-bit IA32_PKRS value.",
            s -> !s.control(PrimaryVmExitControl.LOAD_PKRS) || clear(s.field(HOST_IA32_PKRS), 63, 32),
            EXIT, HOST_IA32_PKRS)));
    int[] selectors = {HOST_ES_SELECTOR, HOST_CS_SELECTOR, HOST_SS_SELECTOR, HOST_DS_SELECTOR, HOST_FS_SELECTOR,
        HOST_GS_SELECTOR, HOST_TR_SELECTOR};
    String[] names = {"ES", "CS", "SS", "DS", "FS", "GS", "TR"};
    for (int i = 0; i < selectors.length; i++) {
      int selector = selectors[i];
      rows.add(row("host-sel-rpl-ti:" + names[i].toLowerCase(Locale.ROOT), SEGMENTS, "The host " + names[i]
              + " selector must have RPL (bits 1:0) and TI (bit 2) zero.",
          "Use a GDT selector with RPL 0 for host " + names[i] + ".",
          s -> (s.field(selector) & (SegmentSelector.RPL | SegmentSelector.TI)) == 0, selector));
    }
    rows.addAll(List.of(
        row("host-cs-nonzero", SEGMENTS, "The host CS selector must not be 0000H.",
            "Write the host's kernel code selector.", s -> s.field(HOST_CS_SELECTOR) != 0, HOST_CS_SELECTOR),
        row("host-tr-nonzero", SEGMENTS, "The host TR selector must not be 0000H.",
            "Write the host's TSS selector.", s -> s.field(HOST_TR_SELECTOR) != 0, HOST_TR_SELECTOR),
        row("host-ss-nonzero-32bit", SEGMENTS, "When \"host address-space size\" is 0, the host SS selector must"
                + " not be 0000H.",
            "Write the host's stack selector (a 64-bit host may use 0).",
            s -> s.hostAddressSpaceSize() || s.field(HOST_SS_SELECTOR) != 0, EXIT, HOST_SS_SELECTOR),
        canonical("host-fs-base-canonical", SEGMENTS, "FS base", HOST_FS_BASE),
        canonical("host-gs-base-canonical", SEGMENTS, "GS base", HOST_GS_BASE),
        canonical("host-tr-base-canonical", SEGMENTS, "TR base", HOST_TR_BASE),
        canonical("host-gdtr-base-canonical", SEGMENTS, "GDTR base", HOST_GDTR_BASE),
        canonical("host-idtr-base-canonical", SEGMENTS, "IDTR base", HOST_IDTR_BASE)));
    return rows;
  }

  static long perfMask(EntryState s) {
    if (s.facts().perfGlobalCtrlReservedMask().isEmpty()) {
      throw new MissingInputException("the IA32_PERF_GLOBAL_CTRL reserved-bit mask (CPUID leaf 0AH) was not given");
    }
    return s.facts().perfGlobalCtrlReservedMask().getAsLong();
  }

  private static boolean eferMatchesHostSize(EntryState s) {
    long efer = s.field(HOST_IA32_EFER);
    boolean size = s.hostAddressSpaceSize();
    return set(efer, Efer.LMA) == size && set(efer, Efer.LME) == size;
  }

  private static boolean cetWidthOk(EntryState s) {
    long sCet = s.field(HOST_IA32_S_CET);
    long ssp = s.field(HOST_SSP);
    if (s.hostAddressSpaceSize()) {
      return s.canonical(sCet) && s.canonical(ssp);
    }
    return clear(sCet, 63, 32) && clear(ssp, 63, 32);
  }
}
