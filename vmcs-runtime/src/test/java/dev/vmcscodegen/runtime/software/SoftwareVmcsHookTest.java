package dev.vmcscodegen.runtime.software;

import static dev.vmcscodegen.runtime.FakeField.EXIT_QUALIFICATION;
import static dev.vmcscodegen.runtime.FakeField.EXIT_REASON;
import static dev.vmcscodegen.runtime.FakeField.GUEST_ES_SELECTOR;
import static dev.vmcscodegen.runtime.FakeField.GUEST_RIP;
import static dev.vmcscodegen.runtime.FakeField.VM_INSTRUCTION_ERROR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.runtime.FakeField;
import dev.vmcscodegen.encoding.HostWidth;
import dev.vmcscodegen.runtime.VmcsCatalog;
import dev.vmcscodegen.encoding.VmcsCategory;
import dev.vmcscodegen.runtime.VmcsValueOutOfRangeException;
import dev.vmcscodegen.encoding.VmcsWidth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulation hooks (put, get, load), RDMSR, and what the builder refuses. */
class SoftwareVmcsHookTest {

  @Test
  void loadWritesReadOnlyFieldsWithoutAnError() {
    SoftwareVmcs vmcs = SoftwareVmcs.load(FakeField.catalog(),
        Map.of(EXIT_REASON.encoding(), 30L, EXIT_QUALIFICATION.encoding(), 0x3F8L));
    assertEquals(30, vmcs.vmread(EXIT_REASON.encoding()));
    assertEquals(0x3F8, vmcs.vmread(EXIT_QUALIFICATION.encoding()));
    assertEquals(0, vmcs.vmread(VM_INSTRUCTION_ERROR.encoding()));
  }

  @Test
  void putRejectsValuesTheFieldCannotHold() {
    SoftwareVmcs vmcs = SoftwareVmcs.builder().catalog(FakeField.catalog()).build();
    VmcsValueOutOfRangeException wide = assertThrows(VmcsValueOutOfRangeException.class,
        () -> vmcs.put(GUEST_ES_SELECTOR.encoding(), 0x1_0000));
    assertEquals(16, wide.bits());
    assertEquals(0, vmcs.get(GUEST_ES_SELECTOR.encoding()));
    SoftwareVmcs host32 = SoftwareVmcs.builder().catalog(FakeField.catalog()).hostWidth(HostWidth.BITS_32).build();
    assertThrows(VmcsValueOutOfRangeException.class, () -> host32.put(GUEST_RIP.encoding(), 1L << 32));
  }

  @Test
  void putAndGetTakeOnlySupportedFullEncodings() {
    SoftwareVmcs vmcs = SoftwareVmcs.builder().catalog(FakeField.catalog()).without(GUEST_RIP).build();
    assertThrows(IllegalArgumentException.class, () -> vmcs.put(GUEST_RIP.encoding(), 1));
    String high = assertThrows(IllegalArgumentException.class, () -> vmcs.get(0x2801)).getMessage();
    assertTrue(high.contains("high access"), high);
    assertThrows(IllegalArgumentException.class,
        () -> SoftwareVmcs.load(FakeField.catalog(), Map.of(0x681C, 1L)));
    assertThrows(IllegalArgumentException.class, () -> vmcs.put(0x681C, 1));
    SoftwareVmcs none = SoftwareVmcs.builder().catalog(FakeField.catalog()).noCurrentVmcs().build();
    assertThrows(IllegalStateException.class, () -> none.put(EXIT_REASON.encoding(), 1));
  }

  @Test
  void rdmsrReturnsGivenMsrsAndRefusesOthers() {
    SoftwareVmcs vmcs = SoftwareVmcs.builder().catalog(FakeField.catalog())
        .msrs(Map.of(0x480, 0x00DA_0400_0000_0004L)).build();
    assertEquals(0x00DA_0400_0000_0004L, vmcs.rdmsr(0x480));
    UnknownMsrException gp = assertThrows(UnknownMsrException.class, () -> vmcs.rdmsr(0x481));
    assertEquals(0x481, gp.msr());
  }

  @Test
  void builderRefusesFieldsOutsideTheCatalogAndMalformedEncodings() {
    VmcsCatalog catalog = VmcsCatalog.of(List.of(GUEST_RIP));
    assertThrows(IllegalArgumentException.class,
        () -> SoftwareVmcs.builder().catalog(catalog).without(EXIT_REASON).build());
    FakeField high = new FakeField("VmcsGuest64", "BAD", 0x2801, VmcsCategory.GUEST, VmcsWidth.BITS_64);
    FakeField reserved = new FakeField("VmcsGuestNW", "BAD", 0x781E, VmcsCategory.GUEST, VmcsWidth.NATURAL);
    FakeField wrongWidth = new FakeField("VmcsGuest32", "BAD", 0x681E, VmcsCategory.GUEST, VmcsWidth.BITS_32);
    for (FakeField bad : List.of(high, reserved, wrongWidth)) {
      assertThrows(IllegalArgumentException.class,
          () -> SoftwareVmcs.builder().catalog(VmcsCatalog.of(List.of(bad))).build(), bad.toString());
    }
    assertThrows(IllegalArgumentException.class, () -> SoftwareVmcs.builder().currentVmcs(0x1008).build());
    assertThrows(IllegalArgumentException.class, () -> SoftwareVmcs.builder().physicalAddressWidth(53));
  }
}
