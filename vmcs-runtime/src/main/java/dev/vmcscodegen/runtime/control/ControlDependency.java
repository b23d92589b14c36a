package dev.vmcscodegen.runtime.control;

import java.util.Objects;

/**
 * The rules by which one control's setting constrains another's, each with the SDM text that states it.
 * A {@link Relation#REQUIRES} rule says {@link #subject()} may be 1 only if {@link #other()} is 1; an
 * {@link Relation#EXCLUDES} rule says the two may not both be 1. The checks on the control fields
 * at VM entry (SDM Vol. 3C 27.2.1.1 to 27.2.1.3, 27.2.4) are the source of most rules; the others come
 * from the definition of a control, where the SDM says it has an effect only together with another.
 *
 * <p>The VM-entry checker's rows for these rules ({@code ctl-nmi-exiting-for-virtual-nmis} and the
 * others of docs/ENTRY-CHECKS.md) evaluate them through {@link #holds}, and the control resolver
 * ({@code runtime.resolve}) applies them, so the two cannot disagree.
 *
 * <p>The activation of a whole field ("activate secondary controls" for the secondary controls, ...) is
 * not listed here: {@link ControlKind#activatedBy()} says it once for every bit of the field.
 */
public enum ControlDependency {
  /** "If the 'NMI exiting' VM-execution control is 0, the 'virtual NMIs' VM-execution control must be 0." */
  VIRTUAL_NMIS_NEED_NMI_EXITING(PinBasedControl.VIRTUAL_NMIS, Relation.REQUIRES, PinBasedControl.NMI_EXITING,
      "SDM Vol. 3C, 27.2.1.1"),
  /** "If the 'virtual NMIs' VM-execution control is 0, the 'NMI-window exiting' VM-execution control must be 0." */
  NMI_WINDOW_EXITING_NEEDS_VIRTUAL_NMIS(PrimaryProcessorBasedControl.NMI_WINDOW_EXITING, Relation.REQUIRES,
      PinBasedControl.VIRTUAL_NMIS, "SDM Vol. 3C, 27.2.1.1"),
  /** "If the 'use TPR shadow' VM-execution control is 0, ... 'virtualize x2APIC mode' ... must be 0." */
  VIRTUALIZE_X2APIC_MODE_NEEDS_TPR_SHADOW(SecondaryProcessorBasedControl.VIRTUALIZE_X2APIC_MODE,
      Relation.REQUIRES, PrimaryProcessorBasedControl.USE_TPR_SHADOW, "SDM Vol. 3C, 27.2.1.1"),
  /** "If the 'use TPR shadow' VM-execution control is 0, ... 'APIC-register virtualization' ... must be 0." */
  APIC_REGISTER_VIRTUALIZATION_NEEDS_TPR_SHADOW(SecondaryProcessorBasedControl.APIC_REGISTER_VIRTUALIZATION,
      Relation.REQUIRES, PrimaryProcessorBasedControl.USE_TPR_SHADOW, "SDM Vol. 3C, 27.2.1.1"),
  /** "If the 'use TPR shadow' VM-execution control is 0, ... 'virtual-interrupt delivery' ... must be 0." */
  VIRTUAL_INTERRUPT_DELIVERY_NEEDS_TPR_SHADOW(SecondaryProcessorBasedControl.VIRTUAL_INTERRUPT_DELIVERY,
      Relation.REQUIRES, PrimaryProcessorBasedControl.USE_TPR_SHADOW, "SDM Vol. 3C, 27.2.1.1"),
  /** "If the 'use TPR shadow' VM-execution control is 0, the 'IPI virtualization' ... control must be 0." */
  IPI_VIRTUALIZATION_NEEDS_TPR_SHADOW(TertiaryProcessorBasedControl.IPI_VIRTUALIZATION, Relation.REQUIRES,
      PrimaryProcessorBasedControl.USE_TPR_SHADOW, "SDM Vol. 3C, 27.2.1.1"),
  /** "If the 'virtualize x2APIC mode' VM-execution control is 1, the 'virtualize APIC accesses' ... must be 0." */
  VIRTUALIZE_X2APIC_MODE_EXCLUDES_APIC_ACCESSES(SecondaryProcessorBasedControl.VIRTUALIZE_X2APIC_MODE,
      Relation.EXCLUDES, SecondaryProcessorBasedControl.VIRTUALIZE_APIC_ACCESSES, "SDM Vol. 3C, 27.2.1.1"),
  /** "If the 'virtual-interrupt delivery' VM-execution control is 1, the 'external-interrupt exiting' ... must be 1." */
  VIRTUAL_INTERRUPT_DELIVERY_NEEDS_EXTERNAL_INTERRUPT_EXITING(
      SecondaryProcessorBasedControl.VIRTUAL_INTERRUPT_DELIVERY, Relation.REQUIRES,
      PinBasedControl.EXTERNAL_INTERRUPT_EXITING, "SDM Vol. 3C, 27.2.1.1"),
  /** "If the 'process posted interrupts' VM-execution control is 1, ... 'virtual-interrupt delivery' ... must be 1." */
  POSTED_INTERRUPTS_NEED_VIRTUAL_INTERRUPT_DELIVERY(PinBasedControl.PROCESS_POSTED_INTERRUPTS, Relation.REQUIRES,
      SecondaryProcessorBasedControl.VIRTUAL_INTERRUPT_DELIVERY, "SDM Vol. 3C, 27.2.1.1"),
  /** "If the 'process posted interrupts' VM-execution control is 1, ... 'acknowledge interrupt on exit' ... must be 1." */
  POSTED_INTERRUPTS_NEED_ACKNOWLEDGE_INTERRUPT_ON_EXIT(PinBasedControl.PROCESS_POSTED_INTERRUPTS,
      Relation.REQUIRES, PrimaryVmExitControl.ACKNOWLEDGE_INTERRUPT_ON_EXIT, "SDM Vol. 3C, 27.2.1.1"),
  /** "If the 'enable PML' VM-execution control is 1, the 'enable EPT' VM-execution control must also be 1." */
  PML_NEEDS_EPT(SecondaryProcessorBasedControl.ENABLE_PML, Relation.REQUIRES,
      SecondaryProcessorBasedControl.ENABLE_EPT, "SDM Vol. 3C, 27.2.1.1"),
  /** "If the 'unrestricted guest' VM-execution control is 1, the 'enable EPT' VM-execution control must also be 1." */
  UNRESTRICTED_GUEST_NEEDS_EPT(SecondaryProcessorBasedControl.UNRESTRICTED_GUEST, Relation.REQUIRES,
      SecondaryProcessorBasedControl.ENABLE_EPT, "SDM Vol. 3C, 27.2.1.1"),
  /** "If the 'mode-based execute control for EPT' VM-execution control is 1, the 'enable EPT' ... must also be 1." */
  MODE_BASED_EXECUTE_CONTROL_NEEDS_EPT(SecondaryProcessorBasedControl.MODE_BASED_EXECUTE_CONTROL_FOR_EPT,
      Relation.REQUIRES, SecondaryProcessorBasedControl.ENABLE_EPT, "SDM Vol. 3C, 27.2.1.1"),
  /** "If the 'sub-page write permissions for EPT' VM-execution control is 1, the 'enable EPT' ... must also be 1." */
  SUB_PAGE_WRITE_PERMISSIONS_NEED_EPT(SecondaryProcessorBasedControl.SUB_PAGE_WRITE_PERMISSIONS_FOR_EPT,
      Relation.REQUIRES, SecondaryProcessorBasedControl.ENABLE_EPT, "SDM Vol. 3C, 27.2.1.1"),
  /** "If the 'Intel PT uses guest physical addresses' VM-execution control is 1, ... 'enable EPT' ... must be 1." */
  PT_GUEST_PHYSICAL_ADDRESSES_NEED_EPT(SecondaryProcessorBasedControl.INTEL_PT_USES_GUEST_PHYSICAL_ADDRESSES,
      Relation.REQUIRES, SecondaryProcessorBasedControl.ENABLE_EPT, "SDM Vol. 3C, 27.2.1.1"),
  /** "... the 'load IA32_RTIT_CTL' VM-entry control must be 1" when Intel PT uses guest physical addresses. */
  PT_GUEST_PHYSICAL_ADDRESSES_NEED_LOAD_RTIT_CTL(
      SecondaryProcessorBasedControl.INTEL_PT_USES_GUEST_PHYSICAL_ADDRESSES, Relation.REQUIRES,
      VmEntryControl.LOAD_IA32_RTIT_CTL, "SDM Vol. 3C, 27.2.1.1"),
  /** "... the 'clear IA32_RTIT_CTL' VM-exit control must be 1" when Intel PT uses guest physical addresses. */
  PT_GUEST_PHYSICAL_ADDRESSES_NEED_CLEAR_RTIT_CTL(
      SecondaryProcessorBasedControl.INTEL_PT_USES_GUEST_PHYSICAL_ADDRESSES, Relation.REQUIRES,
      PrimaryVmExitControl.CLEAR_IA32_RTIT_CTL, "SDM Vol. 3C, 27.2.1.1"),
  /**
   * "EPT-violation #VE: if this control is 1, EPT violations may cause virtualization exceptions": without
   * EPT there is no EPT violation, so the control has no effect (SDM Vol. 3C 25.6.2, Table 25-7; 27.5.7).
   * VM entry does not check this one; a resolver keeps it so the control is never set for nothing.
   */
  EPT_VIOLATION_VE_NEEDS_EPT(SecondaryProcessorBasedControl.EPT_VIOLATION_VE, Relation.REQUIRES,
      SecondaryProcessorBasedControl.ENABLE_EPT, "SDM Vol. 3C, 25.6.2"),
  /** "If 'activate VMX-preemption timer' is 0, 'save VMX-preemption timer value' must also be 0." */
  SAVE_PREEMPTION_TIMER_NEEDS_TIMER(PrimaryVmExitControl.SAVE_VMX_PREEMPTION_TIMER_VALUE, Relation.REQUIRES,
      PinBasedControl.ACTIVATE_VMX_PREEMPTION_TIMER, "SDM Vol. 3C, 27.2.1.2"),
  /** "If the 'host address-space size' VM-exit control is 0, ... the 'IA-32e mode guest' VM-entry control must be 0." */
  IA32E_MODE_GUEST_NEEDS_HOST_ADDRESS_SPACE_SIZE(VmEntryControl.IA32E_MODE_GUEST, Relation.REQUIRES,
      PrimaryVmExitControl.HOST_ADDRESS_SPACE_SIZE, "SDM Vol. 3C, 27.2.4"),
  /** "The 'entry to SMM' and 'deactivate dual-monitor treatment' VM-entry controls cannot both be 1." */
  ENTRY_TO_SMM_EXCLUDES_DEACTIVATE_DUAL_MONITOR(VmEntryControl.ENTRY_TO_SMM, Relation.EXCLUDES,
      VmEntryControl.DEACTIVATE_DUAL_MONITOR_TREATMENT, "SDM Vol. 3C, 27.2.1.3");

