package dev.vmcscodegen.runtime.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.encoding.HostWidth;
import dev.vmcscodegen.runtime.VmFailInvalidException;
import dev.vmcscodegen.runtime.VmFailValidException;
import dev.vmcscodegen.runtime.VmcsCatalog;
import dev.vmcscodegen.runtime.VmcsValueOutOfRangeException;
import dev.vmcscodegen.runtime.VmxInstructionError;
import dev.vmcscodegen.runtime.VmxInstructions;
import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.fields.VmcsEncodings;
import dev.vmcscodegen.runtime.fields.VmcsFields;
import dev.vmcscodegen.runtime.fields.VmcsGuest16;
import dev.vmcscodegen.runtime.fields.VmcsGuest64;
import dev.vmcscodegen.runtime.fields.VmcsGuestNW;
import dev.vmcscodegen.runtime.software.SoftwareVmcs;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The VMCS image: its values and set operations, reading it from a backend, and rendering it for people. */
class VmcsImageTest {

  private static final int CR0 = VmcsEncodings.GUEST_CR0;
  private static final int RIP = VmcsEncodings.GUEST_RIP;

  @Nested
  class Values {

    @Test
    void containsAndSizeCountPresentFieldsOnly() {
      VmcsImage image = VmcsImage.empty().with(CR0, 0).with(RIP, 0xFFF0);
      assertTrue(image.contains(CR0));
      assertTrue(image.contains(RIP));
      assertFalse(image.contains(VmcsEncodings.GUEST_RSP));
      assertEquals(2, image.size());
      assertEquals(0, VmcsImage.empty().size());
      assertEquals(OptionalLong.of(0), image.value(CR0));
      assertEquals(OptionalLong.empty(), image.value(VmcsEncodings.GUEST_RSP));
    }

    @Test
    void ofTakesEveryEntryAndValidatesWidths() {
      VmcsImage image = VmcsImage.of(Map.of(CR0, 0x31L, RIP, 0xFFF0L));
      assertEquals(Map.of(CR0, 0x31L, RIP, 0xFFF0L), image.values());
      // The guest CS selector is 16 bits wide (SDM Vol. 3C Table 25-21, encoding bits 14:13 = 0).
      assertThrows(VmcsValueOutOfRangeException.class,
          () -> VmcsImage.of(Map.of(VmcsEncodings.GUEST_CS_SELECTOR, 0x1_0000L)));
      assertEquals(16, image.bits(VmcsEncodings.GUEST_CS_SELECTOR));
      assertEquals(4, image.hexDigits(VmcsEncodings.GUEST_CS_SELECTOR));
    }

    @Test
    void onlyFullAccessEncodingsAreFields() {
      // SDM Vol. 3C Table 25-21: bit 0 is the access type (1 = high half of a 64-bit field); bits 12 and
      // 15 and 31:16 are reserved.
      IllegalArgumentException high = assertThrows(IllegalArgumentException.class,
          () -> VmcsImage.empty().with(VmcsEncodings.GUEST_VMCS_LINK_POINTER + 1, 0));
      assertTrue(high.getMessage().startsWith("0x2801 is not a full-access VMCS field encoding"), high.getMessage());
      assertThrows(IllegalArgumentException.class, () -> VmcsImage.empty().with(0x1_0000 | CR0, 0));
      assertThrows(IllegalArgumentException.class, () -> VmcsImage.empty().with(0x1000 | CR0, 0));
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
      assertEquals("VmcsImage[" + nl + "  VmcsGuestNW.CR0 (0x6800) = 0x31" + nl
              + "  VmcsGuestNW.RIP (0x681E) = 0xFFF0\n]",
          VmcsImage.empty().with(RIP, 0xFFF0).with(CR0, 0x31).toString());
    }
  }

  @Nested
  class Read {

    private final VmxCapabilities sample = VmxCapabilities.sample();

    @Test
    void readLeavesUnsupportedFieldsAbsentAndListsThem() {
      // SDM Vol. 3C 31.4, Table 31-1: VMREAD of an unsupported component fails with error 12.
      SoftwareVmcs vmcs = SoftwareVmcs.builder().without(VmcsGuestNW.RIP).build();
      vmcs.put(CR0, 0x31);
      VmcsImage image = VmcsImage.read(vmcs, VmcsCatalog.of(List.of(VmcsGuestNW.CR0, VmcsGuestNW.RIP)));
      assertEquals(Map.of(CR0, 0x31L), image.values());
      assertEquals(List.of(VmcsGuestNW.RIP), image.unsupported());
    }

