package dev.vmcscodegen.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable, ordered set of VMCS fields with lookup by encoding and by name: what generic code
 * (dumps, tools, the software VMCS, the VM-entry checker) walks. The generated {@code VmcsFields.CATALOG}
 * holds every field of a spec in spec order; {@link #plus} adds a user's extension fields.
 */
public final class VmcsCatalog {

  private final List<VmcsField> fields;
  private final Map<Integer, VmcsField> byEncoding;
  private final Map<String, VmcsField> byQualifiedName;
  private final Map<String, List<VmcsField>> byName;

  private VmcsCatalog(List<VmcsField> fields) {
    this.fields = List.copyOf(fields);
    Map<Integer, VmcsField> encodings = new HashMap<>();
    Map<String, VmcsField> names = new HashMap<>();
    Map<String, List<VmcsField>> bareNames = new HashMap<>();
    for (VmcsField field : this.fields) {
      VmcsField sameEncoding = encodings.putIfAbsent(field.encoding(), field);
      if (sameEncoding != null) {
        throw new IllegalArgumentException(String.format("fields %s and %s share encoding 0x%04X",
            sameEncoding.name(), field.name(), field.encoding()));
      }
      VmcsField sameName = names.putIfAbsent(field.qualifiedName(), field);
      if (sameName != null) {
        throw new IllegalArgumentException(String.format("two fields are named %s (0x%04X and 0x%04X)",
            field.qualifiedName(), sameName.encoding(), field.encoding()));
      }
      bareNames.computeIfAbsent(field.name(), name -> new ArrayList<>()).add(field);
    }
    this.byEncoding = Map.copyOf(encodings);
    this.byQualifiedName = Map.copyOf(names);
    Map<String, List<VmcsField>> frozen = new HashMap<>();
    bareNames.forEach((name, list) -> frozen.put(name, List.copyOf(list)));
    this.byName = Map.copyOf(frozen);
  }

  /**
   * A catalog of the given fields in the given order.
   *
   * @throws IllegalArgumentException if two fields share an encoding or a qualified name
   */
  public static VmcsCatalog of(Collection<? extends VmcsField> fields) {
    return new VmcsCatalog(new ArrayList<>(fields));
  }

  /** Every field, in spec order. */
  public List<VmcsField> fields() {
    return fields;
  }

  /** How many fields there are. */
  public int size() {
    return fields.size();
  }

  /** The field with this full-access encoding. */
  public Optional<VmcsField> byEncoding(int encoding) {
    return Optional.ofNullable(byEncoding.get(encoding));
  }

  /**
   * The field with this name: a qualified name ({@code VmcsGuestNW.CR0}), or a bare name
   * ({@code RIP}) that exactly one field of the catalog has. Case-sensitive.
   */
  public Optional<VmcsField> byName(String name) {
    VmcsField qualified = byQualifiedName.get(name);
    if (qualified != null) {
      return Optional.of(qualified);
    }
    List<VmcsField> bare = byName.getOrDefault(name, List.of());
    return bare.size() == 1 ? Optional.of(bare.get(0)) : Optional.empty();
  }

  /** Every field with this bare name ({@code CR0} gives the guest's and the host's), in catalog order. */
  public List<VmcsField> allNamed(String name) {
    return byName.getOrDefault(name, List.of());
  }

  /**
   * The qualified name of the field with this full-access encoding ({@code VmcsGuestNW.CR0}), or the
   * encoding in hex ({@code 0x7FFE}) when the catalog has no such field: how messages name a field.
   */
  public String nameOf(int encoding) {
    VmcsField field = byEncoding.get(encoding);
    return field != null ? field.qualifiedName() : String.format("0x%04X", encoding);
  }

  /** Whether a field has this full-access encoding. */
  public boolean contains(int encoding) {
    return byEncoding.containsKey(encoding);
  }

  /**
   * This catalog followed by {@code other}'s fields.
   *
   * @throws IllegalArgumentException if a field of {@code other} repeats an encoding or name of this one
   */
  public VmcsCatalog plus(VmcsCatalog other) {
    List<VmcsField> all = new ArrayList<>(fields);
    all.addAll(other.fields);
    return new VmcsCatalog(all);
  }
}
