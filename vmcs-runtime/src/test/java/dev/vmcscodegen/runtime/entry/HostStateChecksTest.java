package dev.vmcscodegen.runtime.entry;

import static dev.vmcscodegen.runtime.fields.VmcsEncodings.*;
import static dev.vmcscodegen.runtime.entry.RowProbe.assertHolds;
import static dev.vmcscodegen.runtime.entry.RowProbe.assertViolated;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vmcscodegen.runtime.arch.Cr4;
import dev.vmcscodegen.runtime.arch.MemoryType;
import dev.vmcscodegen.runtime.control.PrimaryVmExitControl;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Edges of the host-state checks, SDM Vol. 3C 27.2.2 to 27.2.4, and of the PAT rule they use. */
class HostStateChecksTest {

  private static final int EXIT = PRIMARY_VM_EXIT_CONTROLS;
  private static final List<Check> ROWS = HostStateChecks.rows();
  /** The PAT memory types (SDM Vol. 3A 12.12.2, Table 12-10): UC 0, WC 1, WT 4, WP 5, WB 6, UC- 7. */
  private static final int[] VALID_TYPES = {0, 1, 4, 5, 6, 7};

  /**
   * 27.2.2: with "load IA32_PAT" each of the eight bytes of the host IA32_PAT field must be a valid memory
   * type; 2, 3 and 8 to FFH are reserved, in any byte.
   */
  @Test
  void everyPatByteIsChecked() {
    long valid = 0x0007_0406_0007_0406L;
    for (int i = 0; i < 8; i++) {
      long clearByte = valid & ~(0xFFL << (8 * i));
      for (int reserved : new int[] {2, 3, 8, 0x10, 0xFF}) {
        long pat = clearByte | ((long) reserved << (8 * i));
        assertEquals(false, MemoryType.isValidPat(pat), String.format("byte %d = %02XH in %016X", i, reserved, pat));
      }
      for (int type : VALID_TYPES) {
        long pat = clearByte | ((long) type << (8 * i));
        assertEquals(true, MemoryType.isValidPat(pat), String.format("byte %d = %02XH in %016X", i, type, pat));
      }
    }
    Scenario l = Baselines.longMode();
    assertViolated(ROWS, "host-pat-valid", l.set(HOST_IA32_PAT, 0x0207_0406_0007_0406L), "byte 7 = 2");
    assertHolds(ROWS, "host-pat-valid", l.set(HOST_IA32_PAT, 0x0706_0504_0100_0706L), "all six types");
    assertHolds(ROWS, "host-pat-valid", l.clear(EXIT, PrimaryVmExitControl.LOAD_IA32_PAT.mask()).set(HOST_IA32_PAT, 0x0202_0202_0202_0202L),
        "load IA32_PAT 0: the field is not checked");
  }

  /** A seeded random check of the PAT rule against the table, byte by byte. */
  @Test
  void patRuleMatchesTheTableOnRandomValues() {
    Random random = new Random(20_240_527L);
    for (int n = 0; n < 2000; n++) {
      long pat = 0;
      boolean expected = true;
      for (int i = 0; i < 8; i++) {
        int type = random.nextBoolean() ? VALID_TYPES[random.nextInt(VALID_TYPES.length)] : random.nextInt(256);
        boolean ok = false;
        for (int t : VALID_TYPES) {
          ok |= t == type;
        }
        expected &= ok;
        pat |= (long) type << (8 * i);
      }
      assertEquals(expected, MemoryType.isValidPat(pat), String.format("%016X", pat));
    }
  }

  /** 27.2.2: with "load IA32_PERF_GLOBAL_CTRL" the host value must leave the reserved bits 0. */
  @Test
  void perfGlobalCtrlAcceptsEveryDefinedBit() {
    // Four general-purpose and three fixed counters (CPUID leaf 0AH): bits 3:0 and 34:32 defined.
    Scenario s = Baselines.longMode().facts(f -> f.withPerfGlobalCtrlReservedMask(~0x7_0000_000FL))
        .or(EXIT, PrimaryVmExitControl.LOAD_IA32_PERF_GLOBAL_CTRL.mask());
    assertHolds(ROWS, "host-perf-global-ctrl", s.set(HOST_IA32_PERF_GLOBAL_CTRL, 0x7_0000_000FL), "all counters");
    assertHolds(ROWS, "host-perf-global-ctrl", s.set(HOST_IA32_PERF_GLOBAL_CTRL, 0), "no counter");
    assertViolated(ROWS, "host-perf-global-ctrl", s.set(HOST_IA32_PERF_GLOBAL_CTRL, 1L << 4), "bit 4 reserved");
  }

