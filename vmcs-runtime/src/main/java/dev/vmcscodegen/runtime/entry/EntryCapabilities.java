package dev.vmcscodegen.runtime.entry;

import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.capability.VmxCapabilityMsr;
import java.util.Map;
import java.util.TreeMap;

/**
 * The VMX capability MSRs the VM-entry checks compare a VMCS with (SDM Vol. 3D Appendix A), as raw
 * values by MSR address, with the derived views the checks use. The pin-based, primary processor-based,
 * VM-exit and VM-entry controls are checked against the TRUE MSRs (48DH to 490H) when IA32_VMX_BASIC bit
 * 55 is 1 and against the original MSRs (481H to 484H) otherwise (SDM Vol. 3D A.2; Vol. 3C 27.2.1).
 * An MSR absent from the map reports no capability (all its allowed-1 bits 0), as on a processor
 * where it does not exist.
 *
 * @param msrs raw MSR values by address; must hold IA32_VMX_BASIC, the four original control MSRs,
 *     IA32_VMX_MISC, the four CR0/CR4 fixed MSRs, and the TRUE control MSRs when BASIC bit 55 is 1
 */
public record EntryCapabilities(Map<Integer, Long> msrs) {

  /** 480H IA32_VMX_BASIC (SDM Vol. 3D A.1). */
  public static final int IA32_VMX_BASIC = VmxCapabilityMsr.IA32_VMX_BASIC.address();
  /** 481H IA32_VMX_PINBASED_CTLS (A.3.1). */
  public static final int IA32_VMX_PINBASED_CTLS = VmxCapabilityMsr.IA32_VMX_PINBASED_CTLS.address();
  /** 482H IA32_VMX_PROCBASED_CTLS (A.3.2). */
  public static final int IA32_VMX_PROCBASED_CTLS = VmxCapabilityMsr.IA32_VMX_PROCBASED_CTLS.address();
  /** 483H IA32_VMX_EXIT_CTLS (A.4.1). */
  public static final int IA32_VMX_EXIT_CTLS = VmxCapabilityMsr.IA32_VMX_EXIT_CTLS.address();
  /** 484H IA32_VMX_ENTRY_CTLS (A.5). */
  public static final int IA32_VMX_ENTRY_CTLS = VmxCapabilityMsr.IA32_VMX_ENTRY_CTLS.address();
  /** 485H IA32_VMX_MISC (A.6). */
  public static final int IA32_VMX_MISC = VmxCapabilityMsr.IA32_VMX_MISC.address();
  /** 486H IA32_VMX_CR0_FIXED0 (A.7). */
  public static final int IA32_VMX_CR0_FIXED0 = VmxCapabilityMsr.IA32_VMX_CR0_FIXED0.address();
  /** 487H IA32_VMX_CR0_FIXED1 (A.7). */
  public static final int IA32_VMX_CR0_FIXED1 = VmxCapabilityMsr.IA32_VMX_CR0_FIXED1.address();
  /** 488H IA32_VMX_CR4_FIXED0 (A.8). */
  public static final int IA32_VMX_CR4_FIXED0 = VmxCapabilityMsr.IA32_VMX_CR4_FIXED0.address();
  /** 489H IA32_VMX_CR4_FIXED1 (A.8). */
  public static final int IA32_VMX_CR4_FIXED1 = VmxCapabilityMsr.IA32_VMX_CR4_FIXED1.address();
  /** 48BH IA32_VMX_PROCBASED_CTLS2 (A.3.3). */
  public static final int IA32_VMX_PROCBASED_CTLS2 = VmxCapabilityMsr.IA32_VMX_PROCBASED_CTLS2.address();
  /** 48CH IA32_VMX_EPT_VPID_CAP (A.10). */
  public static final int IA32_VMX_EPT_VPID_CAP = VmxCapabilityMsr.IA32_VMX_EPT_VPID_CAP.address();
  /** 48DH IA32_VMX_TRUE_PINBASED_CTLS (A.3.1). */
  public static final int IA32_VMX_TRUE_PINBASED_CTLS = VmxCapabilityMsr.IA32_VMX_TRUE_PINBASED_CTLS.address();
  /** 48EH IA32_VMX_TRUE_PROCBASED_CTLS (A.3.2). */
  public static final int IA32_VMX_TRUE_PROCBASED_CTLS = VmxCapabilityMsr.IA32_VMX_TRUE_PROCBASED_CTLS.address();
  /** 48FH IA32_VMX_TRUE_EXIT_CTLS (A.4.1). */
  public static final int IA32_VMX_TRUE_EXIT_CTLS = VmxCapabilityMsr.IA32_VMX_TRUE_EXIT_CTLS.address();
  /** 490H IA32_VMX_TRUE_ENTRY_CTLS (A.5). */
  public static final int IA32_VMX_TRUE_ENTRY_CTLS = VmxCapabilityMsr.IA32_VMX_TRUE_ENTRY_CTLS.address();
  /** 491H IA32_VMX_VMFUNC (A.11). */
  public static final int IA32_VMX_VMFUNC = VmxCapabilityMsr.IA32_VMX_VMFUNC.address();
  /** 492H IA32_VMX_PROCBASED_CTLS3 (A.3.4), 64 allowed-1 bits. */
  public static final int IA32_VMX_PROCBASED_CTLS3 = VmxCapabilityMsr.IA32_VMX_PROCBASED_CTLS3.address();
  /** 493H IA32_VMX_EXIT_CTLS2 (A.4.2), 64 allowed-1 bits. */
  public static final int IA32_VMX_EXIT_CTLS2 = VmxCapabilityMsr.IA32_VMX_EXIT_CTLS2.address();