    @Test
    void readOfTheWholeCatalogSkipsUnsupportedFieldsAndReadsTheRest() {
      SoftwareVmcs vmx = SoftwareVmcs.builder().msrs(sample.msrs())
          .without(VmcsGuest64.IA32_BNDCFGS, VmcsGuest64.IA32_RTIT_CTL).build();
      VmcsGuestNW.RIP.write(vmx, 0xFFFF_FFFF_828E_3A0CL);
      VmcsGuest16.CS_SELECTOR.write(vmx, (short) 0x10);
      VmcsImage image = VmcsImage.read(vmx);
      assertEquals(List.of(VmcsGuest64.IA32_BNDCFGS, VmcsGuest64.IA32_RTIT_CTL), image.unsupported());
      assertEquals(VmcsFields.CATALOG.size() - 2, image.size());
      assertEquals(OptionalLong.of(0xFFFF_FFFF_828E_3A0CL), image.value(RIP));
      assertEquals(OptionalLong.empty(), image.value(VmcsGuest64.IA32_BNDCFGS.encoding()));
      assertEquals(HostWidth.BITS_64, image.hostWidth());
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
      SoftwareVmcs none = SoftwareVmcs.builder().msrs(sample.msrs()).noCurrentVmcs().build();
      assertThrows(VmFailInvalidException.class, () -> VmcsImage.read(none));
    }

    @Test
    void naturalWidthFieldsHaveTheHostsWidth() {
      // SDM Vol. 3C 25.11.2: natural-width fields are 32 bits on a processor without Intel 64.
      SoftwareVmcs vmx = SoftwareVmcs.builder().msrs(sample.msrs()).hostWidth(HostWidth.BITS_32).build();
      VmcsImage image = VmcsImage.read(vmx);
      assertEquals(HostWidth.BITS_32, image.hostWidth());
      assertEquals(32, image.bits(RIP));
      assertThrows(VmcsValueOutOfRangeException.class, () -> image.with(RIP, 1L << 32));
      // The same values of a 64-bit host are another image.
      assertEquals(HostWidth.BITS_64, VmcsImage.of(image.values()).hostWidth());
      assertNotEquals(image, VmcsImage.of(image.values()));
    }
  }

  @Nested
  class Render {

    private final VmxCapabilities sample = VmxCapabilities.sample();

    @Test
    void rendersAnAlignedTableWithHexOfTheFieldWidth() {
      SoftwareVmcs vmx = SoftwareVmcs.builder().msrs(sample.msrs()).without(VmcsGuest64.IA32_BNDCFGS).build();
      VmcsGuestNW.RIP.write(vmx, 0xFFFF_FFFF_828E_3A0CL);
      VmcsGuest16.CS_SELECTOR.write(vmx, (short) 0x10);
      String text = VmcsImage.read(vmx).render();
      List<String> lines = text.lines().toList();
      assertTrue(lines.get(0).startsWith("GROUP"));
      int encodingColumn = lines.get(0).indexOf("ENCODING");
      int valueColumn = lines.get(0).indexOf("VALUE");
      for (String line : lines.subList(1, lines.size() - 1)) {
        assertEquals("0x", line.substring(encodingColumn, encodingColumn + 2), line);
        assertEquals("0x", line.substring(valueColumn, valueColumn + 2), line);
      }
      // 16-bit fields show 4 digits, natural-width 16 on a 64-bit host, 32-bit fields 8
      assertTrue(lines.stream().anyMatch(line -> line.matches("VmcsGuest16\\s+CS_SELECTOR\\s+0x0802\\s+0x0010")), text);
      assertTrue(lines.stream().anyMatch(line -> line.matches("VmcsGuestNW\\s+RIP\\s+0x681E\\s+0xFFFFFFFF828E3A0C")),
          text);
      assertTrue(lines.stream().anyMatch(line -> line.matches("VmcsReadOnly32\\s+EXIT_REASON\\s+0x4402\\s+0x00000000")),
          text);
      assertEquals((VmcsFields.CATALOG.size() - 1) + " fields; 1 unsupported, skipped: VmcsGuest64.IA32_BNDCFGS",
          lines.get(lines.size() - 1), text);
    }

    @Test
    void naturalWidthFieldsShowEightDigitsOnA32BitHost() {
      SoftwareVmcs vmx = SoftwareVmcs.builder().msrs(sample.msrs()).hostWidth(HostWidth.BITS_32).build();
      String text = VmcsImage.read(vmx).render();
      assertTrue(text.lines().anyMatch(line -> line.matches("VmcsGuestNW\\s+RIP\\s+0x681E\\s+0x00000000")), text);
    }

    @Test
    void fieldsTheCatalogLacksAreRenderedByEncodingAfterTheOthers() {
      VmcsImage image = VmcsImage.empty().with(RIP, 0xFFF0).with(CR0, 0x31);
      String nl = System.lineSeparator();
      assertEquals("GROUP        FIELD   ENCODING  VALUE" + nl
          + "VmcsGuestNW  RIP     0x681E    0x000000000000FFF0" + nl
          + "-            0x6800  0x6800    0x0000000000000031" + nl
          + "2 fields" + nl, image.render(VmcsCatalog.of(List.of(VmcsGuestNW.RIP))));
    }
  }
}
