package dev.vmcscodegen.runtime.image;

import dev.vmcscodegen.encoding.HostWidth;
import dev.vmcscodegen.encoding.VmcsEncoding;
import dev.vmcscodegen.encoding.VmcsWidth;
import dev.vmcscodegen.runtime.VmFailValidException;
import dev.vmcscodegen.runtime.VmcsCatalog;
import dev.vmcscodegen.runtime.VmcsField;
import dev.vmcscodegen.runtime.VmcsValueOutOfRangeException;
import dev.vmcscodegen.runtime.VmxInstructionError;
import dev.vmcscodegen.runtime.VmxInstructions;
import dev.vmcscodegen.runtime.fields.VmcsFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A snapshot of a VMCS: field values by full-access encoding, where a field that is absent (not in a
 * dump, not supported by the processor) is different from a field that holds 0. The VM-entry checker
 * reads only this, so a check whose fields are absent is reported as not verifiable rather than guessed.
 *
 * <p>Sources: {@link #read} any {@link VmxInstructions} backend over a catalog (fields the processor does
 * not support are skipped and listed in {@link #unsupported()}), {@link VmcsImageText#parse} the
 * {@code FIELD VALUE} text form, {@link KvmDumpParser#parse} a Linux KVM dump, or {@link #of} a map.
 * {@link #render} prints it for people, one aligned line a field as KVM's {@code dump_vmcs} does.
 *
 * <p>Immutable; {@link #with} and {@link #without} return changed copies. Values are unsigned and must
 * fit the width the encoding gives (SDM Vol. 3C 25.11.2, Table 25-21; natural width has the width of
 * {@link #hostWidth()}): nothing is cut silently. Two images are equal when they hold the same values,
 * host width and unsupported fields.
 */
public final class VmcsImage {

  private static final VmcsImage EMPTY = new VmcsImage(new TreeMap<>(), HostWidth.BITS_64, List.of());

  private final NavigableMap<Integer, Long> values;
  private final HostWidth hostWidth;
  private final List<VmcsField> unsupported;

  private VmcsImage(NavigableMap<Integer, Long> values, HostWidth hostWidth, List<VmcsField> unsupported) {
    this.values = values;
    this.hostWidth = hostWidth;
    this.unsupported = unsupported;
  }

  /** The image with no fields, of a 64-bit host. */
  public static VmcsImage empty() {
    return EMPTY;
  }

  /** An image of the given values, of a 64-bit host. */
  public static VmcsImage of(Map<Integer, Long> values) {
    VmcsImage image = EMPTY;
    for (Map.Entry<Integer, Long> entry : values.entrySet()) {
      image = image.with(entry.getKey(), entry.getValue());
    }
    return image;
  }

  /** Reads every field of {@code VmcsFields.CATALOG}, as {@link #read(VmxInstructions, VmcsCatalog)}. */
  public static VmcsImage read(VmxInstructions vmx) {
    return read(vmx, VmcsFields.CATALOG);
  }

  /**
   * Reads every field of {@code catalog} through a backend, with the backend's host width. Fields the
   * processor does not support (VMREAD fails with VMfailValid 12, "unsupported VMCS component", SDM Vol.
   * 3C 31.3 "VMREAD") are left absent and listed in {@link #unsupported()}.
   *
   * @throws dev.vmcscodegen.runtime.VmFailInvalidException if there is no current VMCS
   * @throws VmFailValidException for any other VMREAD failure
   */
  public static VmcsImage read(VmxInstructions vmx, VmcsCatalog catalog) {
    NavigableMap<Integer, Long> values = new TreeMap<>();
    List<VmcsField> unsupported = new ArrayList<>();
    for (VmcsField field : catalog.fields()) {
      try {
        values.put(field.encoding(), field.readValue(vmx));
      } catch (VmFailValidException e) {
        if (e.error() != VmxInstructionError.UNSUPPORTED_VMCS_COMPONENT) {
          throw e;
        }
        unsupported.add(field);
      }
    }
    return new VmcsImage(values, vmx.hostWidth(), List.copyOf(unsupported));
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

  /** The width of the host the values belong to: natural-width fields have its width. */
  public HostWidth hostWidth() {
    return hostWidth;
  }

  /** The fields {@link #read} skipped because the processor does not support them, in catalog order. */
  public List<VmcsField> unsupported() {
    return unsupported;
  }

  /** How many bits the field with this encoding holds: 16, 32 or 64, natural width the host's. */
  public int bits(int encoding) {
    return VmcsWidth.ofEncoding(encoding).bits(hostWidth);
  }

  /** The hexadecimal digits a field's value is shown with: 4, 8 or 16 (natural width: the host's). */
  public int hexDigits(int encoding) {
    return bits(encoding) / 4;
  }

  /** Whether {@code value} has no bit set above the field's {@link #bits}. */
  boolean fits(int encoding, long value) {
    int bits = bits(encoding);
    return bits == Long.SIZE || (value >>> bits) == 0;
  }

  /**
   * This image with a field set.
   *
   * @throws IllegalArgumentException if the encoding is not a full-access encoding with reserved bits 0
   * @throws VmcsValueOutOfRangeException if the value does not fit the field's width on this image's host
   */
  public VmcsImage with(int encoding, long value) {
    if ((encoding & VmcsEncoding.RESERVED_MASK) != 0 || (encoding & VmcsEncoding.ACCESS_HIGH_BIT) != 0) {
      throw new IllegalArgumentException(String.format(
          "0x%X is not a full-access VMCS field encoding (bits 0, 12, 15 and 31:16 must be 0; %s)",
          encoding, VmcsEncoding.of(encoding)));
    }
    if (!fits(encoding, value)) {
      throw new VmcsValueOutOfRangeException(VmcsFields.CATALOG.nameOf(encoding), encoding, value, bits(encoding));
    }
    NavigableMap<Integer, Long> copy = new TreeMap<>(values);
    copy.put(encoding, value);
    return new VmcsImage(copy, hostWidth, unsupported);
  }

  /** This image without a field. */
  public VmcsImage without(int encoding) {
    if (!values.containsKey(encoding)) {
      return this;
    }
    NavigableMap<Integer, Long> copy = new TreeMap<>(values);
    copy.remove(encoding);
    return new VmcsImage(copy, hostWidth, unsupported);
  }

  /** This image with every field of {@code other} set over its own. */
  public VmcsImage withAll(VmcsImage other) {
    VmcsImage merged = this;
    for (Map.Entry<Integer, Long> entry : other.values.entrySet()) {
      merged = merged.with(entry.getKey(), entry.getValue());
    }
    return merged;
  }

  /** {@link #render(VmcsCatalog)} with the names of {@code VmcsFields.CATALOG}. */
  public String render() {
    return render(VmcsFields.CATALOG);
  }

  /**
   * The image as an aligned table for people, what Linux KVM's {@code dump_vmcs} prints when VM entry
   * fails but for every field: one line a present field (group, name, encoding, value in hex of the
   * field's width on this host) in catalog order, then fields the catalog does not name by encoding,
   * then a line counting the fields and naming the unsupported ones skipped.
   */
  public String render(VmcsCatalog catalog) {
    List<String[]> rows = new ArrayList<>();
    for (VmcsField field : catalog.fields()) {
      if (values.containsKey(field.encoding())) {
        rows.add(row(field.group(), field.name(), field.encoding()));
      }
    }
    for (int encoding : values.keySet()) {
      if (!catalog.contains(encoding)) {
        rows.add(row("-", catalog.nameOf(encoding), encoding));
      }
    }
    int groupWidth = "GROUP".length();
    int nameWidth = "FIELD".length();
    for (String[] row : rows) {
      groupWidth = Math.max(groupWidth, row[0].length());
      nameWidth = Math.max(nameWidth, row[1].length());
    }
    String format = "%-" + groupWidth + "s  %-" + nameWidth + "s  %-8s  %s%n";
    StringBuilder out = new StringBuilder(String.format(format, "GROUP", "FIELD", "ENCODING", "VALUE"));
    for (String[] row : rows) {
      out.append(String.format(format, (Object[]) row));
    }
    out.append(String.format("%d fields", values.size()));
    if (!unsupported.isEmpty()) {
      out.append(String.format("; %d unsupported, skipped:", unsupported.size()));
      for (VmcsField field : unsupported) {
        out.append(' ').append(field.qualifiedName());
      }
    }
    return out.append(System.lineSeparator()).toString();
  }

  private String[] row(String group, String name, int encoding) {
    return new String[] {group, name, String.format("0x%04X", encoding),
        String.format("0x%0" + hexDigits(encoding) + "X", values.get(encoding))};
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VmcsImage image && image.values.equals(values) && image.hostWidth == hostWidth
        && image.unsupported.equals(unsupported);
  }

  @Override
  public int hashCode() {
    return Objects.hash(values, hostWidth, unsupported);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("VmcsImage[");
    values.forEach((encoding, value) -> text.append(String.format("%n  %s (0x%04X) = 0x%X",
        VmcsFields.CATALOG.nameOf(encoding), encoding, value)));
    return text.append(values.isEmpty() ? "]" : "\n]").toString();
  }
}