  /** IA32_VMX_BASIC bit 48: VMXON/VMCS and referenced addresses are limited to 32 bits (A.1). */
  public static final long BASIC_32BIT_ADDRESSES = 1L << 48;
  /** IA32_VMX_BASIC bit 55: the TRUE control MSRs exist and are authoritative (A.1). */
  public static final long BASIC_TRUE_CONTROLS = 1L << 55;
  /** IA32_VMX_BASIC bit 56: VM entry allows any hardware exception to be injected with or without an error code (A.1). */
  public static final long BASIC_NO_ERROR_CODE_CONSISTENCY = 1L << 56;
  /** IA32_VMX_BASIC bits 30:0: the VMCS revision identifier (A.1). */
  public static final long BASIC_REVISION_MASK = 0x7FFF_FFFFL;

  private static final int[] REQUIRED = {IA32_VMX_BASIC, IA32_VMX_PINBASED_CTLS, IA32_VMX_PROCBASED_CTLS,
      IA32_VMX_EXIT_CTLS, IA32_VMX_ENTRY_CTLS, IA32_VMX_MISC, IA32_VMX_CR0_FIXED0, IA32_VMX_CR0_FIXED1,
      IA32_VMX_CR4_FIXED0, IA32_VMX_CR4_FIXED1};
  private static final int[] REQUIRED_TRUE = {IA32_VMX_TRUE_PINBASED_CTLS, IA32_VMX_TRUE_PROCBASED_CTLS,
      IA32_VMX_TRUE_EXIT_CTLS, IA32_VMX_TRUE_ENTRY_CTLS};

  /** Validates that the MSRs every VM entry consults are present and copies the map (sorted). */
  public EntryCapabilities {
    msrs = Map.copyOf(new TreeMap<>(msrs));
    for (int msr : REQUIRED) {
      requirePresent(msrs, msr, "every processor with VMX has it");
    }
    if ((msrs.get(IA32_VMX_BASIC) & BASIC_TRUE_CONTROLS) != 0) {
      for (int msr : REQUIRED_TRUE) {
        requirePresent(msrs, msr, "IA32_VMX_BASIC bit 55 is 1");
      }
    }
  }

  private static void requirePresent(Map<Integer, Long> msrs, int msr, String why) {
    if (!msrs.containsKey(msr)) {
      throw new IllegalArgumentException(String.format(
          "capability MSR 0x%X is missing from the profile (%s; SDM Vol. 3D Appendix A)", msr, why));
    }
  }

  /** The profile of a {@link VmxCapabilities} (read from a processor or parsed from a profile file). */
  public static EntryCapabilities of(VmxCapabilities capabilities) {
    return new EntryCapabilities(capabilities.msrs());
  }

  /** The raw value of an MSR, 0 when absent. */
  public long msr(int address) {
    return msrs.getOrDefault(address, 0L);
  }

  /** IA32_VMX_BASIC. */
  public long basic() {
    return msr(IA32_VMX_BASIC);
  }

  /** The VMCS revision identifier, IA32_VMX_BASIC bits 30:0. */
  public long vmcsRevision() {
    return basic() & BASIC_REVISION_MASK;
  }

  /** Whether IA32_VMX_BASIC bit 55 selects the TRUE control MSRs. */
  public boolean trueControls() {
    return (basic() & BASIC_TRUE_CONTROLS) != 0;
  }

  private long controlMsr(int original, int trueMsr) {
    return msr(trueControls() ? trueMsr : original);
  }

  /** The pin-based controls MSR in force (TRUE or original). */
  public long pinBased() {
    return controlMsr(IA32_VMX_PINBASED_CTLS, IA32_VMX_TRUE_PINBASED_CTLS);
  }

  /** The primary processor-based controls MSR in force. */
  public long procBased() {
    return controlMsr(IA32_VMX_PROCBASED_CTLS, IA32_VMX_TRUE_PROCBASED_CTLS);
  }

  /** The VM-exit controls MSR in force. */
  public long exitControls() {
    return controlMsr(IA32_VMX_EXIT_CTLS, IA32_VMX_TRUE_EXIT_CTLS);
  }

  /** The VM-entry controls MSR in force. */
  public long entryControls() {
    return controlMsr(IA32_VMX_ENTRY_CTLS, IA32_VMX_TRUE_ENTRY_CTLS);
  }

  /** Bits 31:0 of a control MSR: the bits that must be 1 (allowed 0-settings, SDM Vol. 3D A.3). */
  public static long allowed0(long controlMsr) {
    return controlMsr & 0xFFFF_FFFFL;
  }

  /** Bits 63:32 of a control MSR: the bits that may be 1 (allowed 1-settings, SDM Vol. 3D A.3). */
  public static long allowed1(long controlMsr) {
    return controlMsr >>> 32;
  }
}
