package dev.vmcscodegen.runtime.software;

import dev.vmcscodegen.runtime.EntryOutcome;
import static dev.vmcscodegen.runtime.FakeField.GUEST_PHYSICAL_ADDRESS;
import static dev.vmcscodegen.runtime.FakeField.GUEST_RIP;
import static dev.vmcscodegen.runtime.FakeField.VM_INSTRUCTION_ERROR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.runtime.FakeField;
import dev.vmcscodegen.runtime.VmFailValidException;
import dev.vmcscodegen.runtime.VmcsCatalog;
import dev.vmcscodegen.encoding.VmcsCategory;
import dev.vmcscodegen.encoding.VmcsWidth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Boundaries of the software VMCS: address widths, the IA32_VMX_BASIC bit 48 limit, exit-reason range,
 * field slots of high indexes, and what its failure messages say (SDM Vol. 3C 31.3, Table 31-1).
 */
class SoftwareVmcsLimitsTest {

  private static final int IA32_VMX_BASIC = 0x480;

  private static SoftwareVmcsBuilder builder() {
    return SoftwareVmcs.builder().catalog(FakeField.catalog());
  }

  @Test
  void physicalAddressWidthIs32To52() {
    // SDM Vol. 3A 4.1.4: MAXPHYADDR is at most 52; VMX addresses are at least 32 bits wide.
    assertEquals(SoftwareVmcs.DEFAULT_VMCS_ADDRESS, builder().physicalAddressWidth(32).build().vmptrst());
    assertEquals(SoftwareVmcs.DEFAULT_VMCS_ADDRESS, builder().physicalAddressWidth(52).build().vmptrst());
    assertThrows(IllegalArgumentException.class, () -> builder().physicalAddressWidth(31));
    assertThrows(IllegalArgumentException.class, () -> builder().physicalAddressWidth(53));
  }

  @Test
  void withoutBasicBit48AddressesUseThePhysicalAddressWidth() {
    // SDM Vol. 3D A.1: only IA32_VMX_BASIC bit 48 = 1 limits VMCS addresses to 32 bits; here it is 0, so
    // VMPTRLD accepts any 4-KByte aligned address below 2^39 (SDM Vol. 3C 31.3 VMPTRLD).
    SoftwareVmcs vmcs = builder().physicalAddressWidth(39).msrs(Map.of(IA32_VMX_BASIC, 0L)).build();
    vmcs.vmptrld(1L << 32);
    assertEquals(1L << 32, vmcs.vmptrst());
    long highest = (1L << 39) - 0x1000;
    vmcs.vmptrld(highest);
    assertEquals(highest, vmcs.vmptrst());
    VmFailValidException e = assertThrows(VmFailValidException.class, () -> vmcs.vmptrld(1L << 39));
    assertEquals(9, e.errorNumber()); // Table 31-1: 9 = VMPTRLD with invalid physical address
  }

  @Test
  void badAddressMessagesSayWhatIsWrong() {
    SoftwareVmcs vmcs = builder().physicalAddressWidth(39).build();
    VmFailValidException vmclear = assertThrows(VmFailValidException.class, () -> vmcs.vmclear(0x1008));
    assertEquals(2, vmclear.errorNumber()); // Table 31-1: 2 = VMCLEAR with invalid physical address
    assertTrue(vmclear.getMessage().endsWith("VMCLEAR 0x1008: a VMCS address must be 4-KByte aligned and fit the"
        + " 39-bit physical-address width"), vmclear.getMessage());
    VmFailValidException vmptrld = assertThrows(VmFailValidException.class, () -> vmcs.vmptrld(1L << 39));
    assertTrue(vmptrld.getMessage().endsWith("VMPTRLD 0x8000000000: a VMCS address must be 4-KByte aligned and fit"
        + " the 39-bit physical-address width"), vmptrld.getMessage());
  }

  @Test
  void revisionMismatchMessageSaysWhetherShadowingIsAllowed() {
    // SDM Vol. 3C 31.3 VMPTRLD: error 11 when rev[30:0] differs, or bit 31 is set and "VMCS shadowing" may not
    // be 1 (IA32_VMX_PROCBASED_CTLS2 bit 46, SDM Vol. 3D A.3.3).
    SoftwareVmcs plain = builder().msrs(Map.of(IA32_VMX_BASIC, 4L)).build();
    plain.writeRevisionIdentifier(0x2000, 5);
    VmFailValidException e = assertThrows(VmFailValidException.class, () -> plain.vmptrld(0x2000));
    assertEquals(11, e.errorNumber());
    assertTrue(e.getMessage().endsWith("bit 31 (shadow VMCS) is not allowed"), e.getMessage());
    SoftwareVmcs shadowing = builder().msrs(Map.of(IA32_VMX_BASIC, 4L, 0x48B, 1L << 46)).build();
    shadowing.writeRevisionIdentifier(0x2000, 5);
    VmFailValidException s = assertThrows(VmFailValidException.class, () -> shadowing.vmptrld(0x2000));
    assertTrue(s.getMessage().endsWith("bit 31 (shadow VMCS) is allowed"), s.getMessage());
  }

