package dev.vmcscodegen.runtime.capability;

import java.util.Optional;

/**
 * IA32_VMX_BASIC (480H), decoded: SDM Vol. 3D A.1 "Basic VMX Information". Every bit pattern decodes;
 * the raw value is kept.
 *
 * @param raw the MSR's 64-bit value
 */
public record VmxBasic(long raw) {

  /** Bits 30:0: the VMCS revision identifier. */
  public static final long REVISION_ID_MASK = 0x7FFF_FFFFL;
  /** Bits 44:32: the size in bytes of the VMXON region and of any VMCS region. */
  public static final int REGION_SIZE_SHIFT = 32;
  /** Width of the region-size field, bits 44:32. */
  public static final long REGION_SIZE_MASK = 0x1FFFL;
  /** Bit 48: physical addresses of VMX structures are limited to 32 bits. */
  public static final int PHYSICAL_ADDRESS_WIDTH_32_BIT = 48;
  /** Bit 49: the dual-monitor treatment of SMIs and SMM is supported. */
  public static final int DUAL_MONITOR_BIT = 49;
  /** Bits 53:50: the memory type of the VMCS and the structures it references. */
  public static final int MEMORY_TYPE_SHIFT = 50;
  /** Width of the memory-type field, bits 53:50. */
  public static final long MEMORY_TYPE_MASK = 0xFL;
  /** Bit 54: VM exits for INS and OUTS report instruction information. */
  public static final int INS_OUTS_INFORMATION_BIT = 54;
  /** Bit 55: the TRUE capability MSRs (48DH to 490H) exist and report every default1 control. */
  public static final int TRUE_CONTROLS_BIT = 55;
  /** Bit 56: VM entry may deliver a hardware exception with or without an error code, whatever the vector. */
  public static final int ENTRY_WITHOUT_ERROR_CODE_BIT = 56;

  /** Bits 30:0: the VMCS revision identifier software writes into each VMCS and the VMXON region. */
  public int revisionId() {
    return (int) (raw & REVISION_ID_MASK);
  }

  /**
   * Bits 44:32: the number of bytes to allocate for the VMXON region and each VMCS region, greater
   * than 0 and at most 4096 on a well-formed MSR.
   */
  public int vmcsRegionSize() {
    return (int) ((raw >>> REGION_SIZE_SHIFT) & REGION_SIZE_MASK);
  }

  /**
   * Bit 48: the physical addresses of the VMXON region, each VMCS and the structures they reference
   * are limited to 32 bits. Always 0 on processors supporting Intel 64.
   */
  public boolean physicalAddressesLimitedTo32Bits() {
    return bit(PHYSICAL_ADDRESS_WIDTH_32_BIT);
  }

  /** Bit 49: the dual-monitor treatment of SMIs and SMM is supported (SDM Vol. 3C 33.15). */
  public boolean dualMonitorTreatment() {
    return bit(DUAL_MONITOR_BIT);
  }

  /** Bits 53:50 as the raw number. */
  public int memoryTypeValue() {
    return (int) ((raw >>> MEMORY_TYPE_SHIFT) & MEMORY_TYPE_MASK);
  }

  /** Bits 53:50 as a memory type: UC (0) or WB (6); empty for values the SDM does not use. */
  public Optional<VmxMemoryType> memoryType() {
    return VmxMemoryType.fromValue(memoryTypeValue());
  }

  /**
   * Bit 54: VM exits due to INS and OUTS report information in the VM-exit instruction-information
   * field (SDM Vol. 3C 28.2.5).
   */
  public boolean insOutsInstructionInformation() {
    return bit(INS_OUTS_INFORMATION_BIT);
  }

  /**
   * Bit 55: any default1 VM-execution, VM-exit or VM-entry control may be 0, and the TRUE capability
   * MSRs IA32_VMX_TRUE_PINBASED_CTLS to IA32_VMX_TRUE_ENTRY_CTLS report their allowed settings
   * (SDM Vol. 3D A.2).
   */
  public boolean trueControls() {
    return bit(TRUE_CONTROLS_BIT);
  }

  /**
   * Bit 56: VM entry may inject a hardware exception with or without an error code, whatever its
   * vector (SDM Vol. 3C 27.2.1.3).
   */
  public boolean entryWithoutErrorCode() {
    return bit(ENTRY_WITHOUT_ERROR_CODE_BIT);
  }

  private boolean bit(int bit) {
    return (raw >>> bit & 1) != 0;
  }
}
