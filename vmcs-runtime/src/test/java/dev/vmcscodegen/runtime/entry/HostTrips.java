package dev.vmcscodegen.runtime.entry;

import static dev.vmcscodegen.runtime.entry.Baselines.*;
import static dev.vmcscodegen.runtime.fields.VmcsEncodings.*;

import dev.vmcscodegen.runtime.arch.Efer;
import dev.vmcscodegen.runtime.arch.Cr4;
import dev.vmcscodegen.runtime.arch.Cr0;
import dev.vmcscodegen.runtime.control.VmEntryControl;
import dev.vmcscodegen.runtime.control.PrimaryVmExitControl;
import java.util.ArrayList;
import java.util.List;

/** Tripping cases for the host-state checks, SDM Vol. 3C 27.2.2 to 27.2.4. */
final class HostTrips {

  private static final int EXIT = PRIMARY_VM_EXIT_CONTROLS;
  /** Bit 47 set, bits 63:48 clear: not canonical with 48-bit linear addresses (SDM Vol. 3A 3.3.7.1). */
  private static final long NONCANONICAL = 0x0000_8000_0000_0000L;

  private HostTrips() {}

  static List<Trip> all() {
    Scenario l = longMode();
    Scenario h32 = host32();
    List<Trip> trips = new ArrayList<>(List.of(
        Trip.of("host-cr0-fixed0", l.clear(HOST_CR0, 1L << 5)),
        Trip.of("host-cr0-fixed1", l.or(HOST_CR0, 1L << 32)),
        Trip.of("host-cr4-fixed0", l.clear(HOST_CR4, 1L << 13)),
        Trip.of("host-cr4-fixed1", l.or(HOST_CR4, 1L << 12)),
        Trip.of("host-cr3-width", l.set(HOST_CR3, 1L << 46)),
        Trip.of("host-cr4-cet-needs-wp", l.or(HOST_CR4, Cr4.CET).clear(HOST_CR0, Cr0.WP)),
        Trip.of("host-sysenter-esp-canonical", l.set(HOST_IA32_SYSENTER_ESP, NONCANONICAL)),
        Trip.of("host-sysenter-eip-canonical", l.set(HOST_IA32_SYSENTER_EIP, NONCANONICAL)),
        Trip.of("host-perf-global-ctrl", l.facts(f -> f.withPerfGlobalCtrlReservedMask(~0x7_0000_000FL))
            .or(EXIT, PrimaryVmExitControl.LOAD_IA32_PERF_GLOBAL_CTRL.mask()).set(HOST_IA32_PERF_GLOBAL_CTRL, 1L << 40)),
        // PAT memory type 2 is reserved (SDM Vol. 3A Table 12-10).
        Trip.of("host-pat-valid", l.set(HOST_IA32_PAT, 0x0007_0406_0007_0402L)),
        Trip.of("host-efer-reserved", l.or(HOST_IA32_EFER, 1L << 1)),
        Trip.of("host-efer-lma-lme", l.clear(HOST_IA32_EFER, Efer.LMA)),
        Trip.of("host-cet-scet", l.or(EXIT, PrimaryVmExitControl.LOAD_CET_STATE.mask()).set(HOST_IA32_S_CET, 1L << 6)),
        Trip.of("host-cet-addr-width", l.or(EXIT, PrimaryVmExitControl.LOAD_CET_STATE.mask()).set(HOST_SSP, NONCANONICAL)),
        Trip.of("host-cet-ssp-align", l.or(EXIT, PrimaryVmExitControl.LOAD_CET_STATE.mask()).set(HOST_SSP, 0x1002)),
        Trip.of("host-cet-ssp-table-canonical", l.or(EXIT, PrimaryVmExitControl.LOAD_CET_STATE.mask())
            .set(HOST_IA32_INTERRUPT_SSP_TABLE_ADDR, NONCANONICAL)),
        Trip.of("host-pkrs", l.or(EXIT, PrimaryVmExitControl.LOAD_PKRS.mask()).set(HOST_IA32_PKRS, 1L << 32)),
        Trip.of("host-cs-nonzero", l.set(HOST_CS_SELECTOR, 0)),
        Trip.of("host-tr-nonzero", l.set(HOST_TR_SELECTOR, 0)),
        Trip.of("host-ss-nonzero-32bit", h32.set(HOST_SS_SELECTOR, 0)),
        Trip.of("host-fs-base-canonical", l.set(HOST_FS_BASE, NONCANONICAL)),
        Trip.of("host-gs-base-canonical", l.set(HOST_GS_BASE, NONCANONICAL)),
        Trip.of("host-tr-base-canonical", l.set(HOST_TR_BASE, NONCANONICAL)),
        Trip.of("host-gdtr-base-canonical", l.set(HOST_GDTR_BASE, NONCANONICAL)),
        Trip.of("host-idtr-base-canonical", l.set(HOST_IDTR_BASE, NONCANONICAL)),
        // 27.2.4.
        Trip.of("host-addr-space-outside-ia32e", l.facts(f -> f.withVmmInIa32eMode(false))),
        Trip.of("host-addr-space-inside-ia32e", h32.facts(f -> f.withVmmInIa32eMode(true))),
        // Alone impossible: with the VMM outside IA-32e mode an IA-32e guest also breaks the
        // outside-IA-32e rule, and inside IA-32e mode "host address-space size" 0 breaks the inside rule.
        Trip.of("host-addr-space-0-guest", h32.or(VM_ENTRY_CONTROLS, VmEntryControl.IA32E_MODE_GUEST.mask())
            .or(GUEST_IA32_EFER, Efer.LMA | Efer.LME), "host-addr-space-outside-ia32e"),
        Trip.of("host-addr-space-0-pcide", h32.or(HOST_CR4, Cr4.PCIDE)),
        Trip.of("host-addr-space-0-rip", h32.set(HOST_RIP, 1L << 32)),
        Trip.of("host-addr-space-1-pae", l.clear(HOST_CR4, Cr4.PAE)),
        Trip.of("host-addr-space-1-rip", l.set(HOST_RIP, NONCANONICAL))));
    int[] selectors = {HOST_ES_SELECTOR, HOST_CS_SELECTOR, HOST_SS_SELECTOR, HOST_DS_SELECTOR, HOST_FS_SELECTOR,
        HOST_GS_SELECTOR, HOST_TR_SELECTOR};
    String[] names = {"es", "cs", "ss", "ds", "fs", "gs", "tr"};
    for (int i = 0; i < selectors.length; i++) {
      // RPL 3 in bits 1:0 (SDM Vol. 3A 3.4.2).
      trips.add(Trip.of("host-sel-rpl-ti:" + names[i], l.or(selectors[i], 0x3)));
    }
    return trips;
  }
}
