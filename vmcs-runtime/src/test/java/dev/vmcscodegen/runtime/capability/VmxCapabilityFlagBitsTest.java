package dev.vmcscodegen.runtime.capability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Each single-bit flag of the decoded capability MSRs read at its SDM bit position, both ways: set
 * alone it is the only flag that reads true, cleared alone it is the only flag that reads false.
 */
class VmxCapabilityFlagBitsTest {

  /** The flags of IA32_VMX_BASIC by bit position (SDM Vol. 3D A.1). */
  private static final Map<Integer, Predicate<VmxBasic>> BASIC_FLAGS = new LinkedHashMap<>();
  /** The flags of IA32_VMX_MISC by bit position (SDM Vol. 3D A.6). */
  private static final Map<Integer, Predicate<VmxMisc>> MISC_FLAGS = new LinkedHashMap<>();

  static {
    BASIC_FLAGS.put(48, VmxBasic::physicalAddressesLimitedTo32Bits);
    BASIC_FLAGS.put(49, VmxBasic::dualMonitorTreatment);
    BASIC_FLAGS.put(54, VmxBasic::insOutsInstructionInformation);
    BASIC_FLAGS.put(55, VmxBasic::trueControls);
    BASIC_FLAGS.put(56, VmxBasic::entryWithoutErrorCode);

    MISC_FLAGS.put(5, VmxMisc::storesEferLmaOnExit);
    MISC_FLAGS.put(6, VmxMisc::supportsActivityHlt); // activity state 1 (SDM Vol. 3C 25.4.2)
    MISC_FLAGS.put(7, VmxMisc::supportsActivityShutdown); // activity state 2
    MISC_FLAGS.put(8, VmxMisc::supportsActivityWaitForSipi); // activity state 3
    MISC_FLAGS.put(14, VmxMisc::intelPtInVmx);
    MISC_FLAGS.put(15, VmxMisc::rdmsrSmbaseInSmm);
    MISC_FLAGS.put(28, VmxMisc::smmMonitorCtlBit2);
    MISC_FLAGS.put(29, VmxMisc::vmwriteAnyField);
    MISC_FLAGS.put(30, VmxMisc::zeroLengthInjection);
  }

  @Test
  void eachBasicFlagReadsItsOwnBitOnly() {
    for (int bit : BASIC_FLAGS.keySet()) {
      VmxBasic alone = new VmxBasic(1L << bit);
      VmxBasic allBut = new VmxBasic(~(1L << bit));
      BASIC_FLAGS.forEach((other, flag) -> {
        assertEquals(other == bit, flag.test(alone), "bit " + other + " of IA32_VMX_BASIC 0x" + Long.toHexString(alone.raw()));
        assertEquals(other != bit, flag.test(allBut), "bit " + other + " of IA32_VMX_BASIC 0x" + Long.toHexString(allBut.raw()));
      });
    }
  }

  @Test
  void eachMiscFlagReadsItsOwnBitOnly() {
    for (int bit : MISC_FLAGS.keySet()) {
      VmxMisc alone = new VmxMisc(1L << bit);
      VmxMisc allBut = new VmxMisc(~(1L << bit));
      MISC_FLAGS.forEach((other, flag) -> {
        assertEquals(other == bit, flag.test(alone), "bit " + other + " of IA32_VMX_MISC 0x" + Long.toHexString(alone.raw()));
        assertEquals(other != bit, flag.test(allBut), "bit " + other + " of IA32_VMX_MISC 0x" + Long.toHexString(allBut.raw()));
      });
    }
  }

  @Test
  void hlatPrefixSizeIsBits53To48Only() {
    // SDM Vol. 3D A.10: bits 53:48 report the maximum HLAT prefix size; the bits around it are other fields.
    long around = -1L & ~(EptVpidCapability.HLAT_PREFIX_SIZE_MASK << 48);
    assertEquals(5, new EptVpidCapability(around | 5L << 48).maxHlatPrefixSize());
    assertEquals(0, new EptVpidCapability(around).maxHlatPrefixSize());
    assertEquals(1, new EptVpidCapability(1L << 48).maxHlatPrefixSize());
  }

  @Test
  void allowsZeroReadsTheAllowedZeroBitOfEachPosition() {
    // SDM Vol. 3D A.3.1: bit X of the control may be 0 if bit X of the MSR (allowed-0) is 0.
    // IA32_VMX_PINBASED_CTLS 0x0000007F00000016: bits 1, 2 and 4 are default1.
    AllowedSettings pin = AllowedSettings.fromControlMsr(0x0000_007F_0000_0016L);
    assertTrue(pin.allowsZero(0));
    assertFalse(pin.allowsZero(1));
    assertFalse(pin.allowsZero(2));
    assertTrue(pin.allowsZero(3));
    assertFalse(pin.allowsZero(4));
    assertTrue(pin.allowsZero(31));
    // SDM Vol. 3D A.3.4: the tertiary controls' MSR holds allowed-1 only; every bit may be 0.
    AllowedSettings tertiary = AllowedSettings.fromAllowed1Mask(-1L);
    for (int bit = 0; bit < 64; bit++) {
      assertTrue(tertiary.allowsZero(bit), "bit " + bit);
    }
  }

  @Test
  void fixedBitsMustBeZeroIsTheComplementOfFixed1() {
    // SDM Vol. 3D A.8: a bit clear in IA32_VMX_CR4_FIXED1 must be 0. Sample FIXED1 0x3727FF: bit 11 is
    // clear, CR4.VMXE (bit 13) is set.
    FixedBits cr4 = new FixedBits(0x2000, 0x3727FF);
    assertEquals(~0x3727FFL, cr4.mustBeZero());
    assertTrue((cr4.mustBeZero() & 1L << 11) != 0);
    assertEquals(0, cr4.mustBeZero() & 1L << 13);
    // SDM Vol. 3D A.7: CR0 FIXED1 0xFFFFFFFF lets every low bit be 1; bits 63:32 must be 0.
    assertEquals(0xFFFF_FFFF_0000_0000L, new FixedBits(0x8000_0021L, 0xFFFF_FFFFL).mustBeZero());
  }

  @Test
  void fixedBitsReportsABitRequiredToBeOneThatMayNotBeOne() {
    // SDM Vol. 3D A.7: a bit set in FIXED0 is also set in FIXED1 on a well-formed pair; here PE (bit 0)
    // is set in FIXED0 but clear in FIXED1.
    FixedBits bad = new FixedBits(0x8000_0021L, 0xFFFF_FFFEL);
    assertEquals(1L, bad.malformedBits());
    assertEquals(0, new FixedBits(0x8000_0021L, 0xFFFF_FFFFL).malformedBits());
  }

  @Test
  void memoryTypesUseTheSdmAbbreviations() {
    // SDM Vol. 3A 12.3, Table 12-2: 0 is UC, 6 is WB.
    assertEquals("UC", VmxMemoryType.UNCACHEABLE.shortName());
    assertEquals("WB", VmxMemoryType.WRITE_BACK.shortName());
    assertEquals("WB", new VmxBasic(6L << 50).memoryType().orElseThrow().shortName());
  }
}
