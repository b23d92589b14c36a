package dev.vmcscodegen.examples.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.encoding.HostWidth;
import dev.vmcscodegen.runtime.VmFailValidException;
import dev.vmcscodegen.runtime.VmcsCatalog;
import dev.vmcscodegen.encoding.VmcsCategory;
import dev.vmcscodegen.encoding.VmcsEncoding;
import dev.vmcscodegen.runtime.VmcsField;
import dev.vmcscodegen.runtime.VmcsValueOutOfRangeException;
import dev.vmcscodegen.encoding.VmcsWidth;
import dev.vmcscodegen.runtime.VmxInstructionError;
import dev.vmcscodegen.runtime.fields.VmcsFields;
import dev.vmcscodegen.runtime.fields.VmcsGuestNW;
import dev.vmcscodegen.runtime.software.SoftwareVmcs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated {@code Ext*} enums of {@code src/main/vmcs/extra-fields.spec}, on the software VMCS. */
class ExtensionFieldsTest {

  @Test
  void extensionFieldsHaveTheEncodingsTheirGroupsPrescribe() {
    // SDM Vol. 3C 25.11.2, Table 25-21: width bits 14:13, type bits 11:10, index bits 9:1 (0x1F0 here)
    assertEquals(VmcsEncoding.compose(VmcsWidth.BITS_16, VmcsCategory.CONTROL, 0x1F0),
        ExtControl16.VENDOR_FEATURE_SELECT.encoding());
    assertEquals(VmcsEncoding.compose(VmcsWidth.BITS_32, VmcsCategory.READ_ONLY, 0x1F0),
        ExtReadOnly32.VENDOR_EXIT_DETAIL.encoding());
    assertEquals(VmcsEncoding.compose(VmcsWidth.BITS_32, VmcsCategory.GUEST, 0x1F0), ExtGuest32.VENDOR_STATE.encoding());
    assertEquals(VmcsEncoding.compose(VmcsWidth.NATURAL, VmcsCategory.GUEST, 0x1F0),
        ExtGuestNW.VENDOR_SCRATCH.encoding());
    assertEquals(VmcsEncoding.compose(VmcsWidth.BITS_64, VmcsCategory.HOST, 0x1F0),
        ExtHost64.VENDOR_PAGE_ADDRESS.encoding());
    assertEquals(0x6BE0, ExtGuestNW.VENDOR_SCRATCH.encoding()); // the spec's literal, same as composed
  }

  @Test
  void catalogsCombineWithoutClashes() {
    VmcsCatalog all = ExtendedCatalog.ALL;
    assertEquals(VmcsFields.CATALOG.size() + ExtFields.CATALOG.size(), all.size());
    assertEquals(List.of(ExtControl16.VENDOR_FEATURE_SELECT, ExtReadOnly32.VENDOR_EXIT_DETAIL,
        ExtGuest32.VENDOR_STATE, ExtGuestNW.VENDOR_SCRATCH, ExtHost64.VENDOR_PAGE_ADDRESS),
        ExtFields.CATALOG.fields());
    assertEquals(ExtGuestNW.VENDOR_SCRATCH, all.byEncoding(0x6BE0).orElseThrow());
    assertEquals(ExtHost64.VENDOR_PAGE_ADDRESS, all.byName("ExtHost64.VENDOR_PAGE_ADDRESS").orElseThrow());
    assertEquals(VmcsGuestNW.RIP, all.byName("VmcsGuestNW.RIP").orElseThrow());
    assertFalse(VmcsFields.CATALOG.contains(0x6BE0));
  }

  @Test
  void extensionFieldsRoundTripThroughTheSoftwareVmcs() {
    SoftwareVmcs vmcs = ExtendedCatalog.softwareVmcs();
    ExtControl16.VENDOR_FEATURE_SELECT.write(vmcs, (short) 0xBEEF);
    ExtGuest32.VENDOR_STATE.write(vmcs, 0xDEAD_BEEF);
    ExtGuestNW.VENDOR_SCRATCH.write(vmcs, 0x1234_5678_9ABC_DEF0L);
    ExtHost64.VENDOR_PAGE_ADDRESS.write(vmcs, 0xFEDC_BA98_7654_3000L);
    VmcsGuestNW.RIP.write(vmcs, 0xFFFF_8000_0000_1000L);
    assertEquals((short) 0xBEEF, ExtControl16.VENDOR_FEATURE_SELECT.read(vmcs));
    assertEquals(0xDEAD_BEEF, ExtGuest32.VENDOR_STATE.read(vmcs));
    assertEquals(0x1234_5678_9ABC_DEF0L, ExtGuestNW.VENDOR_SCRATCH.read(vmcs));
    assertEquals(0xFEDC_BA98_7654_3000L, ExtHost64.VENDOR_PAGE_ADDRESS.read(vmcs));
    // SDM Vol. 3C 25.11.2: the high access (encoding + 1) reads bits 63:32 of a 64-bit field
    assertEquals(0xFEDC_BA98, ExtHost64.VENDOR_PAGE_ADDRESS.readHigh(vmcs));
    assertEquals(0xFFFF_8000_0000_1000L, VmcsGuestNW.RIP.read(vmcs));
  }

  @Test
  void sixtyFourBitExtensionFieldTakesTwoAccessesOnA32BitHost() {
    SoftwareVmcs vmcs = SoftwareVmcs.builder().catalog(ExtendedCatalog.ALL).hostWidth(HostWidth.BITS_32).build();
    ExtHost64.VENDOR_PAGE_ADDRESS.write(vmcs, 0x0000_0001_8000_0000L);
    assertEquals(0x0000_0001_8000_0000L, ExtHost64.VENDOR_PAGE_ADDRESS.read(vmcs));
    // a natural-width field is 32 bits wide on a 32-bit host (SDM Vol. 3C 25.11.2): nothing is cut silently
    assertThrows(VmcsValueOutOfRangeException.class, () -> ExtGuestNW.VENDOR_SCRATCH.write(vmcs, 1L << 32));
  }

  @Test
  void readOnlyExtensionFieldRejectsVmwriteAndProcessorsWithoutTheExtensionRejectItsFields() {
    SoftwareVmcs vmcs = ExtendedCatalog.softwareVmcs();
    VmcsField detail = ExtReadOnly32.VENDOR_EXIT_DETAIL;
    assertFalse(detail.isWritable());
    assertEquals(0, ExtReadOnly32.VENDOR_EXIT_DETAIL.read(vmcs));
    // SDM Vol. 3C 31.3 VMWRITE: a read-only data field (type 1) fails with VM-instruction error 13
    VmFailValidException readOnly = assertThrows(VmFailValidException.class, () -> vmcs.vmwrite(detail.encoding(), 1));
    assertEquals(VmxInstructionError.VMWRITE_READ_ONLY_COMPONENT, readOnly.error());
    // SDM Vol. 3C 31.3 VMREAD: an unsupported component fails with error 12
    SoftwareVmcs plain = SoftwareVmcs.create();
    VmFailValidException unsupported = assertThrows(VmFailValidException.class,
        () -> ExtGuest32.VENDOR_STATE.read(plain));
    assertEquals(VmxInstructionError.UNSUPPORTED_VMCS_COMPONENT, unsupported.error());
    assertTrue(ExtendedCatalog.ALL.contains(ExtGuest32.VENDOR_STATE.encoding()));
  }
}
