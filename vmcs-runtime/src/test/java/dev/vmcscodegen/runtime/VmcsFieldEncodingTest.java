package dev.vmcscodegen.runtime;

import dev.vmcscodegen.encoding.HostWidth;
import dev.vmcscodegen.encoding.VmcsWidth;
import dev.vmcscodegen.encoding.VmcsCategory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.runtime.fields.VmcsFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Edges of {@link VmcsAccess} and of the encoding enums that the broader tests leave open: which
 * encoding a failing high access reports, the words and name parts of {@link VmcsCategory} and
 * {@link VmcsWidth}, and {@link VmcsField#isWritable}.
 */
class VmcsFieldEncodingTest {

  /** A backend answering each encoding from a table and recording the encodings it was asked for. */
  private static final class Table implements VmxInstructions {
    final List<Integer> reads = new ArrayList<>();
    final HostWidth host;
    final Map<Integer, Long> values;

    Table(HostWidth host, Map<Integer, Long> values) {
      this.host = host;
      this.values = values;
    }

    @Override
    public long vmread(int encoding) {
      reads.add(encoding);
      return values.getOrDefault(encoding, 0L);
    }

    @Override
    public void vmwrite(int encoding, long value) {
      throw new AssertionError("no write expected");
    }

    @Override
    public HostWidth hostWidth() {
      return host;
    }
  }

  @Test
  void aTooWideHighHalfIsReportedAtTheHighEncoding() {
    // SDM Vol. 3C 25.11.2: the high access of the VMCS link pointer (full 0x2800) is 0x2801. Only the
    // high access returns too many bits, so the report must name 0x2801, not the full encoding or 0x27FF.
    Table backend = new Table(HostWidth.BITS_32, Map.of(0x2800, 0x1234L, 0x2801, 1L << 32));
    IllegalStateException read64 = assertThrows(IllegalStateException.class,
        () -> VmcsAccess.read64(backend, 0x2800));
    assertTrue(read64.getMessage().contains("encoding 0x2801"), read64.getMessage());
    assertEquals(List.of(0x2800, 0x2801), backend.reads);

    backend.reads.clear();
    IllegalStateException readHigh = assertThrows(IllegalStateException.class,
        () -> VmcsAccess.readHigh(backend, 0x2800));
    assertTrue(readHigh.getMessage().contains("encoding 0x2801"), readHigh.getMessage());
    assertEquals(List.of(0x2801), backend.reads);
  }

  @Test
  void highHalfComesFromFullPlusOne() {
    // SDM Vol. 3C 25.11.2: bits 63:32 of a 64-bit field are read through encoding full + 1.
    Table backend = new Table(HostWidth.BITS_32, Map.of(0x2010, 0x9ABC_DEF0L, 0x2011, 0x1234_5678L));
    assertEquals(0x1234_5678_9ABC_DEF0L, VmcsAccess.read64(backend, 0x2010));
    assertEquals(0x1234_5678, VmcsAccess.readHigh(backend, 0x2010));
  }

  @Test
  void specWordsAreThoseOfTheSpecFormat() {
    // The spec format (vmcs-fields.spec header, docs/DESIGN.md "Spec format"):
    // category: control | read-only | guest | host; width: 16 | 32 | 64 | natural.
    assertEquals("control", VmcsCategory.CONTROL.specName());
    assertEquals("read-only", VmcsCategory.READ_ONLY.specName());
    assertEquals("guest", VmcsCategory.GUEST.specName());
    assertEquals("host", VmcsCategory.HOST.specName());
    assertEquals("16", VmcsWidth.BITS_16.specName());
    assertEquals("32", VmcsWidth.BITS_32.specName());
    assertEquals("64", VmcsWidth.BITS_64.specName());
    assertEquals("natural", VmcsWidth.NATURAL.specName());
  }

  @Test
  void typeNamePartsSpellTheGeneratedGroupNames() {
    // Each generated enum is named Vmcs + category part + width part (VmcsGuestNW, VmcsReadOnly32, ...).
    assertEquals("VmcsGuestNW", "Vmcs" + VmcsCategory.GUEST.typeNamePart() + VmcsWidth.NATURAL.typeNamePart());
    assertEquals("VmcsReadOnly32", "Vmcs" + VmcsCategory.READ_ONLY.typeNamePart() + VmcsWidth.BITS_32.typeNamePart());
    assertEquals("VmcsControl64", "Vmcs" + VmcsCategory.CONTROL.typeNamePart() + VmcsWidth.BITS_64.typeNamePart());
    assertEquals("VmcsHost16", "Vmcs" + VmcsCategory.HOST.typeNamePart() + VmcsWidth.BITS_16.typeNamePart());
    for (VmcsField field : VmcsFields.CATALOG.fields()) {
      assertEquals(field.group(), "Vmcs" + field.category().typeNamePart() + field.width().typeNamePart(),
          field.qualifiedName());
    }
  }

  @Test
  void onlyReadOnlyDataFieldsAreNotWritable() {
    // SDM Vol. 3C 31.3 VMWRITE: writing a VM-exit information field (type 1) fails with error 13.
    assertFalse(FakeField.EXIT_REASON.isWritable());
    assertFalse(FakeField.GUEST_PHYSICAL_ADDRESS.isWritable());
    assertTrue(FakeField.CONTROL_VPID.isWritable());
    assertTrue(FakeField.GUEST_RIP.isWritable());
    assertTrue(FakeField.HOST_CR0.isWritable());
  }
}