  /** 27.2.2: with "load PKRS" bits 63:32 of the host IA32_PKRS field must be 0. */
  @Test
  void pkrsAcceptsEveryLowBit() {
    Scenario s = Baselines.longMode().or(EXIT, PrimaryVmExitControl.LOAD_PKRS.mask());
    assertHolds(ROWS, "host-pkrs", s.set(HOST_IA32_PKRS, 0xFFFF_FFFFL), "bits 31:0 set");
    assertViolated(ROWS, "host-pkrs", s.set(HOST_IA32_PKRS, 1L << 63), "bit 63 set");
  }

  /**
   * Canonical means on 48 bits, or on 57 on a processor with 5-level paging (SDM Vol. 3A 3.3.7.1, 4.5): a
   * host CR4 with LA57 (bit 12) says the processor has it. 0xff3c22c2bf880000 is a host GS base from a
   * public KVM dump of a 5-level-paging host: bits 63:57 equal bit 56 (all 1), bits 63:47 are not all equal.
   */
  @Test
  void canonicalIsOn57BitsWhenTheHostOrGuestRuns5LevelPaging() {
    String id = "host-gs-base-canonical";
    long la57Only = 0xff3c_22c2_bf88_0000L;
    Scenario host = Baselines.longMode().set(HOST_GS_BASE, la57Only);
    assertViolated(ROWS, id, host.clear(HOST_CR4, Cr4.LA57), "4-level host");
    assertHolds(ROWS, id, host.or(HOST_CR4, Cr4.LA57), "5-level host");
    assertHolds(ROWS, id, host.clear(HOST_CR4, Cr4.LA57)
        .or(GUEST_CR4, Cr4.LA57), "5-level guest");
    // not canonical on 57 bits either: bit 56 is 0, bits 63:57 are 1
    assertViolated(ROWS, id, host.or(HOST_CR4, Cr4.LA57)
        .set(HOST_GS_BASE, 0xfe00_0000_0000_0000L), "5-level host, non-canonical on 57 bits");
  }

  /**
   * With "load CET state": a 64-bit host ("host address-space size" 1) needs canonical IA32_S_CET and SSP
   * values; a 32-bit host needs bits 63:32 of both to be 0 (27.2.2, 27.2.4).
   */
  @Test
  void cetAddressWidthFollowsHostAddressSpaceSize() {
    String id = "host-cet-addr-width";
    Scenario host64 = Baselines.longMode().or(EXIT, PrimaryVmExitControl.LOAD_CET_STATE.mask());
    long highCanonical = 0xFFFF_8000_0000_0000L;
    assertHolds(ROWS, id, host64.set(HOST_IA32_S_CET, highCanonical), "canonical S_CET with bits 63:32 set");
    assertHolds(ROWS, id, host64.set(HOST_SSP, highCanonical), "canonical SSP with bits 63:32 set");
    assertViolated(ROWS, id, host64.set(HOST_IA32_S_CET, 0x0000_8000_0000_0000L), "non-canonical S_CET");

    Scenario host32 = Baselines.host32().or(EXIT, PrimaryVmExitControl.LOAD_CET_STATE.mask());
    assertHolds(ROWS, id, host32.set(HOST_IA32_S_CET, 0xFFFF_F000L).set(HOST_SSP, 0xFFFF_FFFCL), "32-bit values");
    assertViolated(ROWS, id, host32.set(HOST_IA32_S_CET, 1L << 32), "S_CET bit 32");
    assertViolated(ROWS, id, host32.set(HOST_SSP, 1L << 32), "SSP bit 32");
    assertViolated(ROWS, id, host32.set(HOST_SSP, highCanonical), "canonical but 64-bit SSP on a 32-bit host");
    assertHolds(ROWS, id, Baselines.host32().set(HOST_SSP, 1L << 32), "load CET state 0");
  }
}
