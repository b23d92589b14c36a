package dev.vmcscodegen.runtime.state;

import dev.vmcscodegen.encoding.HostWidth;
import dev.vmcscodegen.runtime.VmFailValidException;
import dev.vmcscodegen.runtime.VmcsCatalog;
import dev.vmcscodegen.runtime.VmcsField;
import dev.vmcscodegen.runtime.VmxInstructionError;
import dev.vmcscodegen.runtime.VmxInstructions;
import dev.vmcscodegen.runtime.fields.VmcsFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A snapshot of every field of a catalog that the backend supports, for reading by people: what Linux
 * KVM's {@code dump_vmcs} prints when VM entry fails, but generic over any catalog. Fields the
 * processor does not support (VMREAD fails with VMfailValid 12, SDM Vol. 3C 31.3 "VMREAD") are skipped
 * and listed; any other failure propagates.
 *
 * @param hostWidth the width of the host that read the values (natural-width fields have its width)
 * @param entries every field read, with its value, in catalog order
 * @param unsupported every field skipped because the processor does not support it, in catalog order
 */
public record VmcsDump(HostWidth hostWidth, List<Entry> entries, List<VmcsField> unsupported) {

  /**
   * One field and its value.
   *
   * @param field the field
   * @param value its value, zero-extended
   */
  public record Entry(VmcsField field, long value) {

    /** Checks the field is given. */
    public Entry {
      Objects.requireNonNull(field, "field");
    }
  }

  /** Copies the lists. */
  public VmcsDump {
    Objects.requireNonNull(hostWidth, "hostWidth");
    entries = List.copyOf(entries);
    unsupported = List.copyOf(unsupported);
  }

  /** Reads every field of {@code VmcsFields.CATALOG}. */
  public static VmcsDump capture(VmxInstructions vmx) {
    return capture(vmx, VmcsFields.CATALOG);
  }

  /**
   * Reads every field of {@code catalog}, skipping those the processor does not support.
   *
   * @throws dev.vmcscodegen.runtime.VmFailInvalidException if there is no current VMCS
   * @throws VmFailValidException for a failure other than an unsupported component
   */
  public static VmcsDump capture(VmxInstructions vmx, VmcsCatalog catalog) {
    List<Entry> entries = new ArrayList<>();
    List<VmcsField> unsupported = new ArrayList<>();
    for (VmcsField field : catalog.fields()) {
      try {
        entries.add(new Entry(field, field.readValue(vmx)));
      } catch (VmFailValidException e) {
        if (e.error() != VmxInstructionError.UNSUPPORTED_VMCS_COMPONENT) {
          throw e;
        }
        unsupported.add(field);
      }
    }
    return new VmcsDump(vmx.hostWidth(), entries, unsupported);
  }

  /** The hexadecimal digits a field's value is shown with: 4, 8 or 16 (natural width: the host's). */
  public int hexDigits(VmcsField field) {
    return field.width().bits(hostWidth) / 4;
  }

  /**
   * The dump as an aligned table, one line a field (group, name, encoding, value in hex of the field's
   * width), then a line naming the unsupported fields skipped.
   */
  public String render() {
    int groupWidth = "GROUP".length();
    int nameWidth = "FIELD".length();
    for (Entry entry : entries) {
      groupWidth = Math.max(groupWidth, entry.field().group().length());
      nameWidth = Math.max(nameWidth, entry.field().name().length());
    }
    String format = "%-" + groupWidth + "s  %-" + nameWidth + "s  %-8s  %s%n";
    StringBuilder out = new StringBuilder();
    out.append(String.format(format, "GROUP", "FIELD", "ENCODING", "VALUE"));
    for (Entry entry : entries) {
      VmcsField field = entry.field();
      out.append(String.format(format, field.group(), field.name(), String.format("0x%04X", field.encoding()),
          String.format("0x%0" + hexDigits(field) + "X", entry.value())));
    }
    out.append(String.format("%d fields", entries.size()));
    if (!unsupported.isEmpty()) {
      out.append(String.format("; %d unsupported, skipped:", unsupported.size()));
      for (VmcsField field : unsupported) {
        out.append(' ').append(field.qualifiedName());
      }
    }
    out.append(System.lineSeparator());
    return out.toString();
  }

  /** The value read for the field with this encoding, if it was read. */
  public OptionalLong value(int encoding) {
    for (Entry entry : entries) {
      if (entry.field().encoding() == encoding) {
        return OptionalLong.of(entry.value());
      }
    }
    return OptionalLong.empty();
  }
}
