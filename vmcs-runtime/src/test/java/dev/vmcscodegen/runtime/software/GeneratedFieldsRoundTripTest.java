package dev.vmcscodegen.runtime.software;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import dev.vmcscodegen.encoding.HostWidth;
import dev.vmcscodegen.runtime.VmcsField;
import dev.vmcscodegen.runtime.VmcsValueOutOfRangeException;
import dev.vmcscodegen.runtime.VmxInstructions;
import dev.vmcscodegen.runtime.WritableVmcsField;
import dev.vmcscodegen.runtime.fields.VmcsControl16;
import dev.vmcscodegen.runtime.fields.VmcsControl32;
import dev.vmcscodegen.runtime.fields.VmcsControl64;
import dev.vmcscodegen.runtime.fields.VmcsControlNW;
import dev.vmcscodegen.runtime.fields.VmcsFields;
import dev.vmcscodegen.runtime.fields.VmcsGuest16;
import dev.vmcscodegen.runtime.fields.VmcsGuest32;
import dev.vmcscodegen.runtime.fields.VmcsGuest64;
import dev.vmcscodegen.runtime.fields.VmcsGuestNW;
import dev.vmcscodegen.runtime.fields.VmcsHost16;
import dev.vmcscodegen.runtime.fields.VmcsHost32;
import dev.vmcscodegen.runtime.fields.VmcsHost64;
import dev.vmcscodegen.runtime.fields.VmcsHostNW;
import dev.vmcscodegen.runtime.fields.VmcsReadOnly32;
import dev.vmcscodegen.runtime.fields.VmcsReadOnly64;
import dev.vmcscodegen.runtime.fields.VmcsReadOnlyNW;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every constant of every generated enum, through its typed {@code read}/{@code write} (and
 * {@code readHigh}/{@code writeHigh} for 64-bit fields) and through {@code readValue}/{@code writeValue},
 * on the software backend in both host widths. 64-bit halves are checked through {@code readHigh} and
 * through a raw VMREAD of encoding + 1 (SDM Vol. 3C 25.11.2: the high access reads bits 63:32).
 */
class GeneratedFieldsRoundTripTest {

  private static final long LOW_32 = 0xFFFF_FFFFL;
  private static final int SAMPLES = 16;

  interface ShortRead { short read(VmxInstructions vmx); }
  interface ShortWrite { void write(VmxInstructions vmx, short value); }
  interface IntRead { int read(VmxInstructions vmx); }
  interface IntWrite { void write(VmxInstructions vmx, int value); }
  interface LongRead { long read(VmxInstructions vmx); }
  interface LongWrite { void write(VmxInstructions vmx, long value); }

  /** Everything the test below visits, to check it is the whole catalog. */
  private final List<VmcsField> visited = new ArrayList<>();

  @ParameterizedTest
  @EnumSource(HostWidth.class)
  void everyGeneratedAccessorRoundTrips(HostWidth host) {
    SoftwareVmcs vmcs = SoftwareVmcs.builder().hostWidth(host).build();
    Random random = new Random(0x5EED_0010L + host.ordinal());
    for (VmcsControl16 f : VmcsControl16.values()) { check16(vmcs, random, f, f::read, f::write); }
    for (VmcsGuest16 f : VmcsGuest16.values()) { check16(vmcs, random, f, f::read, f::write); }
    for (VmcsHost16 f : VmcsHost16.values()) { check16(vmcs, random, f, f::read, f::write); }
    for (VmcsControl32 f : VmcsControl32.values()) { check32(vmcs, random, f, f::read, f::write); }
    for (VmcsGuest32 f : VmcsGuest32.values()) { check32(vmcs, random, f, f::read, f::write); }
    for (VmcsHost32 f : VmcsHost32.values()) { check32(vmcs, random, f, f::read, f::write); }
    for (VmcsReadOnly32 f : VmcsReadOnly32.values()) { check32(vmcs, random, f, f::read, null); }
    for (VmcsControl64 f : VmcsControl64.values()) { check64(vmcs, random, f, f::read, f::readHigh, f::write, f::writeHigh); }
    for (VmcsGuest64 f : VmcsGuest64.values()) { check64(vmcs, random, f, f::read, f::readHigh, f::write, f::writeHigh); }
    for (VmcsHost64 f : VmcsHost64.values()) { check64(vmcs, random, f, f::read, f::readHigh, f::write, f::writeHigh); }
    for (VmcsReadOnly64 f : VmcsReadOnly64.values()) { check64(vmcs, random, f, f::read, f::readHigh, null, null); }
    for (VmcsControlNW f : VmcsControlNW.values()) { checkNatural(vmcs, random, f, f::read, f::write); }
    for (VmcsGuestNW f : VmcsGuestNW.values()) { checkNatural(vmcs, random, f, f::read, f::write); }
    for (VmcsHostNW f : VmcsHostNW.values()) { checkNatural(vmcs, random, f, f::read, f::write); }
    for (VmcsReadOnlyNW f : VmcsReadOnlyNW.values()) { checkNatural(vmcs, random, f, f::read, null); }
    // Every field of the catalog was visited once: the loops above cover every generated enum.
    assertEquals(VmcsFields.CATALOG.fields().size(), visited.size());
    assertEquals(new java.util.HashSet<>(VmcsFields.CATALOG.fields()), new java.util.HashSet<>(visited));
  }

