package dev.vmcscodegen.runtime;

import dev.vmcscodegen.encoding.VmcsWidth;
import dev.vmcscodegen.encoding.VmcsCategory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link VmcsCatalog}: lookup, order, {@code plus}, duplicates. */
class VmcsCatalogTest {

  @Test
  void keepsOrderAndFindsByEncoding() {
    VmcsCatalog catalog = FakeField.catalog();
    assertEquals(FakeField.ALL, catalog.fields());
    assertEquals(FakeField.ALL.size(), catalog.size());
    assertEquals(Optional.of(FakeField.GUEST_RIP), catalog.byEncoding(0x681E));
    assertTrue(catalog.contains(0x4400));
    // Lookup is by full-access encoding only: the high access 0x2801 is not a field of its own.
    assertEquals(Optional.empty(), catalog.byEncoding(0x2801));
    assertFalse(catalog.contains(0x681C));
  }

  @Test
  void findsByQualifiedAndUniqueBareName() {
    VmcsCatalog catalog = FakeField.catalog();
    assertEquals(Optional.of(FakeField.GUEST_CR0), catalog.byName("VmcsGuestNW.CR0"));
    assertEquals(Optional.of(FakeField.HOST_CR0), catalog.byName("VmcsHostNW.CR0"));
    assertEquals(Optional.of(FakeField.GUEST_RIP), catalog.byName("RIP"));
    // CR0 is both the guest's and the host's: ambiguous as a bare name.
    assertEquals(Optional.empty(), catalog.byName("CR0"));
    assertEquals(List.of(FakeField.HOST_CR0, FakeField.GUEST_CR0), catalog.allNamed("CR0"));
    assertEquals(Optional.empty(), catalog.byName("rip"));
    assertEquals(List.of(), catalog.allNamed("NOPE"));
  }

  @Test
  void rejectsDuplicateEncodings() {
    FakeField twin = new FakeField("VmcsGuestNW", "OTHER", 0x681E, VmcsCategory.GUEST, VmcsWidth.NATURAL);
    IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
        () -> VmcsCatalog.of(List.of(FakeField.GUEST_RIP, twin)));
    assertTrue(failure.getMessage().contains("0x681E"), failure.getMessage());
  }

  @Test
  void rejectsDuplicateQualifiedNames() {
    FakeField twin = new FakeField("VmcsGuestNW", "RIP", 0x681C, VmcsCategory.GUEST, VmcsWidth.NATURAL);
    assertThrows(IllegalArgumentException.class, () -> VmcsCatalog.of(List.of(FakeField.GUEST_RIP, twin)));
  }

  @Test
  void plusAppendsAndChecksDuplicates() {
    FakeField extension = new FakeField("MyGuestNW", "RIP", 0x6870, VmcsCategory.GUEST, VmcsWidth.NATURAL);
    VmcsCatalog base = FakeField.catalog();
    VmcsCatalog extended = base.plus(VmcsCatalog.of(List.of(extension)));
    assertEquals(base.size() + 1, extended.size());
    assertEquals(extension, extended.fields().get(base.size()));
    assertEquals(Optional.of(extension), extended.byEncoding(0x6870));
    // RIP is now ambiguous as a bare name.
    assertEquals(Optional.empty(), extended.byName("RIP"));
    assertEquals(FakeField.ALL.size(), base.size(), "the original catalog is unchanged");
    assertEquals(Optional.empty(), base.byEncoding(0x6870));
    assertThrows(IllegalArgumentException.class, () -> base.plus(base));
  }

  @Test
  void isImmutable() {
    assertThrows(UnsupportedOperationException.class, () -> FakeField.catalog().fields().clear());
  }
}
