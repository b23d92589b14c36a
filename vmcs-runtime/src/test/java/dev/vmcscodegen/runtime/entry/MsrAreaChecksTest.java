package dev.vmcscodegen.runtime.entry;

import dev.vmcscodegen.runtime.EntryOutcome;
import static dev.vmcscodegen.runtime.fields.VmcsEncodings.*;
import static dev.vmcscodegen.runtime.entry.RowProbe.assertHolds;
import static dev.vmcscodegen.runtime.entry.RowProbe.assertViolated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Edges of the MSR areas: the last-byte rule for the VM-exit MSR-store, VM-exit MSR-load and VM-entry
 * MSR-load areas (SDM Vol. 3C 27.2.1.2, 27.2.1.3) and the reading of the VM-entry MSR-load area (27.4).
 */
class MsrAreaChecksTest {

  /** MAXPHYADDR of the default processor facts. */
  private static final long TOP = 1L << 46;
  private static final long TSC_AUX = 0xC000_0103L;
  private static final long FS_BASE = 0xC000_0100L;

  private record Area(List<Check> rows, String id, int count, int address) {}

  private static List<Area> areas() {
    return List.of(
        new Area(ExitControlChecks.rows(), "ctl-exit-msr-store-end", VM_EXIT_MSR_STORE_COUNT, VM_EXIT_MSR_STORE_ADDRESS),
        new Area(ExitControlChecks.rows(), "ctl-exit-msr-load-end", VM_EXIT_MSR_LOAD_COUNT, VM_EXIT_MSR_LOAD_ADDRESS),
        new Area(EntryControlChecks.rows(), "ctl-entry-msr-load-end", VM_ENTRY_MSR_LOAD_COUNT,
            VM_ENTRY_MSR_LOAD_ADDRESS));
  }

  /**
   * "The address of the last byte in the area (address + (MSR count * 16) - 1) must not set any bits beyond
   * the processor's physical-address width": an area ending at byte 2^46 - 1 is the last that fits.
   */
  @Test
  void lastByteMayBeTheLastPhysicalByte() {
    Scenario l = Baselines.longMode();
    for (Area a : areas()) {
      assertHolds(a.rows(), a.id(), l.set(a.count(), 2).set(a.address(), TOP - 0x20), "2 entries ending at 2^46 - 1");
      assertViolated(a.rows(), a.id(), l.set(a.count(), 2).set(a.address(), TOP - 0x10), "2 entries ending at 2^46 + 15");
      assertHolds(a.rows(), a.id(), l.set(a.count(), 1).set(a.address(), TOP - 0x10), "1 entry ending at 2^46 - 1");
      assertHolds(a.rows(), a.id(), l.set(a.count(), 512).set(a.address(), TOP - 512 * 16), "512 entries to the top");
      // An area that starts beyond the width ends beyond it too.
      assertViolated(a.rows(), a.id(), l.set(a.count(), 1).set(a.address(), TOP), "starts at 2^46");
      assertViolated(a.rows(), a.id(), l.set(a.count(), 1).set(a.address(), 1L << 63), "starts at bit 63");
      assertHolds(a.rows(), a.id(), l.set(a.count(), 0).set(a.address(), TOP), "count 0: nothing to check");
    }
  }

  /** A VM-entry MSR-load area of {@code count} entries at 10000H; entry {@code bad} (1-based) loads IA32_FS_BASE. */
  private static PhysicalMemory area(long count, long bad) {
    return (address, bytes) -> {
      long offset = address - 0x1_0000;
      if (offset < 0 || offset >= count * 16 || offset % 8 != 0 || bytes != 8) {
        return OptionalLong.empty();
      }
      long index = offset / 16 + 1;
      if (offset % 16 == 8) {
        return OptionalLong.of(0);
      }
      return OptionalLong.of(index == bad ? FS_BASE : TSC_AUX);
    };
  }

  private static EntryReport loadCheck(long count, PhysicalMemory memory) {
    Scenario s = Baselines.longMode().set(VM_ENTRY_MSR_LOAD_COUNT, count).set(VM_ENTRY_MSR_LOAD_ADDRESS, 0x1_0000);
    return EntryChecker.of(MsrLoadChecks.rows()).check(s.image(), s.capabilities(), s.facts(), memory);
  }

  /**
   * IA32_VMX_MISC bits 27:25 give N, and 512 * (N + 1) is the recommended maximum list length (SDM Vol.
   * 3D A.6): at most 512 * 8 = 4096. An area of 4096 entries is read to its end; a longer one is not read.
   */
  @Test
  void msrLoadAreaOf4096EntriesIsReadToItsLastEntry() {
    EntryReport report = loadCheck(4096, area(4096, 4096));
    assertEquals(List.of("msrload-fs-gs-base"), report.violatedIds(), report.diagnosis());
    // 27.8: the exit qualification is the 1-based index of the failing entry.
    assertEquals(EntryOutcome.msrLoading(4096), report.outcome().orElseThrow());
    assertTrue(loadCheck(4096, area(4096, 0)).enters());

    EntryReport tooLong = loadCheck(4097, area(4097, 0));
    assertEquals(List.of("msrload-fs-gs-base", "msrload-x2apic", "msrload-smm-only", "msrload-reserved"),
        tooLong.notVerifiableIds());
  }

  /** Only {@code count} entries belong to the area: an entry after them is not loaded. */
  @Test
  void entriesAfterTheCountAreNotRead() {
    List<Long> reads = new ArrayList<>();
    PhysicalMemory twoEntries = area(2, 2);
    PhysicalMemory recording = (address, bytes) -> {
      reads.add(address);
      return twoEntries.read(address, bytes);
    };
    EntryReport report = loadCheck(1, recording);
    assertTrue(report.enters(), report.diagnosis());
    assertEquals(List.of(), report.notVerifiableIds());
    assertTrue(reads.stream().allMatch(a -> a < 0x1_0010), "read " + reads);
  }

  /**
   * 27.4: an entry fails when "bits 31:0 indicate an MSR that can be written only in SMM and the VM entry
   * did not commence in SMM" (IA32_SMM_MONITOR_CTL, 9BH). In SMM that MSR may be loaded, but its entry
   * is still subject to the other rules, such as "bits 63:32 are not all 0".
   */
  @Test
  void inSmmTheMonitorControlMsrMayBeLoadedButItsEntryIsStillChecked() {
    List<Check> rows = MsrLoadChecks.rows();
    assertViolated(rows, "msrload-smm-only", MsrLoadTrips.area(0x9B), "outside SMM");
    assertHolds(rows, "msrload-smm-only", MsrLoadTrips.area(0x9B).facts(f -> f.withInSmm(true)), "in SMM");
    Scenario reserved = MsrLoadTrips.area(0x9B | (1L << 32)).facts(f -> f.withInSmm(true));
    assertViolated(rows, "msrload-reserved", reserved, "9BH with bit 32 set, in SMM");
    assertHolds(rows, "msrload-smm-only", reserved, "9BH with bit 32 set, in SMM");
    assertViolated(rows, "msrload-fs-gs-base", MsrLoadTrips.area(FS_BASE).facts(f -> f.withInSmm(true)),
        "IA32_FS_BASE in SMM");
    EntryReport report = EntryChecker.of(rows).check(reserved.image(), reserved.capabilities(), reserved.facts(),
        reserved.physicalMemory());
    assertEquals(EntryOutcome.msrLoading(2), report.outcome().orElseThrow(), report.diagnosis());
  }
}
