package dev.vmcscodegen.runtime.entry;

import static dev.vmcscodegen.runtime.entry.Baselines.*;
import static dev.vmcscodegen.runtime.fields.VmcsEncodings.*;

import java.util.List;

/**
 * Tripping cases for the MSR-load checks, SDM Vol. 3C 27.4: a two-entry area at F000H whose first
 * entry loads IA32_TSC_AUX (C0000103H, allowed) and whose second entry breaks one rule.
 */
final class MsrLoadTrips {

  static final long AREA = 0xF000;
  private static final long TSC_AUX = 0xC000_0103L;

  private MsrLoadTrips() {}

  static Scenario area(long secondEntry) {
    return longMode().set(VM_ENTRY_MSR_LOAD_COUNT, 2).set(VM_ENTRY_MSR_LOAD_ADDRESS, AREA)
        .memory(AREA, TSC_AUX).memory(AREA + 8, 0).memory(AREA + 16, secondEntry).memory(AREA + 24, 0);
  }

  static List<Trip> all() {
    return List.of(
        Trip.of("msrload-fs-gs-base", area(0xC000_0100L)),
        Trip.of("msrload-x2apic", area(0x808)),
        Trip.of("msrload-smm-only", area(0x9B)),
        Trip.of("msrload-reserved", area(TSC_AUX | (1L << 32))));
  }
}
