package dev.vmcscodegen.runtime.capability;

import dev.vmcscodegen.runtime.control.SecondaryProcessorBasedControl;
import dev.vmcscodegen.runtime.control.PrimaryVmExitControl;
import dev.vmcscodegen.runtime.control.PrimaryProcessorBasedControl;
import dev.vmcscodegen.runtime.control.ControlBit;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The VMX capability MSRs, IA32_VMX_BASIC (480H) to IA32_VMX_EXIT_CTLS2 (493H), SDM Vol. 3D Appendix A
 * "VMX Capability Reporting Facility" (also Vol. 4, Table 2-2).
 *
 * <p>Each constant knows when it exists: some MSRs exist on every processor with VMX, the others only
 * when a bit of an earlier MSR reports the feature they describe (for example IA32_VMX_PROCBASED_CTLS3
 * only when bit 49 of IA32_VMX_PROCBASED_CTLS, the allowed 1-setting of "activate tertiary controls",
 * is 1). Reading an MSR that does not exist faults with #GP, so {@link VmxCapabilities#read} reads
 * only those that exist. The constants are declared in address order, so every MSR's condition names
 * an MSR declared before it.
 */
public enum VmxCapabilityMsr {
  /** 480H: VMCS revision, region size, memory type, TRUE-controls support (SDM Vol. 3D A.1). */
  IA32_VMX_BASIC(0x480, "SDM Vol. 3D, A.1",
      "the VMCS revision, size and memory type, and whether the TRUE MSRs exist",
      null, 0),
  /** 481H: allowed settings of the pin-based VM-execution controls (SDM Vol. 3D A.3.1). */
  IA32_VMX_PINBASED_CTLS(0x481, "SDM Vol. 3D, A.3.1",
      "the allowed settings of the pin-based VM-execution controls",
      null, 0),
  /** 482H: allowed settings of the primary processor-based VM-execution controls (SDM Vol. 3D A.3.2). */
  IA32_VMX_PROCBASED_CTLS(0x482, "SDM Vol. 3D, A.3.2",
      "the allowed settings of the primary processor-based VM-execution controls, and whether the secondary and tertiary controls exist",
      null, 0),
  /** 483H: allowed settings of the primary VM-exit controls (SDM Vol. 3D A.4.1). */
  IA32_VMX_EXIT_CTLS(0x483, "SDM Vol. 3D, A.4.1",
      "the allowed settings of the primary VM-exit controls, and whether the secondary VM-exit controls exist",
      null, 0),
  /** 484H: allowed settings of the VM-entry controls (SDM Vol. 3D A.5). */
  IA32_VMX_ENTRY_CTLS(0x484, "SDM Vol. 3D, A.5",
      "the allowed settings of the VM-entry controls",
      null, 0),
  /** 485H: miscellaneous data (SDM Vol. 3D A.6). */
  IA32_VMX_MISC(0x485, "SDM Vol. 3D, A.6",
      "the activity states, CR3-target count, MSR-list size and other miscellaneous data",
      null, 0),
  /** 486H: CR0 bits fixed to 1 in VMX operation (SDM Vol. 3D A.7). */
  IA32_VMX_CR0_FIXED0(0x486, "SDM Vol. 3D, A.7",
      "the CR0 bits fixed to 1 in VMX operation",
      null, 0),
  /** 487H: CR0 bits that may be 1 in VMX operation (SDM Vol. 3D A.7). */
  IA32_VMX_CR0_FIXED1(0x487, "SDM Vol. 3D, A.7",
      "the CR0 bits that may be 1 in VMX operation",
      null, 0),
  /** 488H: CR4 bits fixed to 1 in VMX operation (SDM Vol. 3D A.8). */
  IA32_VMX_CR4_FIXED0(0x488, "SDM Vol. 3D, A.8",
      "the CR4 bits fixed to 1 in VMX operation",
      null, 0),
  /** 489H: CR4 bits that may be 1 in VMX operation (SDM Vol. 3D A.8). */
  IA32_VMX_CR4_FIXED1(0x489, "SDM Vol. 3D, A.8",
      "the CR4 bits that may be 1 in VMX operation",
      null, 0),
  /** 48AH: highest index of any supported VMCS field encoding (SDM Vol. 3D A.9). */
  IA32_VMX_VMCS_ENUM(0x48A, "SDM Vol. 3D, A.9",
      "the highest VMCS field index",
      null, 0),
  /**
   * 48BH: allowed settings of the secondary processor-based VM-execution controls; exists only if
   * bit 63 of IA32_VMX_PROCBASED_CTLS ("activate secondary controls" may be 1) is 1 (SDM Vol. 3D A.3.3).
   */
  IA32_VMX_PROCBASED_CTLS2(0x48B, "SDM Vol. 3D, A.3.3",
      "the allowed settings of the secondary processor-based VM-execution controls",
      IA32_VMX_PROCBASED_CTLS,
      allowed1(PrimaryProcessorBasedControl.ACTIVATE_SECONDARY_CONTROLS)),
  /**
   * 48CH: VPID and EPT capabilities; exists only if bit 33 ("enable EPT" may be 1) or bit 37
   * ("enable VPID" may be 1) of IA32_VMX_PROCBASED_CTLS2 is 1 (SDM Vol. 3D A.10).
   */
  IA32_VMX_EPT_VPID_CAP(0x48C, "SDM Vol. 3D, A.10",
      "the EPT and VPID capabilities",
      IA32_VMX_PROCBASED_CTLS2,
      allowed1(SecondaryProcessorBasedControl.ENABLE_EPT) | allowed1(SecondaryProcessorBasedControl.ENABLE_VPID)),
  /** 48DH: all allowed settings of the pin-based controls; exists only if IA32_VMX_BASIC bit 55 is 1 (A.3.1). */
  IA32_VMX_TRUE_PINBASED_CTLS(0x48D, "SDM Vol. 3D, A.3.1",
      "which default-1 pin-based controls may be 0",
      IA32_VMX_BASIC, 1L << VmxBasic.TRUE_CONTROLS_BIT),
  /** 48EH: all allowed settings of the primary processor-based controls; exists only if IA32_VMX_BASIC bit 55 is 1 (A.3.2). */
  IA32_VMX_TRUE_PROCBASED_CTLS(0x48E, "SDM Vol. 3D, A.3.2",
      "which default-1 primary processor-based controls may be 0",
      IA32_VMX_BASIC, 1L << VmxBasic.TRUE_CONTROLS_BIT),
  /** 48FH: all allowed settings of the primary VM-exit controls; exists only if IA32_VMX_BASIC bit 55 is 1 (A.4.1). */
  IA32_VMX_TRUE_EXIT_CTLS(0x48F, "SDM Vol. 3D, A.4.1",
      "which default-1 VM-exit controls may be 0",
      IA32_VMX_BASIC, 1L << VmxBasic.TRUE_CONTROLS_BIT),
  /** 490H: all allowed settings of the VM-entry controls; exists only if IA32_VMX_BASIC bit 55 is 1 (A.5). */
  IA32_VMX_TRUE_ENTRY_CTLS(0x490, "SDM Vol. 3D, A.5",
      "which default-1 VM-entry controls may be 0",
      IA32_VMX_BASIC, 1L << VmxBasic.TRUE_CONTROLS_BIT),
  /**
   * 491H: allowed 1-settings of the VM-function controls; exists only if bit 45 of
   * IA32_VMX_PROCBASED_CTLS2 ("enable VM functions" may be 1) is 1 (SDM Vol. 3D A.11).
   */
  IA32_VMX_VMFUNC(0x491, "SDM Vol. 3D, A.11",
      "the allowed VM-function controls",
      IA32_VMX_PROCBASED_CTLS2,
      allowed1(SecondaryProcessorBasedControl.ENABLE_VM_FUNCTIONS)),
  /**
   * 492H: allowed 1-settings of the tertiary processor-based controls (64 bits); exists only if bit 49
   * of IA32_VMX_PROCBASED_CTLS ("activate tertiary controls" may be 1) is 1 (SDM Vol. 3D A.3.4).
   */
  IA32_VMX_PROCBASED_CTLS3(0x492, "SDM Vol. 3D, A.3.4",
      "the allowed settings of the tertiary processor-based VM-execution controls",
      IA32_VMX_PROCBASED_CTLS,
      allowed1(PrimaryProcessorBasedControl.ACTIVATE_TERTIARY_CONTROLS)),
  /**
   * 493H: allowed 1-settings of the secondary VM-exit controls (64 bits); exists only if bit 63 of
   * IA32_VMX_EXIT_CTLS ("activate secondary controls" may be 1) is 1 (SDM Vol. 3D A.4.2).
   */
  IA32_VMX_EXIT_CTLS2(0x493, "SDM Vol. 3D, A.4.2",
      "the allowed settings of the secondary VM-exit controls",
      IA32_VMX_EXIT_CTLS,
      allowed1(PrimaryVmExitControl.ACTIVATE_SECONDARY_CONTROLS));

