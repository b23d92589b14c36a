package dev.vmcscodegen.runtime.exit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class EptViolationQualificationTest {

  @Test
  void writeToReadOnlyTranslatedPage() {
    // SDM Vol. 3C 28.2.1 "Exit Qualification for EPT Violations": bit 1 data write, bit 3 readable,
    // bit 5 executable, bit 7 guest-linear address valid, bit 8 translation of a linear address.
    EptViolationQualification ept = EptViolationQualification.decode(0x1AAL);
    assertTrue(ept.dataWrite());
    assertFalse(ept.dataRead());
    assertTrue(ept.readable());
    assertFalse(ept.writable());
    assertTrue(ept.executable());
    assertTrue(ept.guestLinearAddressValid());
    assertTrue(ept.linearAddressTranslation());
    assertFalse(ept.notPresent());
  }

  @Test
  void readOfNotPresentPage() {
    // Same table: bit 0 data read, bits 5:3 clear (no EPT permission: not present).
    EptViolationQualification ept = EptViolationQualification.decode(0x181L);
    assertTrue(ept.dataRead());
    assertTrue(ept.notPresent());
  }

  @Test
  void eachBitLandsInItsComponent() {
    // Same table, bits 0 to 16 in order.
    List<Predicate<EptViolationQualification>> byBit = List.of(
      EptViolationQualification::dataRead,
      EptViolationQualification::dataWrite,
      EptViolationQualification::instructionFetch,
      EptViolationQualification::readable,
      EptViolationQualification::writable,
      EptViolationQualification::executable,
      EptViolationQualification::userModeExecutable,
      EptViolationQualification::guestLinearAddressValid,
      EptViolationQualification::linearAddressTranslation,
      EptViolationQualification::userModeLinearAddress,
      EptViolationQualification::readWriteLinearAddress,
      EptViolationQualification::executeDisableLinearAddress,
      EptViolationQualification::nmiUnblockingDueToIret,
      EptViolationQualification::shadowStackAccess,
      EptViolationQualification::supervisorShadowStack,
      EptViolationQualification::guestPagingVerification,
      EptViolationQualification::asynchronousToInstruction);
    for (int bit = 0; bit < byBit.size(); bit++) {
      EptViolationQualification one = EptViolationQualification.decode(1L << bit);
      for (int other = 0; other < byBit.size(); other++) {
        assertEquals(other == bit, byBit.get(other).test(one), "bit " + bit + ", component " + other);
      }
      assertEquals(0, one.reservedBits());
    }
    assertEquals(1L << 17, EptViolationQualification.decode(1L << 17).reservedBits());
    assertEquals(1L << 63, EptViolationQualification.decode(1L << 63).reservedBits());
  }

  @Test
  void constructorRejectsStrayReservedBits() {
    assertThrows(IllegalArgumentException.class, () -> new EptViolationQualification(
        false, false, false, false, false, false, false, false, false, false, false, false, false,
        false, false, false, false, 1L));
  }
}
