package dev.vmcscodegen.runtime.control;

import dev.vmcscodegen.encoding.VmcsWidth;
import dev.vmcscodegen.runtime.WritableVmcsField;
import dev.vmcscodegen.runtime.capability.VmxCapabilityMsr;
import dev.vmcscodegen.runtime.fields.VmcsControl32;
import dev.vmcscodegen.runtime.fields.VmcsControl64;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The VMX control fields whose bits a capability MSR governs: each names its VMCS field (SDM Vol. 3D
 * Appendix B), its width, its capability MSR and, where bit 55 of IA32_VMX_BASIC may offer one, its
 * TRUE capability MSR (SDM Vol. 3D A.3 to A.5), and the enum of its named bits.
 */
public enum ControlKind {
  /** Pin-based VM-execution controls, 32 bits at 4000H (SDM Vol. 3C 25.6.1). */
  PIN_BASED_VM_EXECUTION_CONTROLS("pin-based VM-execution controls", VmcsControl32.PIN_BASED_VM_EXECUTION_CONTROLS,
      VmxCapabilityMsr.IA32_VMX_PINBASED_CTLS, VmxCapabilityMsr.IA32_VMX_TRUE_PINBASED_CTLS,
      "SDM Vol. 3C, 25.6.1", PinBasedControl.values()),
  /** Primary processor-based VM-execution controls, 32 bits at 4002H (SDM Vol. 3C 25.6.2). */
  PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS("primary processor-based VM-execution controls", VmcsControl32.PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS,
      VmxCapabilityMsr.IA32_VMX_PROCBASED_CTLS, VmxCapabilityMsr.IA32_VMX_TRUE_PROCBASED_CTLS,
      "SDM Vol. 3C, 25.6.2", PrimaryProcessorBasedControl.values()),
  /** Secondary processor-based VM-execution controls, 32 bits at 401EH (SDM Vol. 3C 25.6.2). */
  SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS("secondary processor-based VM-execution controls", VmcsControl32.SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS,
      VmxCapabilityMsr.IA32_VMX_PROCBASED_CTLS2, null,
      "SDM Vol. 3C, 25.6.2", SecondaryProcessorBasedControl.values()),
  /** Tertiary processor-based VM-execution controls, 64 bits at 2034H (SDM Vol. 3C 25.6.2). */
  TERTIARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS("tertiary processor-based VM-execution controls", VmcsControl64.TERTIARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS,
      VmxCapabilityMsr.IA32_VMX_PROCBASED_CTLS3, null,
      "SDM Vol. 3C, 25.6.2", TertiaryProcessorBasedControl.values()),
  /** Primary VM-exit controls, 32 bits at 400CH (SDM Vol. 3C 25.7.1). */
  PRIMARY_VM_EXIT_CONTROLS("primary VM-exit controls", VmcsControl32.PRIMARY_VM_EXIT_CONTROLS,
      VmxCapabilityMsr.IA32_VMX_EXIT_CTLS, VmxCapabilityMsr.IA32_VMX_TRUE_EXIT_CTLS,
      "SDM Vol. 3C, 25.7.1", PrimaryVmExitControl.values()),
  /** Secondary VM-exit controls, 64 bits at 2044H (SDM Vol. 3C 25.7.1). */
  SECONDARY_VM_EXIT_CONTROLS("secondary VM-exit controls", VmcsControl64.SECONDARY_VM_EXIT_CONTROLS,
      VmxCapabilityMsr.IA32_VMX_EXIT_CTLS2, null,
      "SDM Vol. 3C, 25.7.1", SecondaryVmExitControl.values()),
  /** VM-entry controls, 32 bits at 4012H (SDM Vol. 3C 25.8.1). */
  VM_ENTRY_CONTROLS("VM-entry controls", VmcsControl32.VM_ENTRY_CONTROLS,
      VmxCapabilityMsr.IA32_VMX_ENTRY_CTLS, VmxCapabilityMsr.IA32_VMX_TRUE_ENTRY_CTLS,
      "SDM Vol. 3C, 25.8.1", VmEntryControl.values());

  private final String sdmName;
  private final WritableVmcsField field;
  private final VmxCapabilityMsr capabilityMsr;
  private final VmxCapabilityMsr trueCapabilityMsr;
  private final String sdmReference;
  private final List<ControlBit> bits;
  /** The enum of {@link #bits}, by which {@link #of} finds a bit's field. */
  private final Class<?> bitType;