  private final int address;
  private final String sdmReference;
  private final String decides;
  private final VmxCapabilityMsr condition;
  private final long conditionBits;

  VmxCapabilityMsr(int address, String sdmReference, String decides, VmxCapabilityMsr condition,
      long conditionBits) {
    this.address = address;
    this.sdmReference = sdmReference;
    this.decides = decides;
    this.condition = condition;
    this.conditionBits = conditionBits;
  }

  /** The MSR address (RDMSR's ECX), 0x480 to 0x493. */
  public int address() {
    return address;
  }

  /** Where Appendix A describes this MSR, such as {@code "SDM Vol. 3D, A.1"}. */
  public String sdmReference() {
    return sdmReference;
  }

  /**
   * What this MSR decides, in words ("the allowed settings of the VM-entry controls"): what a report
   * cannot say when the MSR is missing from a profile.
   */
  public String decides() {
    return decides;
  }

  /** Whether every processor that supports VMX has this MSR. */
  public boolean alwaysExists() {
    return condition == null;
  }

  /**
   * The MSR whose bits decide whether this one exists; empty for MSRs that always exist.
   * This MSR exists when that one exists and has any of {@link #conditionBits()} set.
   */
  public Optional<VmxCapabilityMsr> condition() {
    return Optional.ofNullable(condition);
  }

