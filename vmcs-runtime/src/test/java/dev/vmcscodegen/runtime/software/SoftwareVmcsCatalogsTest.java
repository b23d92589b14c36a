package dev.vmcscodegen.runtime.software;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.encoding.VmcsCategory;
import dev.vmcscodegen.encoding.VmcsWidth;
import dev.vmcscodegen.runtime.FakeField;
import dev.vmcscodegen.runtime.VmFailValidException;
import dev.vmcscodegen.runtime.VmcsCatalog;
import dev.vmcscodegen.runtime.VmxInstructionError;
import dev.vmcscodegen.runtime.fields.VmcsFields;
import dev.vmcscodegen.runtime.fields.VmcsGuestNW;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A project's own fields on the software VMCS: {@link SoftwareVmcs#withCatalogs}, {@code addCatalogs}. */
class SoftwareVmcsCatalogsTest {

  /** Index 0x1F0 (SDM Vol. 3C 25.11.2, Table 25-21 layout): no SDM field uses it. */
  private static final FakeField VENDOR_STATE =
      new FakeField("ExtGuest32", "VENDOR_STATE", 0x4BE0, VmcsCategory.GUEST, VmcsWidth.BITS_32);
  private static final FakeField VENDOR_SELECT =
      new FakeField("ExtControl16", "VENDOR_SELECT", 0x03E0, VmcsCategory.CONTROL, VmcsWidth.BITS_16);

  @Test
  void createKnowsOnlyTheBaseFields() {
    VmFailValidException unsupported = assertThrows(VmFailValidException.class,
        () -> SoftwareVmcs.create().vmread(VENDOR_STATE.encoding()));
    // SDM Vol. 3C 31.4: VMREAD/VMWRITE of an unsupported component is error 12
    assertEquals(VmxInstructionError.UNSUPPORTED_VMCS_COMPONENT, unsupported.error());
  }

  @Test
  void withCatalogsSupportsBaseAndOwnFields() {
    SoftwareVmcs vmcs = SoftwareVmcs.withCatalogs(VmcsCatalog.of(List.of(VENDOR_STATE)),
        VmcsCatalog.of(List.of(VENDOR_SELECT)));
    vmcs.vmwrite(VENDOR_STATE.encoding(), 0xDEAD_BEEFL);
    vmcs.vmwrite(VENDOR_SELECT.encoding(), 0xBEEFL);
    VmcsGuestNW.RIP.write(vmcs, 0x1000L);
    assertEquals(0xDEAD_BEEFL, vmcs.vmread(VENDOR_STATE.encoding()));
    assertEquals(0xBEEFL, vmcs.vmread(VENDOR_SELECT.encoding()));
    assertEquals(0x1000L, VmcsGuestNW.RIP.read(vmcs));
    assertEquals(VmcsFields.CATALOG.size() + 2, vmcs.catalog().size());
  }

  @Test
  void addCatalogsExtendsACatalogSetBefore() {
    VmcsCatalog small = VmcsCatalog.of(List.of(FakeField.GUEST_RIP));
    SoftwareVmcs vmcs = SoftwareVmcs.builder().catalog(small).addCatalogs(VmcsCatalog.of(List.of(VENDOR_STATE)))
        .build();
    assertEquals(List.of(FakeField.GUEST_RIP, VENDOR_STATE), vmcs.catalog().fields());
  }

  @Test
  void anOwnFieldRepeatingABaseEncodingIsRejected() {
    FakeField clash = new FakeField("ExtGuestNW", "MY_RIP", 0x681E, VmcsCategory.GUEST, VmcsWidth.NATURAL);
    assertThrows(IllegalArgumentException.class, () -> SoftwareVmcs.withCatalogs(VmcsCatalog.of(List.of(clash))));
    assertTrue(SoftwareVmcs.withCatalogs().catalog().contains(0x681E));
  }
}