  /** How a rule's two controls relate. */
  public enum Relation {
    /** The subject may be 1 only if the other control is 1. */
    REQUIRES("requires"),
    /** The subject and the other control may not both be 1. */
    EXCLUDES("excludes");

    private final String verb;

    Relation(String verb) {
      this.verb = verb;
    }

    /** The verb in a rule's text, such as {@code "requires"}. */
    public String verb() {
      return verb;
    }
  }

  private final ControlBit subject;
  private final Relation relation;
  private final ControlBit other;
  private final String sdmReference;

  ControlDependency(ControlBit subject, Relation relation, ControlBit other, String sdmReference) {
    this.subject = Objects.requireNonNull(subject);
    this.relation = Objects.requireNonNull(relation);
    this.other = Objects.requireNonNull(other);
    this.sdmReference = Objects.requireNonNull(sdmReference);
  }

  /** The control the rule constrains when it is 1. */
  public ControlBit subject() {
    return subject;
  }

  /** How {@link #subject()} relates to {@link #other()}. */
  public Relation relation() {
    return relation;
  }

  /** The control that must be 1 ({@link Relation#REQUIRES}) or 0 ({@link Relation#EXCLUDES}) when the subject is 1. */
  public ControlBit other() {
    return other;
  }

  /** Where the SDM states the rule. */
  public String sdmReference() {
    return sdmReference;
  }

  /** Whether the rule holds for these settings of its two controls. */
  public boolean holds(boolean subjectSet, boolean otherSet) {
    return !subjectSet || (relation == Relation.REQUIRES ? otherSet : !otherSet);
  }

  /** The rule in words, such as {@code "virtual NMIs" requires "NMI exiting" (SDM Vol. 3C, 27.2.1.1)}. */
  public String describe() {
    return String.format("\"%s\" %s \"%s\" (%s)", subject.sdmName(), relation.verb(), other.sdmName(), sdmReference);
  }
}
