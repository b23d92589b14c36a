package dev.vmcscodegen.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The layout table and the rules against SDM Vol. 3C 25.11.2, Table 25-21. */
class EncodingPartTest {

  @Test
  void partsAreTheRowsOfTable25_21() {
    // Table 25-21: 0 access type, 9:1 index, 11:10 type, 12 reserved, 14:13 width, 31:15 reserved.
    assertEquals("0", EncodingPart.ACCESS_TYPE.bits());
    assertEquals("9:1", EncodingPart.INDEX.bits());
    assertEquals("11:10", EncodingPart.TYPE.bits());
    assertEquals("12", EncodingPart.RESERVED_12.bits());
    assertEquals("14:13", EncodingPart.WIDTH.bits());
    assertEquals("31:15", EncodingPart.RESERVED_31_15.bits());
    assertEquals(0x0000_0001, EncodingPart.ACCESS_TYPE.mask());
    assertEquals(0x0000_03FE, EncodingPart.INDEX.mask());
    assertEquals(0x0000_0C00, EncodingPart.TYPE.mask());
    assertEquals(0x0000_1000, EncodingPart.RESERVED_12.mask());
    assertEquals(0x0000_6000, EncodingPart.WIDTH.mask());
    assertEquals(0xFFFF_8000, EncodingPart.RESERVED_31_15.mask());
    assertEquals(EnumSet.of(EncodingPart.RESERVED_12, EncodingPart.RESERVED_31_15),
        EnumSet.copyOf(java.util.Arrays.stream(EncodingPart.values()).filter(EncodingPart::isReserved).toList()));
  }

  @Test
  void partsCoverEveryBitOnce() {
    int covered = 0;
    for (EncodingPart part : EncodingPart.values()) {
      assertEquals(0, covered & part.mask(), part + " overlaps another part");
      covered |= part.mask();
    }
    assertEquals(-1, covered);
    assertEquals((1 << 12) | (1 << 15) | 0xFFFF_0000, VmcsEncoding.RESERVED_MASK);
  }

  @Test
  void ofAndPlaceAreInverse() {
    Random random = new Random(0x5EED_0101L);
    for (int i = 0; i < 10_000; i++) {
      int encoding = random.nextInt();
      int rebuilt = 0;
      for (EncodingPart part : EncodingPart.values()) {
        rebuilt |= part.place(part.of(encoding));
      }
      assertEquals(encoding, rebuilt, Integer.toHexString(encoding));
    }
  }

  @Test
  void rulesFollowTheTable() {
    // 0x681E guest RIP (SDM Vol. 3D B.4.3): well formed.
    assertTrue(EncodingRule.allHold(0x681E));
    // 0x2001: high access of the 64-bit I/O-bitmap A address (B.2.1): well formed.
    assertFalse(EncodingRule.HIGH_ACCESS_ONLY_64_BIT.isBrokenBy(0x2001));
    // 0x681F: high access of a natural-width field: bit 0 "must be full for ... natural-width fields".
    assertTrue(EncodingRule.HIGH_ACCESS_ONLY_64_BIT.isBrokenBy(0x681F));
    assertTrue(EncodingRule.RESERVED_BITS_CLEAR.isBrokenBy(0x1000));
    assertTrue(EncodingRule.RESERVED_BITS_CLEAR.isBrokenBy(0x8000));
    assertTrue(EncodingRule.RESERVED_BITS_CLEAR.isBrokenBy(0x1_0000));
    assertFalse(EncodingRule.allHold(0x681F));
    assertEquals("SDM Vol. 3C 25.11.2, Table 25-21", EncodingRule.RESERVED_BITS_CLEAR.citation());
  }

  @Test
  void specNamesRoundTrip() {
    for (VmcsCategory category : VmcsCategory.values()) {
      assertEquals(category, VmcsCategory.fromSpecName(category.specName()).orElseThrow());
    }
    for (VmcsWidth width : VmcsWidth.values()) {
      assertEquals(width, VmcsWidth.fromSpecName(width.specName()).orElseThrow());
    }
    assertTrue(VmcsCategory.fromSpecName("Guest").isEmpty());
    assertTrue(VmcsWidth.fromSpecName("8").isEmpty());
    // SDM Vol. 3C 31.3 VMWRITE: a write to a VM-exit information field fails unless IA32_VMX_MISC[29].
    assertFalse(VmcsCategory.READ_ONLY.writable());
    assertTrue(VmcsCategory.GUEST.writable());
  }
}
