package dev.vmcscodegen.runtime.entry;

import dev.vmcscodegen.runtime.fields.VmcsFields;
import dev.vmcscodegen.runtime.VmFailValidException;
import dev.vmcscodegen.runtime.VmcsCatalog;
import dev.vmcscodegen.encoding.VmcsEncoding;
import dev.vmcscodegen.runtime.VmcsField;
import dev.vmcscodegen.runtime.VmcsValueOutOfRangeException;
import dev.vmcscodegen.encoding.VmcsWidth;
import dev.vmcscodegen.runtime.VmxInstructionError;
import dev.vmcscodegen.runtime.VmxInstructions;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A snapshot of a VMCS: field values by full-access encoding, where a field that is absent (not in a
 * dump, not supported by the processor) is different from a field that holds 0. The VM-entry checker
 * reads only this, so a check whose fields are absent is reported as not verifiable rather than guessed.
 *
 * <p>Immutable; {@link #with} and {@link #without} return changed copies. Values are unsigned and must
 * fit the width the encoding gives (SDM Vol. 3C 25.11.2, Table 25-21; natural width is taken as 64 bits):
 * nothing is cut silently.
 */
public final class VmcsImage {

  private static final VmcsImage EMPTY = new VmcsImage(new TreeMap<>());

  private final NavigableMap<Integer, Long> values;

  private VmcsImage(NavigableMap<Integer, Long> values) {
    this.values = values;
  }

  /** The image with no fields. */
  public static VmcsImage empty() {
    return EMPTY;
  }

  /** An image of the given values. */
  public static VmcsImage of(Map<Integer, Long> values) {
    VmcsImage image = EMPTY;
    for (Map.Entry<Integer, Long> entry : values.entrySet()) {
      image = image.with(entry.getKey(), entry.getValue());
    }
    return image;
  }

  /**
   * Reads every field of {@code catalog} through a backend; fields the backend does not support
   * (VMfailValid with error 12, "unsupported VMCS component") are left absent.
   *
   * @throws VmFailValidException for any other VMREAD failure
   */
  public static VmcsImage read(VmxInstructions vmx, VmcsCatalog catalog) {
    NavigableMap<Integer, Long> values = new TreeMap<>();
    for (VmcsField field : catalog.fields()) {
      try {
        values.put(field.encoding(), field.readValue(vmx));
      } catch (VmFailValidException e) {
        if (e.error() != VmxInstructionError.UNSUPPORTED_VMCS_COMPONENT) {
          throw e;
        }
      }
    }
    return new VmcsImage(values);
  }

  /** The value of a field, empty when the field is absent. */
  public OptionalLong value(int encoding) {
    Long value = values.get(encoding);
    return value == null ? OptionalLong.empty() : OptionalLong.of(value);
  }

  /** Whether the field is present. */
  public boolean contains(int encoding) {
    return values.containsKey(encoding);
  }

  /** Every present field, by ascending encoding. */
  public Map<Integer, Long> values() {
    return Collections.unmodifiableMap(values);
  }

  /** How many fields are present. */
  public int size() {
    return values.size();
  }

  /**
   * This image with a field set.
   *
   * @throws IllegalArgumentException if the encoding is not a full-access encoding with reserved bits 0
   * @throws VmcsValueOutOfRangeException if the value does not fit the field's width
   */
  public VmcsImage with(int encoding, long value) {
    VmcsEncoding parts = VmcsEncoding.of(encoding);
    if ((encoding & VmcsEncoding.RESERVED_MASK) != 0 || (encoding & VmcsEncoding.ACCESS_HIGH_BIT) != 0) {
      throw new IllegalArgumentException(String.format(
          "0x%X is not a full-access VMCS field encoding (bits 0, 12, 15 and 31:16 must be 0; %s)",
          encoding, parts));
    }
    VmcsWidth width = VmcsWidth.ofEncoding(encoding);
    int bits = width == VmcsWidth.NATURAL ? 64 : bitsOf(width);
    if (bits < 64 && (value >>> bits) != 0) {
      throw new VmcsValueOutOfRangeException(VmcsFields.CATALOG.nameOf(encoding), encoding, value, bits);
    }
    NavigableMap<Integer, Long> copy = new TreeMap<>(values);
    copy.put(encoding, value);
    return new VmcsImage(copy);
  }

  /** This image without a field. */
  public VmcsImage without(int encoding) {
    if (!values.containsKey(encoding)) {
      return this;
    }
    NavigableMap<Integer, Long> copy = new TreeMap<>(values);
    copy.remove(encoding);
    return new VmcsImage(copy);
  }

  /** This image with every field of {@code other} set over its own. */
  public VmcsImage withAll(VmcsImage other) {
    NavigableMap<Integer, Long> copy = new TreeMap<>(values);
    copy.putAll(other.values);
    return new VmcsImage(copy);
  }

  private static int bitsOf(VmcsWidth width) {
    return switch (width) {
      case BITS_16 -> 16;
      case BITS_32 -> 32;
      case BITS_64, NATURAL -> 64;
    };
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VmcsImage image && image.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("VmcsImage[");
    values.forEach((encoding, value) -> text.append(String.format("%n  %s (0x%04X) = 0x%X",
        VmcsFields.CATALOG.nameOf(encoding), encoding, value)));
    return text.append(values.isEmpty() ? "]" : "\n]").toString();
  }
}
