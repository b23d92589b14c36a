package dev.vmcscodegen.runtime.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.runtime.VmcsField;
import dev.vmcscodegen.runtime.fields.VmcsFields;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The checker's field list agrees with the generated catalog (SDM Vol. 3D Appendix B). */
class EntryFieldsTest {

  @Test
  void everyEncodingIsTheCatalogFieldOfThatName() {
    assertTrue(EntryFields.names().size() > 100, "the list names the fields the checks read");
    EntryFields.names().forEach((encoding, name) -> {
      Optional<VmcsField> field = VmcsFields.CATALOG.byName(name);
      assertTrue(field.isPresent(), name + " is not in VmcsFields.CATALOG");
      assertEquals(encoding.intValue(), field.get().encoding(), name);
    });
  }

  @Test
  void everyCheckReadsOnlyNamedFields() {
    for (Check check : EntryChecker.standard().checks()) {
      for (int encoding : check.fields()) {
        assertTrue(EntryFields.names().containsKey(encoding),
            check.id() + String.format(" declares 0x%04X, which has no name", encoding));
      }
    }
  }
}