  private void check16(SoftwareVmcs vmcs, Random random, VmcsField field, ShortRead read, ShortWrite write) {
    visited.add(field);
    for (long value : samples(random, 0xFFFFL)) {
      short typed = (short) value;
      if (write != null) {
        write.write(vmcs, typed);
      } else {
        vmcs.put(field.encoding(), value);
      }
      assertEquals(typed, read.read(vmcs), field.qualifiedName());
      assertEquals(value, vmcs.vmread(field.encoding()), field.qualifiedName());
      checkGeneric(vmcs, field, value ^ 0x5A5AL);
    }
  }

  private void check32(SoftwareVmcs vmcs, Random random, VmcsField field, IntRead read, IntWrite write) {
    visited.add(field);
    for (long value : samples(random, LOW_32)) {
      int typed = (int) value;
      if (write != null) {
        write.write(vmcs, typed);
      } else {
        vmcs.put(field.encoding(), value);
      }
      assertEquals(typed, read.read(vmcs), field.qualifiedName());
      assertEquals(value, vmcs.vmread(field.encoding()), field.qualifiedName());
      checkGeneric(vmcs, field, value ^ 0x5A5A_5A5AL);
    }
  }

  private void check64(SoftwareVmcs vmcs, Random random, VmcsField field, LongRead read, IntRead readHigh,
      LongWrite write, IntWrite writeHigh) {
    visited.add(field);
    int full = field.encoding();
    for (long value : samples(random, -1L)) {
      if (write != null) {
        write.write(vmcs, value);
      } else {
        vmcs.put(full, value);
      }
      String name = field.qualifiedName();
      assertEquals(value, read.read(vmcs), name);
      assertEquals(value, vmcs.get(full), name);
      assertEquals((int) (value >>> 32), readHigh.read(vmcs), name);
      assertEquals(value >>> 32, vmcs.vmread(full + 1), name);
      // A full VMREAD returns all 64 bits in 64-bit mode, bits 31:0 outside it (SDM 25.11.2).
      long fullRead = vmcs.hostWidth() == HostWidth.BITS_64 ? value : value & LOW_32;
      assertEquals(fullRead, vmcs.vmread(full), name);
      if (writeHigh != null) {
        int high = random.nextInt();
        writeHigh.write(vmcs, high);
        // The high access changes bits 63:32 only.
        assertEquals(((long) high << 32) | (value & LOW_32), read.read(vmcs), name);
        assertEquals(Integer.toUnsignedLong(high), vmcs.vmread(full + 1), name);
      }
      checkGeneric(vmcs, field, ~value);
    }
  }

  private void checkNatural(SoftwareVmcs vmcs, Random random, VmcsField field, LongRead read, LongWrite write) {
    visited.add(field);
    boolean host64 = vmcs.hostWidth() == HostWidth.BITS_64;
    for (long value : samples(random, host64 ? -1L : LOW_32)) {
      if (write != null) {
        write.write(vmcs, value);
      } else {
        vmcs.put(field.encoding(), value);
      }
      assertEquals(value, read.read(vmcs), field.qualifiedName());
      assertEquals(value, vmcs.vmread(field.encoding()), field.qualifiedName());
      checkGeneric(vmcs, field, value ^ 0x5A5A_5A5AL);
    }
    if (!host64 && write != null) {
      // DESIGN.md: the natural-width write rejects more than 32 bits on a 32-bit host; nothing is written.
      long before = vmcs.get(field.encoding());
      assertThrows(VmcsValueOutOfRangeException.class, () -> write.write(vmcs, 1L << 32), field.qualifiedName());
      assertEquals(before, vmcs.get(field.encoding()), field.qualifiedName());
    }
  }

  /** Through {@code writeValue}/{@code readValue}, the generic path for the same field. */
  private static void checkGeneric(SoftwareVmcs vmcs, VmcsField field, long value) {
    long fitting = value & mask(field.width().bits(vmcs.hostWidth()));
    if (field instanceof WritableVmcsField writable) {
      writable.writeValue(vmcs, fitting);
    } else {
      vmcs.put(field.encoding(), fitting);
    }
    assertEquals(fitting, field.readValue(vmcs), field.qualifiedName());
  }

  private static long mask(int bits) {
    return bits == Long.SIZE ? -1L : (1L << bits) - 1;
  }

  /** Edge values of the width, then random ones. */
  private static long[] samples(Random random, long widthMask) {
    long[] values = new long[SAMPLES];
    values[0] = 0;
    values[1] = widthMask;
    values[2] = widthMask ^ (widthMask >>> 1);
    values[3] = 1;
    for (int i = 4; i < SAMPLES; i++) {
      values[i] = random.nextLong() & widthMask;
    }
    return values;
  }
}
