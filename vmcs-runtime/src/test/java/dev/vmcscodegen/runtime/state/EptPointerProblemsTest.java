package dev.vmcscodegen.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.runtime.capability.EptVpidCapability;
import dev.vmcscodegen.runtime.capability.VmxMemoryType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link EptPointer#problems} at its boundaries, each capability bit alone (SDM Vol. 3D A.10). */
class EptPointerProblemsTest {

  // IA32_VMX_EPT_VPID_CAP bits, SDM Vol. 3D A.10
  private static final long WALK_4 = 1L << 6;
  private static final long WALK_5 = 1L << 7;
  private static final long UC = 1L << 8;
  private static final long WB = 1L << 14;
  private static final long ACCESSED_DIRTY = 1L << 21;
  private static final long SHADOW_STACK = 1L << 23;
  private static final EptVpidCapability ALL =
      new EptVpidCapability(WALK_4 | WALK_5 | UC | WB | ACCESSED_DIRTY | SHADOW_STACK);

  @Test
  void physicalAddressWidthMustBe32To52() {
    // SDM Vol. 3A 4.1.4: MAXPHYADDR is at most 52; VMX addresses are at least 32 bits wide.
    EptPointer pointer = EptPointer.writeBack4Level(0x1000);
    assertEquals(List.of(), pointer.problems(ALL, 32));
    assertEquals(List.of(), pointer.problems(ALL, 52));
    assertThrows(IllegalArgumentException.class, () -> pointer.problems(ALL, 31));
    assertThrows(IllegalArgumentException.class, () -> pointer.problems(ALL, 53));
  }

  @Test
  void addressMustFitTheWidthExactly() {
    // SDM Vol. 3C 27.2.1.1: EPTP bits N-1:12 hold the address; bits 63:N must be 0.
    assertEquals(List.of(), EptPointer.writeBack4Level((1L << 39) - 0x1000).problems(ALL, 39));
    List<String> problems = EptPointer.writeBack4Level(1L << 39).problems(ALL, 39);
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).contains("physical-address width 39"), problems.get(0));
  }

  @Test
  void eachMemoryTypeNeedsItsOwnBit() {
    // SDM Vol. 3D A.10: bit 8 reports UC (0), bit 14 reports WB (6) for the EPT paging structures.
    EptPointer uc = new EptPointer(0x1000, VmxMemoryType.UNCACHEABLE, 4, false, false);
    EptPointer wb = EptPointer.writeBack4Level(0x1000);
    EptVpidCapability wbOnly = new EptVpidCapability(WALK_4 | WB);
    EptVpidCapability ucOnly = new EptVpidCapability(WALK_4 | UC);
    assertEquals(List.of(), wb.problems(wbOnly, 39));
    assertEquals(List.of(), uc.problems(ucOnly, 39));
    List<String> ucProblems = uc.problems(wbOnly, 39);
    assertEquals(1, ucProblems.size());
    assertTrue(ucProblems.get(0).contains("memory type UC") && ucProblems.get(0).contains("bit 8"), ucProblems.get(0));
    List<String> wbProblems = wb.problems(ucOnly, 39);
    assertEquals(1, wbProblems.size());
    assertTrue(wbProblems.get(0).contains("memory type WB") && wbProblems.get(0).contains("bit 14"), wbProblems.get(0));
  }

  @Test
  void accessedDirtyFlagsNeedBit21() {
    // SDM Vol. 3C 27.2.1.1: EPTP bit 6 may be 1 only if IA32_VMX_EPT_VPID_CAP bit 21 is 1.
    EptPointer withFlags = new EptPointer(0x1000, VmxMemoryType.WRITE_BACK, 4, true, false);
    EptVpidCapability noFlags = new EptVpidCapability(WALK_4 | WB);
    List<String> problems = withFlags.problems(noFlags, 39);
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).contains("bit 21"), problems.get(0));
    assertEquals(List.of(), withFlags.problems(new EptVpidCapability(WALK_4 | WB | ACCESSED_DIRTY), 39));
    // Without the flag, bit 21 does not matter.
    assertEquals(List.of(), EptPointer.writeBack4Level(0x1000).problems(noFlags, 39));
  }

  @Test
  void walkLengthNeedsItsOwnBit() {
    // SDM Vol. 3D A.10: bit 6 reports a 4-level walk, bit 7 a 5-level walk.
    EptPointer five = new EptPointer(0x1000, VmxMemoryType.WRITE_BACK, 5, false, false);
    assertEquals(List.of(), five.problems(new EptVpidCapability(WALK_5 | WB), 39));
    assertEquals(1, EptPointer.writeBack4Level(0x1000).problems(new EptVpidCapability(WALK_5 | WB), 39).size());
  }
}