  @Test
  void readOnlyWriteMessageNamesTheAccess() {
    // SDM Table 31-1: 13 = VMWRITE to read-only VMCS component, for its full (0x2400) and high (0x2401) access.
    SoftwareVmcs vmcs = builder().build();
    VmFailValidException full = assertThrows(VmFailValidException.class,
        () -> vmcs.vmwrite(GUEST_PHYSICAL_ADDRESS.encoding(), 1));
    assertEquals(13, full.errorNumber());
    assertTrue(full.getMessage().contains("VMWRITE 0x2400: VmcsReadOnly64.GUEST_PHYSICAL_ADDRESS is a read-only"),
        full.getMessage());
    VmFailValidException high = assertThrows(VmFailValidException.class,
        () -> vmcs.vmwrite(GUEST_PHYSICAL_ADDRESS.encoding() + 1, 1));
    assertEquals(13, high.errorNumber());
    assertTrue(high.getMessage().contains(
        "VMWRITE 0x2401: VmcsReadOnly64.GUEST_PHYSICAL_ADDRESS (high access) is a read-only"), high.getMessage());
  }

  @Test
  void exitReasonOfAnEntryFailureFitsBits15To0() {
    // SDM Vol. 3C 25.9.1: the basic exit reason is bits 15:0, so 0 and 0xFFFF are the extremes.
    assertEquals(0, new EntryOutcome.EntryFailure(0, 0).basicExitReason());
    assertEquals(0xFFFF, new EntryOutcome.EntryFailure(0xFFFF, 0).basicExitReason());
  }

  @Test
  void catalogAndSupportAreTheBuiltOnes() {
    VmcsCatalog catalog = FakeField.catalog();
    SoftwareVmcs vmcs = SoftwareVmcs.builder().catalog(catalog).without(GUEST_RIP).build();
    assertSame(catalog, vmcs.catalog());
    // SDM Vol. 3C 25.11.2: full access of a field, high access (full + 1) of a 64-bit field only.
    assertTrue(vmcs.supports(GUEST_PHYSICAL_ADDRESS.encoding()));
    assertTrue(vmcs.supports(GUEST_PHYSICAL_ADDRESS.encoding() + 1));
    assertTrue(vmcs.supports(VM_INSTRUCTION_ERROR.encoding()));
    assertFalse(vmcs.supports(VM_INSTRUCTION_ERROR.encoding() + 1));
    assertFalse(vmcs.supports(GUEST_RIP.encoding()));
    List<Object> expected = new ArrayList<>(FakeField.ALL);
    expected.remove(GUEST_RIP);
    assertEquals(expected, List.copyOf(vmcs.supportedFields()));
  }

  @Test
  void fieldsWithHighIndexesKeepTheirOwnSlots() {
    // SDM Vol. 3C 25.11.2, Table 25-21: the index is bits 9:1 (0 to 511) and the type bits 11:10, so the
    // 16-bit control field of index 256 (0x0200), index 128 (0x0100) and the 16-bit fields of other types at
    // index 0 (0x0400, 0x0800) are four different fields.
    FakeField index256 = new FakeField("VmcsControl16", "INDEX_256", 0x0200, VmcsCategory.CONTROL, VmcsWidth.BITS_16);
    FakeField index128 = new FakeField("VmcsControl16", "INDEX_128", 0x0100, VmcsCategory.CONTROL, VmcsWidth.BITS_16);
    FakeField readOnly0 = new FakeField("VmcsReadOnly16", "INDEX_0", 0x0400, VmcsCategory.READ_ONLY, VmcsWidth.BITS_16);
    FakeField guest0 = new FakeField("VmcsGuest16", "INDEX_0", 0x0800, VmcsCategory.GUEST, VmcsWidth.BITS_16);
    SoftwareVmcs vmcs = SoftwareVmcs.builder()
        .catalog(VmcsCatalog.of(List.of(index256, index128, readOnly0, guest0, VM_INSTRUCTION_ERROR))).build();
    vmcs.put(index256.encoding(), 0x1111);
    vmcs.put(index128.encoding(), 0x2222);
    vmcs.put(readOnly0.encoding(), 0x3333);
    vmcs.put(guest0.encoding(), 0x4444);
    assertEquals(0x1111, vmcs.vmread(index256.encoding()));
    assertEquals(0x2222, vmcs.vmread(index128.encoding()));
    assertEquals(0x3333, vmcs.vmread(readOnly0.encoding()));
    assertEquals(0x4444, vmcs.vmread(guest0.encoding()));
  }

  @Test
  void entryChecksReadMsrsThroughTheView() {
    // The checks of SDM Vol. 3C 27.2 compare controls with the capability MSRs, which they read with RDMSR.
    long[] seen = new long[1];
    SoftwareVmcs vmcs = builder().msrs(Map.of(IA32_VMX_BASIC, 0x00DA_0400_0000_0004L)).entryCheck(current -> {
      seen[0] = current.rdmsr(IA32_VMX_BASIC);
      return EntryOutcome.entered();
    }).build();
    assertInstanceOf(EntryOutcome.Entered.class, vmcs.vmlaunch());
    assertEquals(0x00DA_0400_0000_0004L, seen[0]);
  }
}
