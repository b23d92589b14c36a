package dev.vmcscodegen.runtime.capability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link VmxCapabilities#of} refuses an MSR mapped to null instead of keeping a present MSR without a value. */
class VmxCapabilitiesNullValueTest {

  @Test
  void ofRejectsAnMsrMappedToNull() {
    VmxCapabilities sample = VmxCapabilities.sample();
    Map<VmxCapabilityMsr, Long> values = new EnumMap<>(VmxCapabilityMsr.class);
    for (VmxCapabilityMsr msr : VmxCapabilityMsr.values()) {
      sample.value(msr).ifPresent(value -> values.put(msr, value));
    }
    // IA32_VMX_VMFUNC must exist here (PROCBASED_CTLS2 bit 45 is 1, SDM Vol. 3D A.11), but has no value.
    values.put(VmxCapabilityMsr.IA32_VMX_VMFUNC, null);
    NullPointerException e = assertThrows(NullPointerException.class, () -> VmxCapabilities.of(values));
    assertEquals("IA32_VMX_VMFUNC (0x491) is mapped to null", e.getMessage());
  }
}
