package dev.vmcscodegen.runtime.software;

import dev.vmcscodegen.encoding.HostWidth;
import dev.vmcscodegen.runtime.VmcsCatalog;
import dev.vmcscodegen.runtime.VmcsField;
import dev.vmcscodegen.runtime.fields.VmcsFields;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Configures a {@link SoftwareVmcs}: which fields the modelled processor supports, the host width,
 * its MSRs, and the VMCS state it starts with. Obtain one from {@link SoftwareVmcs#builder()}.
 *
 * <p>Defaults: every field of {@code VmcsFields.CATALOG}, a 64-bit host, no MSRs, a 52-bit physical
 * address width (the architectural maximum, SDM Vol. 3A 4.1.4), no VMXON pointer, one clear VMCS at
 * {@link SoftwareVmcs#DEFAULT_VMCS_ADDRESS} that is current, and {@link VmEntryCheck#ALWAYS_ENTERS}.
 */
public final class SoftwareVmcsBuilder {

  /** The largest physical-address width the architecture allows (MAXPHYADDR, SDM Vol. 3A 4.1.4). */
  public static final int MAX_PHYSICAL_ADDRESS_WIDTH = 52;

  private static final int MIN_PHYSICAL_ADDRESS_WIDTH = 32;

  private VmcsCatalog catalog;
  private final Set<VmcsField> removed = new LinkedHashSet<>();
  private HostWidth hostWidth = HostWidth.BITS_64;
  private Map<Integer, Long> msrs = Map.of();
  private int physicalAddressWidth = MAX_PHYSICAL_ADDRESS_WIDTH;
  private long vmxonPointer = SoftwareVmcs.NO_VMXON_POINTER;
  private long currentVmcs = SoftwareVmcs.DEFAULT_VMCS_ADDRESS;
  private VmEntryCheck entryCheck = VmEntryCheck.ALWAYS_ENTERS;

  SoftwareVmcsBuilder() {}

  /** The fields the processor supports; default {@code VmcsFields.CATALOG}. */
  public SoftwareVmcsBuilder catalog(VmcsCatalog catalog) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    return this;
  }

  /**
   * Adds the fields of {@code extensions} (each a generated {@code <prefix>Fields.CATALOG} of a spec
   * that extends the base one) to the catalog set so far, by default {@code VmcsFields.CATALOG}.
   *
   * @throws IllegalArgumentException if a field repeats an encoding or name already supported
   */
  public SoftwareVmcsBuilder addCatalogs(VmcsCatalog... extensions) {
    VmcsCatalog all = catalog != null ? catalog : VmcsFields.CATALOG;
    for (VmcsCatalog extension : extensions) {
      all = all.plus(Objects.requireNonNull(extension, "extension"));
    }
    catalog = all;
    return this;
  }

  /**
   * Leaves these fields of the catalog unsupported, to model a processor without a feature: VMREAD and
   * VMWRITE of them fail with VMfailValid(12) as on such a processor (SDM Vol. 3C 31.3, 31.4).
   */
  public SoftwareVmcsBuilder without(VmcsField... fields) {
    return without(Arrays.asList(fields));
  }

  /** Leaves these fields of the catalog unsupported; see {@link #without(VmcsField...)}. */
  public SoftwareVmcsBuilder without(Collection<? extends VmcsField> fields) {
    for (VmcsField field : fields) {
      removed.add(Objects.requireNonNull(field, "field"));
    }
    return this;
  }

  /** The width of the code running VMREAD and VMWRITE; default {@link HostWidth#BITS_64}. */
  public SoftwareVmcsBuilder hostWidth(HostWidth hostWidth) {
    this.hostWidth = Objects.requireNonNull(hostWidth, "hostWidth");
    return this;
  }

  /**
   * The MSRs RDMSR returns, by address. Three of them also shape the model: IA32_VMX_BASIC (0x480) bits
   * 30:0 give the VMCS revision identifier and bit 48 limits VMCS addresses to 32 bits; IA32_VMX_MISC
   * (0x485) bit 29 lets VMWRITE write read-only fields; IA32_VMX_PROCBASED_CTLS2 (0x48B) bit 46 allows
   * the shadow-VMCS indicator in VMPTRLD (SDM Vol. 3D A.1, A.6, A.3.3).
   */
  public SoftwareVmcsBuilder msrs(Map<Integer, Long> msrs) {
    this.msrs = Map.copyOf(msrs);
    return this;
  }

  /** The processor's physical-address width (MAXPHYADDR), 32 to 52; VMCS addresses must fit it. */
  public SoftwareVmcsBuilder physicalAddressWidth(int bits) {
    if (bits < MIN_PHYSICAL_ADDRESS_WIDTH || bits > MAX_PHYSICAL_ADDRESS_WIDTH) {
      throw new IllegalArgumentException("physical-address width " + bits + " is outside "
          + MIN_PHYSICAL_ADDRESS_WIDTH + " to " + MAX_PHYSICAL_ADDRESS_WIDTH + " (SDM Vol. 3A 4.1.4)");
    }
    this.physicalAddressWidth = bits;
    return this;
  }

  /** The VMXON pointer: VMCLEAR and VMPTRLD of it fail with errors 3 and 10. Default: none. */
  public SoftwareVmcsBuilder vmxonPointer(long address) {
    this.vmxonPointer = address;
    return this;
  }

  /** Starts with a clear VMCS at this address as the current VMCS, as VMCLEAR then VMPTRLD would. */
  public SoftwareVmcsBuilder currentVmcs(long address) {
    this.currentVmcs = address;
    return this;
  }

  /** Starts with no current VMCS: VMREAD and VMWRITE fail with VMfailInvalid until a VMPTRLD. */
  public SoftwareVmcsBuilder noCurrentVmcs() {
    this.currentVmcs = SoftwareVmcs.NO_CURRENT_VMCS;
    return this;
  }

  /** The VM-entry checks VMLAUNCH and VMRESUME run; default {@link VmEntryCheck#ALWAYS_ENTERS}. */
  public SoftwareVmcsBuilder entryCheck(VmEntryCheck entryCheck) {
    this.entryCheck = Objects.requireNonNull(entryCheck, "entryCheck");
    return this;
  }

  /**
   * Builds the software VMCS.
   *
   * @throws IllegalArgumentException if a field given to {@code without} is not in the catalog, a
   *     catalog field's encoding is not a well-formed full-access encoding, or the starting VMCS
   *     address is not a valid VMCS address (VMCLEAR would fail)
   */
  public SoftwareVmcs build() {
    VmcsCatalog fields = catalog != null ? catalog : VmcsFields.CATALOG;
    for (VmcsField field : removed) {
      if (!fields.fields().contains(field)) {
        throw new IllegalArgumentException(field.qualifiedName() + " (" + String.format("0x%04X", field.encoding())
            + ") is not in the catalog, so it cannot be left out");
      }
    }
    return new SoftwareVmcs(this, fields);
  }

  List<VmcsField> removed() {
    return List.copyOf(removed);
  }

  HostWidth hostWidth() {
    return hostWidth;
  }

  Map<Integer, Long> msrs() {
    return msrs;
  }

  int physicalAddressWidth() {
    return physicalAddressWidth;
  }

  long vmxonPointer() {
    return vmxonPointer;
  }

  long currentVmcs() {
    return currentVmcs;
  }

  VmEntryCheck entryCheck() {
    return entryCheck;
  }
}
