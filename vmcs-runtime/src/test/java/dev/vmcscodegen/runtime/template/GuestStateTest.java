package dev.vmcscodegen.runtime.template;

import static dev.vmcscodegen.runtime.fields.VmcsEncodings.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vmcscodegen.runtime.capability.TestProfiles;
import dev.vmcscodegen.runtime.image.VmcsImage;
import org.junit.jupiter.api.Test;

/** Known values of the templates, from the SDM. */
class GuestStateTest {

  private static long value(VmcsImage image, int encoding) {
    return image.value(encoding).orElseThrow();
  }

  @Test
  void resetIsTable10Dash1WithVmxFixedBitsHidden() {
    VmcsImage image = LaunchTemplate.build(TestProfiles.get(TestProfiles.COFFEE_LAKE), GuestMode.RESET).image();
    // SDM Vol. 3A Table 10-1: CR0 60000010H, EIP FFF0H, CS F000H base FFFF0000H limit FFFFH, DR7 400H,
    // EFLAGS 2, GDTR/IDTR limit FFFFH.
    assertEquals(0xFFF0, value(image, GUEST_RIP));
    assertEquals(0xF000, value(image, GUEST_CS_SELECTOR));
    assertEquals(0xFFFF_0000L, value(image, GUEST_CS_BASE));
    assertEquals(0xFFFF, value(image, GUEST_CS_LIMIT));
    assertEquals(0x400, value(image, GUEST_DR7));
    assertEquals(0x2, value(image, GUEST_RFLAGS));
    assertEquals(0xFFFF, value(image, GUEST_IDTR_LIMIT));
    // IA32_VMX_CR0_FIXED0 = 80000021H forces NE (bit 5); PE and PG are exempt under unrestricted guest
    // (SDM Vol. 3C 27.3.1.1). The guest reads 60000010H through the shadow (SDM Vol. 3C 25.6.6).
    assertEquals(0x6000_0030L, value(image, GUEST_CR0));
    assertEquals(0x20, value(image, CR0_GUEST_HOST_MASK));
    assertEquals(0x6000_0010L, value(image, CR0_READ_SHADOW));
    // IA32_VMX_CR4_FIXED0 = 2000H: VMXE is 1 in guest CR4 and hidden; the guest reads 0.
    assertEquals(0x2000, value(image, GUEST_CR4));
    assertEquals(0x2000, value(image, CR4_GUEST_HOST_MASK));
    assertEquals(0, value(image, CR4_READ_SHADOW));
    // No VMCS shadowing: link pointer all ones (SDM Vol. 3C 25.4.2).
    assertEquals(-1L, value(image, GUEST_VMCS_LINK_POINTER));
  }

  @Test
  void longModeHasAFlatSixtyFourBitCodeSegment() {
    VmcsImage image = LaunchTemplate.build(TestProfiles.get(TestProfiles.NO_TRUE_NO_SECONDARY), GuestMode.LONG).image();
    // Access rights A09BH: type 11 (execute/read, accessed), S, P, L (bit 13), G (bit 15) (SDM Vol. 3C 25.4.1).
    assertEquals(0xA09B, value(image, GUEST_CS_ACCESS_RIGHTS));
    // EFER LME (bit 8) and LMA (bit 10); CR0 PE, ET, PG plus NE forced by FIXED0; CR4 PAE plus VMXE.
    assertEquals(0x500, value(image, GUEST_IA32_EFER));
    assertEquals(0x8000_0031L, value(image, GUEST_CR0));
    assertEquals(0x2020, value(image, GUEST_CR4));
    // Without secondary controls there is no EPT pointer to write.
    assertEquals(0, value(image, EPT_POINTER));
  }
}
