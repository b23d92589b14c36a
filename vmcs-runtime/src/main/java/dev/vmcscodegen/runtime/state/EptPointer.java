package dev.vmcscodegen.runtime.state;

import dev.vmcscodegen.runtime.arch.Page;
import dev.vmcscodegen.runtime.capability.EptVpidCapability;
import dev.vmcscodegen.runtime.capability.EptVpidCapabilityBit;
import dev.vmcscodegen.runtime.capability.VmxMemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An EPT pointer (EPTP), SDM Vol. 3C 25.6.11, Table "Format of Extended-Page-Table Pointer": bits 2:0
 * the EPT paging-structure memory type, bits 5:3 the page-walk length minus 1, bit 6 the enable of
 * accessed and dirty flags, bit 7 the enable of supervisor shadow-stack control, bits 11:8 reserved,
 * bits N-1:12 the physical address of the EPT PML4 table (PML5 table with a 5-level walk).
 *
 * @param tableAddress physical address of the top EPT paging structure, 4-KByte aligned
 * @param memoryType UC or WB
 * @param pageWalkLength 4 or 5
 * @param accessedDirtyFlags bit 6
 * @param supervisorShadowStack bit 7
 */
public record EptPointer(long tableAddress, VmxMemoryType memoryType, int pageWalkLength, boolean accessedDirtyFlags,
    boolean supervisorShadowStack) {

  /** Bits 2:0: memory type. */
  public static final long MEMORY_TYPE_MASK = 0x7;
  /** Bits 5:3: page-walk length minus 1. */
  public static final int PAGE_WALK_LENGTH_SHIFT = 3;
  /** Bit 6: enable accessed and dirty flags. */
  public static final long ACCESSED_DIRTY_BIT = 1L << 6;
  /** Bit 7: enable supervisor shadow-stack control. */
  public static final long SUPERVISOR_SHADOW_STACK_BIT = 1L << 7;
  /** Bits 11:0: what a 4-KByte aligned address leaves clear. */
  public static final long PAGE_OFFSET_MASK = Page.OFFSET_4K;
  /** The widest physical address (MAXPHYADDR) any processor has (SDM Vol. 3A 4.1.4). */
  public static final int MAX_PHYSICAL_ADDRESS_WIDTH = 52;

  /**
   * Checks what holds on every processor: a 4-KByte aligned address below 2^52, a memory type, and a
   * page-walk length of 4 or 5.
   *
   * @throws EptPointerException listing every problem
   */
  public EptPointer {
    Objects.requireNonNull(memoryType, "memoryType");
    List<String> problems = new ArrayList<>();
    if ((tableAddress & PAGE_OFFSET_MASK) != 0) {
      problems.add(String.format("table address 0x%x is not 4-KByte aligned (bits 11:0 must be 0)", tableAddress));
    }
    if ((tableAddress >>> MAX_PHYSICAL_ADDRESS_WIDTH) != 0) {
      problems.add(String.format("table address 0x%x has bits above 51, beyond any physical-address width", tableAddress));
    }
    if (pageWalkLength != 4 && pageWalkLength != 5) {
      problems.add("page-walk length " + pageWalkLength + " is neither 4 nor 5");
    }
    if (!problems.isEmpty()) {
      throw new EptPointerException(problems);
    }
  }

  /** A write-back, 4-level EPTP without A/D flags or shadow-stack control: what the origin builds. */
  public static EptPointer writeBack4Level(long tableAddress) {
    return new EptPointer(tableAddress, VmxMemoryType.WRITE_BACK, 4, false, false);
  }

  /** The 64-bit EPTP value. */
  public long encode() {
    return tableAddress
        | memoryType.value()
        | (long) (pageWalkLength - 1) << PAGE_WALK_LENGTH_SHIFT
        | (accessedDirtyFlags ? ACCESSED_DIRTY_BIT : 0)
        | (supervisorShadowStack ? SUPERVISOR_SHADOW_STACK_BIT : 0);
  }

  /**
   * The problems of this EPTP on a processor with these capabilities and physical-address width, in
   * the order of SDM Vol. 3C 27.2.1.1: an unsupported memory type (A.10 bits 8, 14), page-walk length
   * (bits 6, 7), A/D flags (bit 21), supervisor shadow-stack control (bit 23), or address bits beyond
   * the physical-address width. Empty if VM entry would accept it.
   */
  public List<String> problems(EptVpidCapability capability, int physicalAddressWidth) {
    if (physicalAddressWidth < 32 || physicalAddressWidth > MAX_PHYSICAL_ADDRESS_WIDTH) {
      throw new IllegalArgumentException("physical-address width " + physicalAddressWidth + " is outside 32 to 52");
    }
    List<String> problems = new ArrayList<>();
    EptVpidCapabilityBit typeBit = memoryType == VmxMemoryType.UNCACHEABLE
        ? EptVpidCapabilityBit.MEMORY_TYPE_UNCACHEABLE : EptVpidCapabilityBit.MEMORY_TYPE_WRITE_BACK;
    require(capability, typeBit, "memory type " + memoryType.shortName(), problems);
    require(capability, pageWalkLength == 4 ? EptVpidCapabilityBit.PAGE_WALK_LENGTH_4 : EptVpidCapabilityBit.PAGE_WALK_LENGTH_5,
        "page-walk length " + pageWalkLength, problems);
    if (accessedDirtyFlags) {
      require(capability, EptVpidCapabilityBit.ACCESSED_AND_DIRTY_FLAGS, "accessed and dirty flags (bit 6)", problems);
    }
    if (supervisorShadowStack) {
      require(capability, EptVpidCapabilityBit.SUPERVISOR_SHADOW_STACK_CONTROL,
          "supervisor shadow-stack control (bit 7)", problems);
    }
    if ((tableAddress >>> physicalAddressWidth) != 0) {
      problems.add(String.format("table address 0x%x has bits at or above the physical-address width %d",
          tableAddress, physicalAddressWidth));
    }
    return problems;
  }

  private static void require(EptVpidCapability capability, EptVpidCapabilityBit bit, String what, List<String> problems) {
    if (!capability.supports(bit)) {
      problems.add(String.format("%s is not supported: IA32_VMX_EPT_VPID_CAP bit %d (%s) is 0", what, bit.bit(), bit.name()));
    }
  }
}
