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

  @Test
  void partsKnowTheirBitsAndWords() {
    // Table 25-21: width is bits 14:13, index 9:1, access type bit 0
    assertEquals(13, EncodingPart.WIDTH.shift());
    assertEquals(14, EncodingPart.WIDTH.highBit());
    assertEquals(1, EncodingPart.INDEX.shift());
    assertEquals(9, EncodingPart.INDEX.highBit());
    assertEquals(0, EncodingPart.ACCESS_TYPE.highBit());
    assertEquals("width", EncodingPart.WIDTH.description());
    assertEquals("reserved", EncodingPart.RESERVED_31_15.description());
    assertEquals("bits 12, 15 and 31:16 must be 0", EncodingRule.RESERVED_BITS_CLEAR.text());
    assertEquals("access type 1 (high) exists only for 64-bit fields", EncodingRule.HIGH_ACCESS_ONLY_64_BIT.text());
  }

  @Test
  void widthsOnEachHost() {
    // SDM Vol. 3C 25.11.2: natural-width fields are 64 bits on processors supporting Intel 64 and 32 bits
    // for software outside IA-32e mode; the other widths are fixed.
    assertEquals(64, HostWidth.BITS_64.bits());
    assertEquals(32, HostWidth.BITS_32.bits());
    assertEquals(64, VmcsWidth.NATURAL.bits(HostWidth.BITS_64));
    assertEquals(32, VmcsWidth.NATURAL.bits(HostWidth.BITS_32));
    assertEquals(64, VmcsWidth.BITS_64.bits(HostWidth.BITS_32));
    assertEquals(16, VmcsWidth.BITS_16.bits(HostWidth.BITS_64));
    assertEquals(32, VmcsWidth.BITS_32.bits(HostWidth.BITS_32));
    // the generated enum names: VmcsGuestNW, VmcsReadOnly32 (docs/DESIGN.md, "Generated code")
    assertEquals("NW", VmcsWidth.NATURAL.typeNamePart());
    assertEquals("32", VmcsWidth.BITS_32.typeNamePart());
    assertEquals("ReadOnly", VmcsCategory.READ_ONLY.typeNamePart());
    assertEquals("Guest", VmcsCategory.GUEST.typeNamePart());
  }
}
