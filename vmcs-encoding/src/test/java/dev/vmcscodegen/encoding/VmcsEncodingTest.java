package dev.vmcscodegen.encoding;




import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link VmcsEncoding} against SDM Vol. 3C 25.11.2, Table 25-21 "Structure of VMCS Component Encoding". */
class VmcsEncodingTest {

  /** Table 25-21, bits 14:13: 0 = 16-bit, 1 = 64-bit, 2 = 32-bit, 3 = natural-width. */
  private static final VmcsWidth[] TABLE_WIDTH = {
    VmcsWidth.BITS_16, VmcsWidth.BITS_64, VmcsWidth.BITS_32, VmcsWidth.NATURAL
  };
  /** Table 25-21, bits 11:10: 0 = control, 1 = VM-exit information (read-only), 2 = guest state, 3 = host state. */
  private static final VmcsCategory[] TABLE_TYPE = {
    VmcsCategory.CONTROL, VmcsCategory.READ_ONLY, VmcsCategory.GUEST, VmcsCategory.HOST
  };

  private static int bit(int value, int position) {
    return (value >>> position) & 1;
  }

  @Test
  void decodesEvery16BitEncodingAsTable25_21Says() {
    for (int encoding = 0; encoding < 0x1_0000; encoding++) {
      VmcsEncoding decoded = VmcsEncoding.of(encoding);
      int index = 0;
      for (int position = 1; position <= 9; position++) {
        index |= bit(encoding, position) << (position - 1);
      }
      boolean high = bit(encoding, 0) == 1;
      VmcsWidth width = TABLE_WIDTH[bit(encoding, 14) * 2 + bit(encoding, 13)];
      VmcsCategory type = TABLE_TYPE[bit(encoding, 11) * 2 + bit(encoding, 10)];
      boolean reserved = bit(encoding, 12) == 1 || bit(encoding, 15) == 1;
      String at = String.format("0x%04X", encoding);
      assertEquals(index, decoded.index(), at);
      assertEquals(high, decoded.isHighAccess(), at);
      assertEquals(width, decoded.width(), at);
      assertEquals(type, decoded.category(), at);
      assertEquals(reserved, decoded.reservedBitsSet() != 0, at);
      // Bit 0 "must be full for 16-bit, 32-bit, and natural-width fields".
      assertEquals(!reserved && (!high || width == VmcsWidth.BITS_64), decoded.isWellFormed(), at);
      assertEquals(high ? encoding - 1 : encoding, decoded.fullEncoding(), at);
      if (!reserved && !high) {
        assertEquals(encoding, VmcsEncoding.compose(width, type, index), at);
      }
    }
  }

  @Test
  void bits31To16AreReserved() {
    Random random = new Random(0x5EED_0003L);
    for (int i = 0; i < 10_000; i++) {
      int upper = random.nextInt(0xFFFF) + 1;
      int encoding = (upper << 16) | random.nextInt(0x1_0000);
      VmcsEncoding decoded = VmcsEncoding.of(encoding);
      assertEquals(upper << 16, decoded.reservedBitsSet() & 0xFFFF_0000, Integer.toHexString(encoding));
      assertFalse(decoded.isWellFormed(), Integer.toHexString(encoding));
    }
  }

  @Test
  void appendixBExamples() {
    // SDM Vol. 3D B.4.3: guest RIP 0x681E, natural-width guest-state field, index 15.
    VmcsEncoding rip = VmcsEncoding.of(0x681E);
    assertEquals(VmcsWidth.NATURAL, rip.width());
    assertEquals(VmcsCategory.GUEST, rip.category());
    assertEquals(15, rip.index());
    assertTrue(rip.isWellFormed());
    // SDM Vol. 3D B.2.1: 0x2001 is the high access of the I/O-bitmap A address (0x2000), a 64-bit control.
    VmcsEncoding ioBitmapHigh = VmcsEncoding.of(0x2001);
    assertTrue(ioBitmapHigh.isHighAccess());
    assertEquals(VmcsWidth.BITS_64, ioBitmapHigh.width());
    assertEquals(VmcsCategory.CONTROL, ioBitmapHigh.category());
    assertEquals(0x2000, ioBitmapHigh.fullEncoding());
    assertTrue(ioBitmapHigh.isWellFormed());
    // SDM Vol. 3D B.3.2: VM-instruction error 0x4400, 32-bit read-only data field, index 0.
    VmcsEncoding error = VmcsEncoding.of(0x4400);
    assertEquals(VmcsWidth.BITS_32, error.width());
    assertEquals(VmcsCategory.READ_ONLY, error.category());
    assertEquals(0, error.index());
    // SDM Vol. 3D B.1.3: host TR selector 0x0C0C, 16-bit host-state field, index 6.
    VmcsEncoding hostTr = VmcsEncoding.of(0x0C0C);
    assertEquals(VmcsWidth.BITS_16, hostTr.width());
    assertEquals(VmcsCategory.HOST, hostTr.category());
    assertEquals(6, hostTr.index());
    // 0x681F: high access of a natural-width field, not allowed (25.11.2 access type).
    assertFalse(VmcsEncoding.of(0x681F).isWellFormed());
  }

  @Test
  void composeRejectsIndexesBeyondNineBits() {
    assertThrows(IllegalArgumentException.class, () -> VmcsEncoding.compose(VmcsWidth.BITS_16, VmcsCategory.GUEST, 512));
    assertThrows(IllegalArgumentException.class, () -> VmcsEncoding.compose(VmcsWidth.BITS_16, VmcsCategory.GUEST, -1));
    // Largest index, 511: bits 9:1 all set.
    assertEquals(0x03FE, VmcsEncoding.compose(VmcsWidth.BITS_16, VmcsCategory.CONTROL, 511));
  }
}
