package dev.vmcscodegen.runtime.capability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProfileDiffTest {

  private static final VmxCapabilities COFFEE_LAKE = TestProfiles.get(TestProfiles.COFFEE_LAKE);
  private static final VmxCapabilities KVM = TestProfiles.get(TestProfiles.KVM_DUMP);
  private static final VmxCapabilities OLD = TestProfiles.get(TestProfiles.NO_TRUE_NO_SECONDARY);

  private static Optional<ProfileDifference> find(ProfileDiff diff, String area, String item) {
    return diff.differences().stream().filter(d -> d.area().equals(area) && d.item().equals(item)).findFirst();
  }

  @Test
  void aProfileEqualsItself() {
    for (VmxCapabilities profile : TestProfiles.all().values()) {
      assertTrue(ProfileDiff.compare(profile, profile).same());
    }
  }

  @Test
  void coffeeLakeAgainstTheKvmProfile() {
    ProfileDiff diff = ProfileDiff.compare(COFFEE_LAKE, KVM);
    // IA32_VMX_TRUE_PINBASED_CTLS 0x0000007F00000016 vs 0x000000FF00000016: bit 39, "process posted
    // interrupts" (bit 7), may be 1 only on the second (SDM Vol. 3D A.3.1).
    ProfileDifference posted = find(diff, "pin-based VM-execution controls", "process posted interrupts (bit 7)").orElseThrow();
    assertEquals(List.of("0 only", "0 or 1"), List.of(posted.first(), posted.second()));
    // IA32_VMX_PROCBASED_CTLS3 exists only on the second: bit 49 of 482H (SDM Vol. 3D A.3.4), and it allows
    // bit 4, IPI virtualization.
    assertEquals("not supported", find(diff, "tertiary processor-based VM-execution controls", "field").orElseThrow().first());
    assertEquals("0 or 1", find(diff, "tertiary processor-based VM-execution controls", "IPI virtualization (bit 4)").orElseThrow().second());
    // IA32_VMX_CR4_FIXED1 0x003727FF vs 0x00F72FFF: bit 11 (UMIP) may be 1 only on the second (SDM Vol. 3D A.8).
    assertEquals(List.of("fixed to 0", "0 or 1"), List.of(find(diff, "CR4 in VMX operation", "CR4 bit 11").orElseThrow().first(),
        find(diff, "CR4 in VMX operation", "CR4 bit 11").orElseThrow().second()));
    // Same IA32_VMX_BASIC, IA32_VMX_MISC and IA32_VMX_EPT_VPID_CAP: no difference there.
    assertTrue(diff.differences().stream().noneMatch(d -> d.area().equals("IA32_VMX_BASIC") || d.area().equals("IA32_VMX_MISC")
        || d.area().equals("IA32_VMX_EPT_VPID_CAP")), diff.toString());
  }

  @Test
  void theOldProfileLacksTrueMsrsSecondaryControlsAndMiscBits() {
    ProfileDiff diff = ProfileDiff.compare(COFFEE_LAKE, OLD);
    // IA32_VMX_BASIC bit 55 (SDM Vol. 3D A.1).
    ProfileDifference trueMsrs = find(diff, "IA32_VMX_BASIC", "TRUE capability MSRs (bit 55)").orElseThrow();
    assertEquals(List.of("yes", "no"), List.of(trueMsrs.first(), trueMsrs.second()));
    // Without TRUE MSRs, CR3-load exiting (default1) is fixed to 1 by IA32_VMX_PROCBASED_CTLS (A.2).
    ProfileDifference cr3 = find(diff, "primary processor-based VM-execution controls", "CR3-load exiting (bit 15)").orElseThrow();
    assertEquals(List.of("0 or 1", "1 only"), List.of(cr3.first(), cr3.second()));
    assertEquals("not supported", find(diff, "secondary processor-based VM-execution controls", "field").orElseThrow().second());
    assertEquals(List.of("yes", "no"), List.of(find(diff, "IA32_VMX_EPT_VPID_CAP", "MSR present").orElseThrow().first(),
        find(diff, "IA32_VMX_EPT_VPID_CAP", "MSR present").orElseThrow().second()));
    // IA32_VMX_MISC 0x7004C1E7 vs 0x000401C0: timer rate 7 vs 0, zero-length injection (bit 30) yes vs no (A.6).
    assertEquals("7", find(diff, "IA32_VMX_MISC", "VMX-preemption timer rate (bits 4:0)").orElseThrow().first());
    assertEquals("no", find(diff, "IA32_VMX_MISC", "zero-length injection (bit 30)").orElseThrow().second());
    // IA32_VMX_VMFUNC 1 vs absent: EPTP switching (bit 0) (A.11).
    assertTrue(find(diff, "VM-function controls", "bit 0").isPresent());
  }
}
