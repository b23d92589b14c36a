package dev.vmcscodegen.runtime;

import dev.vmcscodegen.encoding.VmcsWidth;
import dev.vmcscodegen.encoding.VmcsCategory;

import java.util.List;

/**
 * A hand-made field for tests that must not depend on the generated enums: any group, name and
 * encoding. Category and width are given, not derived, so tests can also build inconsistent fields.
 *
 * @param group the group name, such as {@code VmcsGuestNW}
 * @param name the field name
 * @param encoding the full-access encoding
 * @param category the type
 * @param width the width
 */
public record FakeField(String group, String name, int encoding, VmcsCategory category, VmcsWidth width)
    implements WritableVmcsField {

  /** SDM Vol. 3D B.4.3: guest RIP, natural width. */
  public static final FakeField GUEST_RIP = new FakeField("VmcsGuestNW", "RIP", 0x681E, VmcsCategory.GUEST, VmcsWidth.NATURAL);
  /** SDM Vol. 3D B.1.2: guest ES selector, 16 bits. */
  public static final FakeField GUEST_ES_SELECTOR = new FakeField("VmcsGuest16", "ES_SELECTOR", 0x0800, VmcsCategory.GUEST, VmcsWidth.BITS_16);
  /** SDM Vol. 3D B.3.3: guest ES limit, 32 bits. */
  public static final FakeField GUEST_ES_LIMIT = new FakeField("VmcsGuest32", "ES_LIMIT", 0x4800, VmcsCategory.GUEST, VmcsWidth.BITS_32);
  /** SDM Vol. 3D B.2.3: VMCS link pointer, 64 bits. */
  public static final FakeField GUEST_VMCS_LINK_POINTER = new FakeField("VmcsGuest64", "VMCS_LINK_POINTER", 0x2800, VmcsCategory.GUEST, VmcsWidth.BITS_64);
  /** SDM Vol. 3D B.2.1: TSC offset, 64 bits. */
  public static final FakeField CONTROL_TSC_OFFSET = new FakeField("VmcsControl64", "TSC_OFFSET", 0x2010, VmcsCategory.CONTROL, VmcsWidth.BITS_64);
  /** SDM Vol. 3D B.1.1: virtual-processor identifier, 16 bits. */
  public static final FakeField CONTROL_VPID = new FakeField("VmcsControl16", "VIRTUAL_PROCESSOR_ID", 0x0000, VmcsCategory.CONTROL, VmcsWidth.BITS_16);
  /** SDM Vol. 3D B.3.2: VM-instruction error, 32 bits, read-only. */
  public static final FakeField VM_INSTRUCTION_ERROR = new FakeField("VmcsReadOnly32", "VM_INSTRUCTION_ERROR", 0x4400, VmcsCategory.READ_ONLY, VmcsWidth.BITS_32);
  /** SDM Vol. 3D B.3.2: exit reason, 32 bits, read-only. */
  public static final FakeField EXIT_REASON = new FakeField("VmcsReadOnly32", "EXIT_REASON", 0x4402, VmcsCategory.READ_ONLY, VmcsWidth.BITS_32);
  /** SDM Vol. 3D B.4.2: exit qualification, natural width, read-only. */
  public static final FakeField EXIT_QUALIFICATION = new FakeField("VmcsReadOnlyNW", "EXIT_QUALIFICATION", 0x6400, VmcsCategory.READ_ONLY, VmcsWidth.NATURAL);
  /** SDM Vol. 3D B.2.2: guest-physical address, 64 bits, read-only. */
  public static final FakeField GUEST_PHYSICAL_ADDRESS = new FakeField("VmcsReadOnly64", "GUEST_PHYSICAL_ADDRESS", 0x2400, VmcsCategory.READ_ONLY, VmcsWidth.BITS_64);
  /** SDM Vol. 3D B.4.4: host CR0, natural width. */
  public static final FakeField HOST_CR0 = new FakeField("VmcsHostNW", "CR0", 0x6C00, VmcsCategory.HOST, VmcsWidth.NATURAL);
  /** SDM Vol. 3D B.4.3: guest CR0, natural width (shares its bare name with {@link #HOST_CR0}). */
  public static final FakeField GUEST_CR0 = new FakeField("VmcsGuestNW", "CR0", 0x6800, VmcsCategory.GUEST, VmcsWidth.NATURAL);

  /** Every constant above, one of each category and width the tests need. */
  public static final List<FakeField> ALL = List.of(GUEST_RIP, GUEST_ES_SELECTOR, GUEST_ES_LIMIT,
      GUEST_VMCS_LINK_POINTER, CONTROL_TSC_OFFSET, CONTROL_VPID, VM_INSTRUCTION_ERROR, EXIT_REASON,
      EXIT_QUALIFICATION, GUEST_PHYSICAL_ADDRESS, HOST_CR0, GUEST_CR0);

  /** A catalog of {@link #ALL}. */
  public static VmcsCatalog catalog() {
    return VmcsCatalog.of(ALL);
  }

  @Override
  public String doc() {
    return "test field " + name;
  }

  @Override
  public String sdmReference() {
    return "SDM Vol. 3D, Appendix B";
  }
}
