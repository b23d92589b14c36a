package dev.vmcscodegen.runtime;

import dev.vmcscodegen.encoding.HostWidth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link VmcsAccess}: too-wide values are refused before anything is written, and a backend that
 * returns more bits than the field has is reported, so nothing is lost silently.
 */
class VmcsAccessTest {

  /** A backend that records every access and answers every VMREAD with a fixed value. */
  private static final class Recorder implements VmxInstructions {
    final List<String> accesses = new ArrayList<>();
    final HostWidth host;
    final long answer;

    Recorder(HostWidth host, long answer) {
      this.host = host;
      this.answer = answer;
    }

    @Override
    public long vmread(int encoding) {
      accesses.add(String.format("read %04X", encoding));
      return answer;
    }

    @Override
    public void vmwrite(int encoding, long value) {
      accesses.add(String.format("write %04X %X", encoding, value));
    }

    @Override
    public HostWidth hostWidth() {
      return host;
    }
  }

  @Test
  void writeValueRejectsValuesWiderThanTheField() {
    Recorder backend = new Recorder(HostWidth.BITS_64, 0);
    VmcsValueOutOfRangeException sixteen = assertThrows(VmcsValueOutOfRangeException.class,
        () -> FakeField.GUEST_ES_SELECTOR.writeValue(backend, 0x1_0000));
    assertEquals(16, sixteen.bits());
    assertEquals(0x0800, sixteen.encoding());
    assertEquals(0x1_0000, sixteen.value());
    assertThrows(VmcsValueOutOfRangeException.class, () -> FakeField.GUEST_ES_LIMIT.writeValue(backend, 1L << 32));
    assertThrows(VmcsValueOutOfRangeException.class, () -> FakeField.GUEST_ES_LIMIT.writeValue(backend, -1L));
    assertEquals(List.of(), backend.accesses, "nothing was written");
    // The widest values that fit are accepted.
    FakeField.GUEST_ES_SELECTOR.writeValue(backend, 0xFFFF);
    FakeField.GUEST_ES_LIMIT.writeValue(backend, 0xFFFF_FFFFL);
    FakeField.GUEST_RIP.writeValue(backend, -1L);
    assertEquals(List.of("write 0800 FFFF", "write 4800 FFFFFFFF", "write 681E FFFFFFFFFFFFFFFF"), backend.accesses);
  }

  @Test
  void naturalWidthIs32BitsOnA32BitHost() {
    Recorder backend = new Recorder(HostWidth.BITS_32, 0);
    // SDM 25.11.2: natural-width fields are accessed as 32 bits outside IA-32e mode.
    VmcsValueOutOfRangeException failure = assertThrows(VmcsValueOutOfRangeException.class,
        () -> FakeField.GUEST_RIP.writeValue(backend, 1L << 32));
    assertEquals(32, failure.bits());
    assertThrows(VmcsValueOutOfRangeException.class,
        () -> VmcsAccess.writeNatural(backend, 0x681E, 1L << 32, "RIP"));
    assertEquals(List.of(), backend.accesses);
  }

  @Test
  void sixtyFourBitFieldsTakeTwoAccessesOnA32BitHostLowFirst() {
    Recorder backend = new Recorder(HostWidth.BITS_32, 0);
    FakeField.GUEST_VMCS_LINK_POINTER.writeValue(backend, 0x1234_5678_9ABC_DEF0L);
    // SDM 25.11.2: full access (0x2800) for bits 31:0, high access (0x2801) for bits 63:32. The full write
    // clears bits 63:32 (SDM 31.3 VMWRITE), so it must come first.
    assertEquals(List.of("write 2800 9ABCDEF0", "write 2801 12345678"), backend.accesses);
    backend.accesses.clear();
    FakeField.GUEST_VMCS_LINK_POINTER.readValue(backend);
    assertEquals(List.of("read 2800", "read 2801"), backend.accesses);
  }

  @Test
  void readsRefuseBackendsThatReturnTooManyBits() {
    Recorder sloppy = new Recorder(HostWidth.BITS_64, 0x1_0000);
    IllegalStateException sixteen = assertThrows(IllegalStateException.class,
        () -> VmcsAccess.read16(sloppy, 0x0800));
    assertTrue(sixteen.getMessage().contains("0x0800"), sixteen.getMessage());
    Recorder sloppy32 = new Recorder(HostWidth.BITS_64, 1L << 32);
    assertThrows(IllegalStateException.class, () -> VmcsAccess.read32(sloppy32, 0x4800));
    assertThrows(IllegalStateException.class, () -> VmcsAccess.readHigh(sloppy32, 0x2800));
    Recorder sloppyHost32 = new Recorder(HostWidth.BITS_32, 1L << 32);
    assertThrows(IllegalStateException.class, () -> VmcsAccess.readNatural(sloppyHost32, 0x681E));
    assertThrows(IllegalStateException.class, () -> VmcsAccess.read64(sloppyHost32, 0x2800));
    // A natural-width field on a 64-bit host may use all 64 bits.
    assertEquals(1L << 32, VmcsAccess.readNatural(sloppy32, 0x681E));
  }

  @Test
  void readValueZeroExtends() {
    assertEquals(0xFFFFL, FakeField.GUEST_ES_SELECTOR.readValue(new Recorder(HostWidth.BITS_64, 0xFFFF)));
    assertEquals(0xFFFF_FFFFL, FakeField.GUEST_ES_LIMIT.readValue(new Recorder(HostWidth.BITS_64, 0xFFFF_FFFFL)));
    assertEquals(0xFFFF_FFFF_FFFF_FFFFL,
        FakeField.GUEST_VMCS_LINK_POINTER.readValue(new Recorder(HostWidth.BITS_32, 0xFFFF_FFFFL)));
  }
}
