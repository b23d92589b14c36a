package dev.vmcscodegen.runtime;

import dev.vmcscodegen.encoding.HostWidth;

/**
 * For generated code: the accesses behind the generated {@code read}/{@code write} methods, one per
 * width, so the generated enums stay declarations and the logic is written and tested once. Not API:
 * call the generated enums ({@code VmcsGuestNW.RIP.read(vmx)}); these signatures follow the generator
 * and may change with it (docs/DESIGN.md, "What is API").
 *
 * <p>64-bit fields on a {@link HostWidth#BITS_32} host take two accesses, bits 31:0 at the full
 * encoding and bits 63:32 at the high encoding (full + 1), as SDM Vol. 3C 25.11.2 prescribes for
 * software outside 64-bit mode. Natural-width fields are 32 bits wide there.
 *
 * <p>Nothing is cut silently: a value wider than the field is rejected with
 * {@link VmcsValueOutOfRangeException} before anything is written, and a backend that returns more
 * bits than the field has is reported with {@link IllegalStateException}.
 */
public final class VmcsAccess {

  private static final long LOW_32 = 0xFFFF_FFFFL;

  private VmcsAccess() {}

  /** Reads a 16-bit field. */
  public static short read16(VmxInstructions vmx, int encoding) {
    return (short) checkRead(vmx.vmread(encoding), 16, encoding);
  }

  /** Writes a 16-bit field; the value is the 16 bits of {@code value}. */
  public static void write16(VmxInstructions vmx, int encoding, short value) {
    vmx.vmwrite(encoding, Short.toUnsignedLong(value));
  }

  /** Reads a 16-bit field zero-extended: 0 to 0xFFFF, so {@code == 0x8001} means what it says. */
  public static int read16Unsigned(VmxInstructions vmx, int encoding) {
    return Short.toUnsignedInt(read16(vmx, encoding));
  }

  /**
   * Writes a 16-bit field from its unsigned value.
   *
   * @throws VmcsValueOutOfRangeException if {@code value} is not 0 to 0xFFFF
   */
  public static void write16Unsigned(VmxInstructions vmx, int encoding, int value, String field) {
    if ((value >>> 16) != 0) {
      throw new VmcsValueOutOfRangeException(field, encoding, value, 16);
    }
    vmx.vmwrite(encoding, value);
  }

  /** Reads a 32-bit field. */
  public static int read32(VmxInstructions vmx, int encoding) {
    return (int) checkRead(vmx.vmread(encoding), 32, encoding);
  }

  /** Writes a 32-bit field; the value is the 32 bits of {@code value}. */
  public static void write32(VmxInstructions vmx, int encoding, int value) {
    vmx.vmwrite(encoding, Integer.toUnsignedLong(value));
  }

  /** Reads a 32-bit field zero-extended: 0 to 0xFFFF_FFFF. */
  public static long read32Unsigned(VmxInstructions vmx, int encoding) {
    return Integer.toUnsignedLong(read32(vmx, encoding));
  }

  /**
   * Writes a 32-bit field from its unsigned value.
   *
   * @throws VmcsValueOutOfRangeException if {@code value} is not 0 to 0xFFFF_FFFF
   */
  public static void write32Unsigned(VmxInstructions vmx, int encoding, long value, String field) {
    if ((value >>> 32) != 0) {
      throw new VmcsValueOutOfRangeException(field, encoding, value, 32);
    }
    vmx.vmwrite(encoding, value);
  }

  /** Reads a 64-bit field: one access on a 64-bit host, two on a 32-bit host (low half first). */
  public static long read64(VmxInstructions vmx, int encoding) {
    if (vmx.hostWidth() == HostWidth.BITS_64) {
      return vmx.vmread(encoding);
    }
    long low = checkRead(vmx.vmread(encoding), 32, encoding);
    long high = checkRead(vmx.vmread(encoding + 1), 32, encoding + 1);
    return (high << 32) | low;
  }

  /** Writes a 64-bit field: one access on a 64-bit host, two on a 32-bit host (low half first). */
  public static void write64(VmxInstructions vmx, int encoding, long value) {
    if (vmx.hostWidth() == HostWidth.BITS_64) {
      vmx.vmwrite(encoding, value);
    } else {
      vmx.vmwrite(encoding, value & LOW_32);
      vmx.vmwrite(encoding + 1, value >>> 32);
    }
  }

  /** Reads bits 63:32 of a 64-bit field through its high access encoding (full + 1). */
  public static int readHigh(VmxInstructions vmx, int encoding) {
    return (int) checkRead(vmx.vmread(encoding + 1), 32, encoding + 1);
  }

  /** Writes bits 63:32 of a 64-bit field through its high access encoding (full + 1). */
  public static void writeHigh(VmxInstructions vmx, int encoding, int value) {
    vmx.vmwrite(encoding + 1, Integer.toUnsignedLong(value));
  }

  /** Reads a natural-width field: 64 bits on a 64-bit host, 32 bits (zero-extended) on a 32-bit host. */
  public static long readNatural(VmxInstructions vmx, int encoding) {
    long value = vmx.vmread(encoding);
    return vmx.hostWidth() == HostWidth.BITS_64 ? value : checkRead(value, 32, encoding);
  }

  /**
   * Writes a natural-width field.
   *
   * @throws VmcsValueOutOfRangeException on a 32-bit host when {@code value} has bits above 31
   */
  public static void writeNatural(VmxInstructions vmx, int encoding, long value, String field) {
    if (vmx.hostWidth() == HostWidth.BITS_32 && (value >>> 32) != 0) {
      throw new VmcsValueOutOfRangeException(field, encoding, value, 32);
    }
    vmx.vmwrite(encoding, value);
  }

  /** Reads any field as an unsigned {@code long}. */
  public static long readValue(VmxInstructions vmx, VmcsField field) {
    int encoding = field.encoding();
    return switch (field.width()) {
      case BITS_16 -> Short.toUnsignedLong(read16(vmx, encoding));
      case BITS_32 -> Integer.toUnsignedLong(read32(vmx, encoding));
      case BITS_64 -> read64(vmx, encoding);
      case NATURAL -> readNatural(vmx, encoding);
    };
  }

  /**
   * Writes an unsigned value to any field after checking it fits.
   *
   * @throws VmcsValueOutOfRangeException if the value has bits beyond the field's width on this host
   */
  public static void writeValue(VmxInstructions vmx, VmcsField field, long value) {
    int bits = field.width().bits(vmx.hostWidth());
    if (bits < 64 && (value >>> bits) != 0) {
      throw new VmcsValueOutOfRangeException(field.name(), field.encoding(), value, bits);
    }
    int encoding = field.encoding();
    switch (field.width()) {
      case BITS_16 -> write16(vmx, encoding, (short) value);
      case BITS_32 -> write32(vmx, encoding, (int) value);
      case BITS_64 -> write64(vmx, encoding, value);
      case NATURAL -> vmx.vmwrite(encoding, value);
    }
  }

  private static long checkRead(long value, int bits, int encoding) {
    if ((value >>> bits) != 0) {
      throw new IllegalStateException(String.format(
          "backend returned 0x%x for encoding 0x%04X, which holds %d bits: the backend breaks the"
              + " VmxInstructions contract (values are zero-extended to the field's width)",
          value, encoding, bits));
    }
    return value;
  }
}
