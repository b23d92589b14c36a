package dev.vmcscodegen.runtime.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.vmcscodegen.runtime.fields.VmcsEncodings;
import dev.vmcscodegen.encoding.HostWidth;
import dev.vmcscodegen.runtime.VmFailValidException;
import dev.vmcscodegen.runtime.VmcsCatalog;
import dev.vmcscodegen.runtime.VmxInstructionError;
import dev.vmcscodegen.runtime.VmxInstructions;
import dev.vmcscodegen.runtime.fields.VmcsFields;
import dev.vmcscodegen.runtime.fields.VmcsGuestNW;
import dev.vmcscodegen.runtime.software.SoftwareVmcs;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The VMCS image's set operations, equality, text form, reading from a backend, and the text format's numbers. */
class VmcsImageTest {

  private static final int CR0 = VmcsEncodings.GUEST_CR0;
  private static final int RIP = VmcsEncodings.GUEST_RIP;

  @Test
  void containsAndSizeCountPresentFieldsOnly() {
    VmcsImage image = VmcsImage.empty().with(CR0, 0).with(RIP, 0xFFF0);
    assertTrue(image.contains(CR0));
    assertTrue(image.contains(RIP));
    assertFalse(image.contains(VmcsEncodings.GUEST_RSP));
    assertEquals(2, image.size());
    assertEquals(0, VmcsImage.empty().size());
  }

  @Test
  void ofTakesEveryEntryAndValidatesWidths() {
    VmcsImage image = VmcsImage.of(Map.of(CR0, 0x31L, RIP, 0xFFF0L));
    assertEquals(Map.of(CR0, 0x31L, RIP, 0xFFF0L), image.values());
    // The guest CS selector is 16 bits wide (SDM Vol. 3C Table 25-21, encoding bits 14:13 = 0).
    assertThrows(IllegalArgumentException.class,
        () -> VmcsImage.of(Map.of(VmcsEncodings.GUEST_CS_SELECTOR, 0x1_0000L)));
  }

  @Test
  void withoutAndWithAllReturnChangedCopies() {
    VmcsImage base = VmcsImage.empty().with(CR0, 0x31).with(RIP, 0xFFF0);
    VmcsImage noRip = base.without(RIP);
    assertEquals(Map.of(CR0, 0x31L), noRip.values());
    assertEquals(2, base.size());
    assertSame(noRip, noRip.without(RIP));
    VmcsImage over = VmcsImage.empty().with(RIP, 0x1000).with(VmcsEncodings.GUEST_RSP, 0x8000);
    VmcsImage merged = base.withAll(over);
    assertEquals(Map.of(CR0, 0x31L, RIP, 0x1000L, VmcsEncodings.GUEST_RSP, 0x8000L), merged.values());
    assertEquals(Map.of(CR0, 0x31L, RIP, 0xFFF0L), base.values());
  }

  @Test
  void equalityIsByFieldsAndValues() {
    VmcsImage a = VmcsImage.empty().with(CR0, 0x31).with(RIP, 0xFFF0);
    VmcsImage b = VmcsImage.empty().with(RIP, 0xFFF0).with(CR0, 0x31);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    VmcsImage other = a.with(RIP, 0xFFF1);
    assertNotEquals(a, other);
    assertNotEquals(a.hashCode(), other.hashCode());
    assertNotEquals(a, a.without(RIP));
    assertFalse(a.equals(a.values()));
  }

  @Test
  void toStringListsEachFieldWithNameEncodingAndValue() {
    assertEquals("VmcsImage[]", VmcsImage.empty().toString());
    String nl = System.lineSeparator();
    assertEquals("VmcsImage[" + nl + "  VmcsGuestNW.CR0 (0x6800) = 0x31" + nl + "  VmcsGuestNW.RIP (0x681E) = 0xFFF0\n]",
        VmcsImage.empty().with(RIP, 0xFFF0).with(CR0, 0x31).toString());
  }

  @Test
  void readLeavesUnsupportedFieldsAbsent() {
    // SDM Vol. 3C 31.4, Table 31-1: VMREAD of an unsupported component fails with error 12.
    SoftwareVmcs vmcs = SoftwareVmcs.builder().without(VmcsGuestNW.RIP).build();
    vmcs.put(CR0, 0x31);
    VmcsImage image = VmcsImage.read(vmcs, VmcsCatalog.of(List.of(VmcsGuestNW.CR0, VmcsGuestNW.RIP)));
    assertEquals(Map.of(CR0, 0x31L), image.values());
  }

  @Test
  void readPassesOnAnyOtherVmreadFailure() {
    VmxInstructions failing = new VmxInstructions() {
      @Override
      public long vmread(int encoding) {
        throw new VmFailValidException(VmxInstructionError.VMWRITE_READ_ONLY_COMPONENT, "VMREAD");
      }

      @Override
      public void vmwrite(int encoding, long value) {
        throw new UnsupportedOperationException();
      }

      @Override
      public HostWidth hostWidth() {
        return HostWidth.BITS_64;
      }
    };
    VmFailValidException e = assertThrows(VmFailValidException.class,
        () -> VmcsImage.read(failing, VmcsCatalog.of(List.of(VmcsGuestNW.CR0))));
    assertEquals(13, e.errorNumber());
  }

  @Test
  void textNumbersTakeUpTo16HexDigits() {
    VmcsImage max = VmcsImageText.parse("VmcsGuestNW.RIP 0xFFFFFFFFFFFFFFFF", VmcsFields.CATALOG);
    assertEquals(OptionalLong.of(-1L), max.value(RIP));
    assertEquals(OptionalLong.of(0x1234_5678L),
        VmcsImageText.parse("VmcsGuestNW.RIP 0x1234_5678", VmcsFields.CATALOG).value(RIP));
    IllegalArgumentException wide = assertThrows(IllegalArgumentException.class,
        () -> VmcsImageText.parse("VmcsGuestNW.RIP 0x1FFFFFFFFFFFFFFFF", VmcsFields.CATALOG));
    assertEquals("line 1: '0x1FFFFFFFFFFFFFFFF' is not a number (hexadecimal with 0x, or decimal, up to 64 bits)",
        wide.getMessage());
    assertThrows(IllegalArgumentException.class, () -> VmcsImageText.parse("VmcsGuestNW.RIP 0x", VmcsFields.CATALOG));
  }

  @Test
  void textRoundTripKeepsEveryField() {
    Map<Integer, Long> values = new TreeMap<>(Map.of(CR0, 0x8000_0031L, RIP, -1L, VmcsEncodings.VIRTUAL_PROCESSOR_ID, 1L));
    VmcsImage image = VmcsImage.of(values);
    assertEquals(image, VmcsImageText.parse(VmcsImageText.format(image, VmcsFields.CATALOG), VmcsFields.CATALOG));
  }
}