  ControlKind(String sdmName, WritableVmcsField field, VmxCapabilityMsr capabilityMsr,
      VmxCapabilityMsr trueCapabilityMsr, String sdmReference, ControlBit[] bits) {
    this.sdmName = sdmName;
    this.field = field;
    this.capabilityMsr = capabilityMsr;
    this.trueCapabilityMsr = trueCapabilityMsr;
    this.sdmReference = sdmReference;
    this.bits = List.of(bits);
    this.bitType = bits.getClass().getComponentType();
  }

  /** The control field whose enum declares {@code bit}. */
  static ControlKind of(ControlBit bit) {
    for (ControlKind kind : values()) {
      if (kind.bitType.isInstance(bit)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(bit + " is not declared by a control-bit enum of ControlKind");
  }

  /** The SDM's name of the field, such as {@code "pin-based VM-execution controls"}. */
  public String sdmName() {
    return sdmName;
  }

  /** The generated VMCS field constant, of the same name as this one (SDM Vol. 3D Appendix B). */
  public WritableVmcsField field() {
    return field;
  }

  /** The field's full-access VMCS encoding, such as {@code 0x4000}. */
  public int encoding() {
    return field.encoding();
  }

  /** The field's width in bits: 32, or 64 for the tertiary processor-based and secondary VM-exit controls. */
  public int width() {
    return field.width() == VmcsWidth.BITS_64 ? 64 : 32;
  }

  /** Every bit of the field's width. */
  public long widthMask() {
    return width() == 64 ? -1L : (1L << width()) - 1;
  }

  /** The capability MSR reporting the allowed settings when bit 55 of IA32_VMX_BASIC is 0. */
  public VmxCapabilityMsr capabilityMsr() {
    return capabilityMsr;
  }

  /** The TRUE capability MSR used instead when bit 55 of IA32_VMX_BASIC is 1; empty for fields without one. */
  public Optional<VmxCapabilityMsr> trueCapabilityMsr() {
    return Optional.ofNullable(trueCapabilityMsr);
  }

  /**
   * The capability MSR that reports this field's allowed settings: the TRUE MSR when IA32_VMX_BASIC bit
   * 55 is 1 ({@code trueControls}) and the field has one, else the plain one (SDM Vol. 3D A.2).
   */
  public VmxCapabilityMsr capabilityMsrInForce(boolean trueControls) {
    return trueControls && trueCapabilityMsr != null ? trueCapabilityMsr : capabilityMsr;
  }

  /**
   * The control that makes this field apply: "activate secondary controls" (bit 31) of the primary
   * processor-based controls for the secondary ones and "activate tertiary controls" (bit 17) for the
   * tertiary ones (SDM Vol. 3C 25.6.2), "activate secondary controls" (bit 31) of the primary VM-exit
   * controls for the secondary VM-exit controls (SDM Vol. 3C 25.7.1). While that control is 0 the
   * processor ignores the field and VM entry does not check it (SDM Vol. 3C 27.2.1.1, 27.2.1.2). Empty
   * for the fields that always apply.
   */
  public Optional<ControlBit> activatedBy() {
    return switch (this) {
      case SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS ->
          Optional.of(PrimaryProcessorBasedControl.ACTIVATE_SECONDARY_CONTROLS);
      case TERTIARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS ->
          Optional.of(PrimaryProcessorBasedControl.ACTIVATE_TERTIARY_CONTROLS);
      case SECONDARY_VM_EXIT_CONTROLS -> Optional.of(PrimaryVmExitControl.ACTIVATE_SECONDARY_CONTROLS);
      default -> Optional.empty();
    };
  }

  /** Where the SDM defines the field's bits. */
  public String sdmReference() {
    return sdmReference;
  }

  /** The named bits of the field, in bit order. */
  public List<ControlBit> bits() {
    return bits;
  }

  /** The named bit at this position; empty for a reserved or not yet named bit. */
  public Optional<ControlBit> bit(int bit) {
    for (ControlBit candidate : bits) {
      if (candidate.bit() == bit) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The SDM name of the bit at this position with its number, such as {@code "HLT exiting (bit 7)"}, or {@code "bit 1"} for an unnamed bit. */
  public String describeBit(int bit) {
    return bit(bit).map(named -> named.sdmName() + " (bit " + bit + ")").orElse("bit " + bit);
  }

  /** Every set bit of {@code mask} described by {@link #describeBit}, lowest first, joined with {@code ", "}. */
  public String describeBits(long mask) {
    List<String> names = new ArrayList<>();
    for (int bit = 0; bit < 64; bit++) {
      if ((mask >>> bit & 1) != 0) {
        names.add(describeBit(bit));
      }
    }
    return String.join(", ", names);
  }
}