  /** The bits of {@link #condition()} of which at least one must be 1 for this MSR to exist; 0 if it always exists. */
  public long conditionBits() {
    return conditionBits;
  }

  /**
   * The bit of a 32-bit control's capability MSR that reports whether {@code control} may be 1: bit
   * 32 + its position, in the allowed 1-settings (SDM Vol. 3D A.3).
   */
  private static long allowed1(ControlBit control) {
    return 1L << (Integer.SIZE + control.bit());
  }

  /**
   * Whether the processor cannot have this MSR, by the presence rules, given the capability MSR values
   * known, by address: an MSR it depends on is known and reports the feature it describes absent.
   * False when the processor has it, or when what decides it is itself unknown.
   */
  public boolean cannotExist(Map<Integer, Long> known) {
    Map<VmxCapabilityMsr, Long> byMsr = new EnumMap<>(VmxCapabilityMsr.class);
    known.forEach((address, value) -> fromAddress(address).ifPresent(msr -> byMsr.put(msr, value)));
    return MsrPresence.status(this, byMsr) == MsrPresence.Status.ABSENT;
  }

  /** This MSR's name and address, such as {@code IA32_VMX_BASIC (0x480)}. */
  public String describe() {
    return String.format("%s (0x%X)", name(), address);
  }

  /** The capability MSR at this address; empty for any other address. */
  public static Optional<VmxCapabilityMsr> fromAddress(int address) {
    for (VmxCapabilityMsr msr : values()) {
      if (msr.address == address) {
        return Optional.of(msr);
      }
    }
    return Optional.empty();
  }
}
