package dev.vmcscodegen.runtime.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.runtime.fields.VmcsFields;
import dev.vmcscodegen.runtime.image.VmcsImage;
import org.junit.jupiter.api.Test;

/** The fields the check rows declare are fields of the generated catalog, and messages name them by it. */
class CheckFieldsTest {

  @Test
  void everyCheckDeclaresOnlyCatalogFields() {
    for (Check check : EntryChecker.standard().checks()) {
      for (int encoding : check.fields()) {
        assertTrue(VmcsFields.CATALOG.contains(encoding),
            check.id() + String.format(" declares 0x%04X, which is not a field of VmcsFields.CATALOG", encoding));
      }
    }
  }

  @Test
  void anAbsentFieldIsNamedByItsQualifiedCatalogName() {
    // SDM Vol. 3D B.4.3: guest CR0 is 6800H; B.4.4: host CR0 is 6C00H. 7FFEH encodes no field.
    assertEquals("VmcsGuestNW.CR0", VmcsFields.CATALOG.nameOf(0x6800));
    assertEquals("VmcsHostNW.CR0", VmcsFields.CATALOG.nameOf(0x6C00));
    assertEquals("0x7FFE", VmcsFields.CATALOG.nameOf(0x7FFE));
    MissingInputException missing = org.junit.jupiter.api.Assertions.assertThrows(MissingInputException.class,
        () -> new EntryState(VmcsImage.empty(), Baselines.capabilities(), ProcessorFacts.defaults(), null)
            .field(0x6800));
    assertEquals("VmcsGuestNW.CR0 (0x6800) is absent", missing.getMessage());
  }
}
