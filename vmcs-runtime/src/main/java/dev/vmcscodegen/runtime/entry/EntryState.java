package dev.vmcscodegen.runtime.entry;

import static dev.vmcscodegen.runtime.fields.VmcsEncodings.*;

import dev.vmcscodegen.runtime.fields.VmcsFields;
import dev.vmcscodegen.runtime.arch.AccessRightsLayout;
import dev.vmcscodegen.runtime.arch.Cr4;
import dev.vmcscodegen.runtime.arch.InterruptionInfoLayout;
import dev.vmcscodegen.runtime.arch.Rflags;
import dev.vmcscodegen.runtime.control.ControlBit;
import dev.vmcscodegen.runtime.control.ControlKind;
import dev.vmcscodegen.runtime.control.PrimaryProcessorBasedControl;
import dev.vmcscodegen.runtime.control.PrimaryVmExitControl;
import dev.vmcscodegen.runtime.control.SecondaryProcessorBasedControl;
import dev.vmcscodegen.runtime.control.VmEntryControl;
import dev.vmcscodegen.runtime.exit.InterruptionType;
import dev.vmcscodegen.runtime.image.VmcsImage;
import java.util.LinkedHashSet;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What a check's predicate sees: the VMCS image, the capability profile, the processor facts and
 * (optionally) physical memory, with the derived values the SDM's rules are phrased in ("the
 * 'unrestricted guest' VM-execution control", "the guest will be in virtual-8086 mode").
 *
 * <p>Reading an absent field, or memory that was not given, ends the predicate: the check is then not
 * verifiable. Controls that are not active read as 0 without reading their field, as the processor
 * treats them (the secondary controls when "activate secondary controls" is 0, SDM Vol. 3C 25.6.2).
 */
public final class EntryState {

  private final VmcsImage image;
  private final EntryCapabilities capabilities;
  private final ProcessorFacts facts;
  private final PhysicalMemory memory;
  private final Set<Integer> reads = new LinkedHashSet<>();
  private OptionalLong qualification = OptionalLong.empty();
  /** The width {@link #canonical} checks against, decided once from the facts and the image's CR4s. */
  private final int linearAddressWidth;

  EntryState(VmcsImage image, EntryCapabilities capabilities, ProcessorFacts facts, PhysicalMemory memory) {
    this.image = image;
    this.capabilities = capabilities;
    this.facts = facts;
    this.memory = memory;
    int width = facts.linearAddressWidth();
    this.linearAddressWidth = width < 57 && (hasLa57(HOST_CR4) || hasLa57(GUEST_CR4)) ? 57 : width;
  }

  /** The capability profile. */
  public EntryCapabilities capabilities() {
    return capabilities;
  }

  /** The processor facts. */
  public ProcessorFacts facts() {
    return facts;
  }

  /** The value of a field. */
  public long field(int encoding) {
    reads.add(encoding);
    OptionalLong value = image.value(encoding);
    if (value.isEmpty()) {
      throw new MissingInputException(VmcsFields.CATALOG.nameOf(encoding) + String.format(" (0x%04X) is absent", encoding));
    }
    return value.getAsLong();
  }

  /** Whether any of {@code mask}'s bits is 1 in the field. */
  public boolean any(int encoding, long mask) {
    return (field(encoding) & mask) != 0;
  }

  /** {@code bytes} bytes of physical memory. */
  public long memory(long address, int bytes) {
    if (memory == null) {
      throw new MissingInputException(String.format("physical memory at 0x%X was not given", address));
    }
    OptionalLong value = memory.read(address, bytes);
    if (value.isEmpty()) {
      throw new MissingInputException(String.format("physical memory at 0x%X is not in the view", address));
    }
    return value.getAsLong();
  }

  Set<Integer> reads() {
    return reads;
  }

  /** Records the exit qualification of a failure found while evaluating (the MSR-load entry index). */
  void qualify(long value) {
    qualification = OptionalLong.of(value);
  }

  OptionalLong qualification() {
    return qualification;
  }

  // Controls in force.

  /** The pin-based VM-execution controls. */
  public long pin() {
    return field(PIN_BASED_VM_EXECUTION_CONTROLS);
  }

  /** The primary processor-based VM-execution controls. */
  public long primary() {
    return field(PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS);
  }

  /** The secondary controls, 0 when "activate secondary controls" is 0. */
  public long secondary() {
    return set(primary(), PrimaryProcessorBasedControl.ACTIVATE_SECONDARY_CONTROLS)
        ? field(SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS) : 0;
  }

  /** The tertiary controls, 0 when "activate tertiary controls" is 0. */
  public long tertiary() {
    return set(primary(), PrimaryProcessorBasedControl.ACTIVATE_TERTIARY_CONTROLS)
        ? field(TERTIARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS) : 0;
  }

  /** The primary VM-exit controls. */
  public long exitControls() {
    return field(PRIMARY_VM_EXIT_CONTROLS);
  }

  /** The secondary VM-exit controls, 0 when the exit control "activate secondary controls" is 0. */
  public long secondaryExitControls() {
    return set(exitControls(), PrimaryVmExitControl.ACTIVATE_SECONDARY_CONTROLS) ? field(SECONDARY_VM_EXIT_CONTROLS) : 0;
  }

