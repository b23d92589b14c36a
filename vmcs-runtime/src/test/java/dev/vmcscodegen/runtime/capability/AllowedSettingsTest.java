package dev.vmcscodegen.runtime.capability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AllowedSettingsTest {

  @Test
  void controlMsrSplitsIntoAllowedZeroLowAndAllowedOneHigh() {
    // SDM Vol. 3D A.3.1: bits 31:0 allowed 0-settings, bits 63:32 allowed 1-settings.
    AllowedSettings pin = AllowedSettings.fromControlMsr(0x0000_007F_0000_0016L);
    assertEquals(0x16, pin.allowed0());
    assertEquals(0x7F, pin.allowed1());
    assertEquals(0x16, pin.fixedOne());
    assertEquals(0x69, pin.flexible());
    assertEquals(0xFFFF_FF80L, pin.fixedZero());
    assertFalse(pin.allowsZero(1));
    assertTrue(pin.allowsOne(6));
    assertFalse(pin.allowsOne(7));
    assertTrue(pin.permits(0x16 | 0x41));
    assertFalse(pin.permits(0x41));
  }

  @Test
  void malformedBitsAreReportedNotRejected() {
    AllowedSettings bad = AllowedSettings.fromControlMsr(0x0000_0001_0000_0003L);
    assertEquals(0x2, bad.malformedBits());
  }

  @Test
  void widthIsChecked() {
    assertThrows(IllegalArgumentException.class, () -> new AllowedSettings(0, 1L << 32, 32));
    assertThrows(IllegalArgumentException.class, () -> new AllowedSettings(0, 0, 16));
    assertEquals(-1L, AllowedSettings.fromAllowed1Mask(-1L).allowed1());
  }
}
