package dev.vmcscodegen.runtime.entry;

import java.util.OptionalLong;

/**
 * A read-only view of physical memory for the checks that read it: the VMCS link pointer's revision
 * dword, PDPTEs loaded from guest CR3 when EPT is off, the virtual-APIC page's VTPR (SDM Vol. 3C 27.2.1.1,
 * 27.3.1.5, 27.3.1.6). Without a view those checks are reported as not verifiable.
 */
@FunctionalInterface
public interface PhysicalMemory {

  /**
   * The little-endian value of {@code bytes} (1, 2, 4 or 8) bytes at a physical address, zero-extended;
   * empty when this view does not hold that memory.
   */
  OptionalLong read(long physicalAddress, int bytes);
}