  /** The VM-entry controls. */
  public long entryControls() {
    return field(VM_ENTRY_CONTROLS);
  }

  /** The value in force of a control field: {@link #pin()}, {@link #primary()}, ... by kind. */
  public long controls(ControlKind kind) {
    return switch (kind) {
      case PIN_BASED_VM_EXECUTION_CONTROLS -> pin();
      case PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS -> primary();
      case SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS -> secondary();
      case TERTIARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS -> tertiary();
      case PRIMARY_VM_EXIT_CONTROLS -> exitControls();
      case SECONDARY_VM_EXIT_CONTROLS -> secondaryExitControls();
      case VM_ENTRY_CONTROLS -> entryControls();
    };
  }

  /** Whether a control is in force: 1 in its field, and the field active (SDM Vol. 3C 25.6.2, 25.7.1). */
  public boolean control(ControlBit bit) {
    return set(controls(bit.kind()), bit);
  }

  /** Whether {@code bit} is 1 in a value of its control field. */
  private static boolean set(long controls, ControlBit bit) {
    return (controls & bit.mask()) != 0;
  }

  /** Whether "unrestricted guest" is in force (secondary bit 7 with secondary controls active). */
  public boolean unrestrictedGuest() {
    return control(SecondaryProcessorBasedControl.UNRESTRICTED_GUEST);
  }

  /** Whether "enable EPT" is in force. */
  public boolean ept() {
    return control(SecondaryProcessorBasedControl.ENABLE_EPT);
  }

  /** The "IA-32e mode guest" VM-entry control. */
  public boolean ia32eModeGuest() {
    return control(VmEntryControl.IA32E_MODE_GUEST);
  }

  /** The "host address-space size" VM-exit control. */
  public boolean hostAddressSpaceSize() {
    return control(PrimaryVmExitControl.HOST_ADDRESS_SPACE_SIZE);
  }

  /** Whether the guest will be in virtual-8086 mode: RFLAGS.VM is 1 (27.3.1.2). */
  public boolean virtual8086() {
    return any(GUEST_RFLAGS, Rflags.VM);
  }

  /** Whether the guest will be in 64-bit mode: IA-32e mode guest and CS.L. */
  public boolean guest64Bit() {
    return ia32eModeGuest() && (field(GUEST_CS_ACCESS_RIGHTS) & AccessRightsLayout.L) != 0;
  }

  // Event injection, 25.8.3.

  /** Whether the VM-entry interruption-information field is valid (bit 31). */
  public boolean injecting() {
    return any(VM_ENTRY_INTERRUPTION_INFORMATION, InterruptionInfoLayout.VALID);
  }

  /** The interruption type, bits 10:8. */
  public InterruptionType injectionType() {
    long info = field(VM_ENTRY_INTERRUPTION_INFORMATION);
    return InterruptionType.fromCode((int) ((info & InterruptionInfoLayout.TYPE) >>> InterruptionInfoLayout.TYPE_SHIFT));
  }

  /** The vector, bits 7:0. */
  public int injectionVector() {
    return (int) (field(VM_ENTRY_INTERRUPTION_INFORMATION) & InterruptionInfoLayout.VECTOR);
  }

  /** Whether a valid event of this type is being injected. */
  public boolean injecting(InterruptionType type) {
    return injecting() && injectionType() == type;
  }

  // Guest segments.

  /** The segment-register view of a guest register. */
  public Segment segment(GuestSegment register) {
    return new Segment(this, register);
  }

  // Addresses.

  /** Whether no bit at or above MAXPHYADDR is set (and bits 63:32 are 0 when IA32_VMX_BASIC[48] is 1). */
  public boolean physicalAddressOk(long address) {
    if ((address >>> facts.maxPhysicalAddress()) != 0) {
      return false;
    }
    return !capabilities.basic().physicalAddressesLimitedTo32Bits() || (address >>> Integer.SIZE) == 0;
  }

  /**
   * Whether an address is canonical for the processor's linear-address width (SDM Vol. 3A 3.3.7.1): the
   * facts' width, or 57 when the image's host or guest CR4.LA57 is 1, since a processor that runs 5-level
   * paging supports it and VM entry then checks canonicality on 57 bits (SDM Vol. 3A 4.5; Intel's 5-level
   * paging white paper, 335252, "VMX"). A dump of a host using 5-level paging (host CR4 with LA57) has
   * kernel addresses such as {@code 0xff3c22c2bf880000} in its host GS base, canonical only on 57 bits.
   */
  public boolean canonical(long address) {
    int width = linearAddressWidth;
    if (width >= 64) {
      return true;
    }
    int shift = 64 - width;
    return ((address << shift) >> shift) == address;
  }

  private boolean hasLa57(int cr4) {
    return (image.value(cr4).orElse(0) & Cr4.LA57) != 0;
  }

  /** Whether the value has none of the physical-address bits at or above MAXPHYADDR set. */
  public boolean withinPhysicalWidth(long value) {
    return (value >>> facts.maxPhysicalAddress()) == 0;
  }
}
