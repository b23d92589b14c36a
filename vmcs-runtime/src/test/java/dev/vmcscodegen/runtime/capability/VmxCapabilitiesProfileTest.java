package dev.vmcscodegen.runtime.capability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.problem.ProblemException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Value semantics of a profile, its VM-function controls, and the wording of Appendix A presence problems. */
class VmxCapabilitiesProfileTest {

  private final VmxCapabilities sample = VmxCapabilities.sample();

  @Test
  void profilesAreEqualExactlyWhenEveryMsrValueIs() {
    VmxCapabilities same = VmxCapabilities.parse(sample.toProfileText());
    assertEquals(sample, same);
    assertEquals(sample.hashCode(), same.hashCode());
    // IA32_VMX_MISC with bit 5 (stores EFER.LMA, SDM Vol. 3D A.6) cleared: a different processor.
    Map<VmxCapabilityMsr, Long> values = values(sample);
    values.put(VmxCapabilityMsr.IA32_VMX_MISC, values.get(VmxCapabilityMsr.IA32_VMX_MISC) & ~(1L << 5));
    VmxCapabilities other = VmxCapabilities.of(values);
    assertNotEquals(sample, other);
    assertNotEquals(other, sample);
    // One entry's value hash changes (Long.hashCode of the two values differs in bit 5), the others stay:
    // the profile hashes differently.
    assertNotEquals(sample.hashCode(), other.hashCode());
    assertNotEquals(sample, (Object) sample.msrs());
    assertNotEquals(sample, null);
  }

  @Test
  void toStringListsTheMsrsByAddress() {
    String text = sample.toString();
    assertTrue(text.startsWith("VmxCapabilities{"), text);
    // 0x480 = 1152, IA32_VMX_BASIC 0x00DA040000000004; 0x491 = 1169, IA32_VMX_VMFUNC 1
    assertTrue(text.contains("1152=" + 0x00DA_0400_0000_0004L), text);
    assertTrue(text.contains("1169=1"), text);
  }

  @Test
  void vmFunctionControlsComeFromVmfuncWhenItExists() {
    // Sample IA32_VMX_VMFUNC (491H) is 1: only VM function 0, EPTP switching, may be enabled (SDM Vol. 3D
    // A.11; SDM Vol. 3C 25.6.14). Every VM-function control may be 0.
    AllowedSettings vmfunc = sample.vmFunctionControls().orElseThrow();
    assertEquals(new AllowedSettings(0, 1, 64), vmfunc);
    assertTrue(vmfunc.allowsOne(0));
    // IA32_VMX_VMFUNC exists only if bit 45 of IA32_VMX_PROCBASED_CTLS2 is 1 (A.11).
    Map<VmxCapabilityMsr, Long> values = values(sample);
    values.put(VmxCapabilityMsr.IA32_VMX_PROCBASED_CTLS2, values.get(VmxCapabilityMsr.IA32_VMX_PROCBASED_CTLS2) & ~(1L << 45));
    values.remove(VmxCapabilityMsr.IA32_VMX_VMFUNC);
    assertEquals(Optional.empty(), VmxCapabilities.of(values).vmFunctionControls());
  }

  @Test
  void missingAlwaysPresentMsrNamesItsSection() {
    ProblemException e = assertThrows(ProblemException.class, () -> VmxCapabilities.of(Map.of()));
    // SDM Vol. 3D A.1: IA32_VMX_BASIC exists on every processor supporting VMX.
    assertEquals("warning: [CapsMissingMsr] IA32_VMX_BASIC (0x480): missing, though every processor with VMX has it"
        + " (SDM Vol. 3D, A.1); it decides the VMCS revision, size and memory type, and whether the TRUE MSRs exist",
        e.problems().get(0).render());
  }

  @Test
  void missingConditionalMsrSaysTheConditionHolds() {
    Map<VmxCapabilityMsr, Long> values = values(sample);
    values.remove(VmxCapabilityMsr.IA32_VMX_TRUE_PINBASED_CTLS);
    ProblemException e = assertThrows(ProblemException.class, () -> VmxCapabilities.of(values));
    // SDM Vol. 3D A.3.1: IA32_VMX_TRUE_PINBASED_CTLS exists if bit 55 of IA32_VMX_BASIC is 1; the sample's is.
    assertEquals("warning: [CapsMissingMsr] IA32_VMX_TRUE_PINBASED_CTLS (0x48D): missing, though IA32_VMX_BASIC"
        + " (0x480) has bit 55 set (SDM Vol. 3D, A.3.1); it decides which default-1 pin-based controls may be 0",
        e.problems().get(0).render());
  }

  @Test
  void presentImpossibleMsrSaysTheConditionFailsAndListsEveryBit() {
    Map<VmxCapabilityMsr, Long> values = values(sample);
    values.put(VmxCapabilityMsr.IA32_VMX_PROCBASED_CTLS2,
        values.get(VmxCapabilityMsr.IA32_VMX_PROCBASED_CTLS2) & ~(1L << 33 | 1L << 37));
    ProblemException e = assertThrows(ProblemException.class, () -> VmxCapabilities.of(values));
    // SDM Vol. 3D A.10: IA32_VMX_EPT_VPID_CAP exists only if "enable EPT" (bit 33) or "enable VPID"
    // (bit 37) of IA32_VMX_PROCBASED_CTLS2 may be 1.
    assertEquals(1, e.problems().size());
    assertEquals("warning: [CapsImpossibleMsr] IA32_VMX_EPT_VPID_CAP (0x48C): listed but cannot exist: it exists only if"
        + " IA32_VMX_PROCBASED_CTLS2 (0x48B) has any of bits 33, 37 set, and it is absent or has not (SDM Vol. 3D, A.10)",
        e.problems().get(0).render());
  }

  @Test
  void everyMsrNamesItsAppendixASection() {
    assertEquals("SDM Vol. 3D, A.1", VmxCapabilityMsr.IA32_VMX_BASIC.sdmReference());
    assertEquals("SDM Vol. 3D, A.6", VmxCapabilityMsr.IA32_VMX_MISC.sdmReference());
    assertEquals("SDM Vol. 3D, A.10", VmxCapabilityMsr.IA32_VMX_EPT_VPID_CAP.sdmReference());
    assertEquals("SDM Vol. 3D, A.11", VmxCapabilityMsr.IA32_VMX_VMFUNC.sdmReference());
    assertEquals("SDM Vol. 3D, A.4.2", VmxCapabilityMsr.IA32_VMX_EXIT_CTLS2.sdmReference());
    for (VmxCapabilityMsr msr : VmxCapabilityMsr.values()) {
      assertTrue(msr.sdmReference().startsWith("SDM Vol. 3D, A."), msr.name());
    }
  }

  private static Map<VmxCapabilityMsr, Long> values(VmxCapabilities caps) {
    Map<VmxCapabilityMsr, Long> values = new EnumMap<>(VmxCapabilityMsr.class);
    for (VmxCapabilityMsr msr : VmxCapabilityMsr.values()) {
      caps.value(msr).ifPresent(value -> values.put(msr, value));
    }
    return values;
  }
}
