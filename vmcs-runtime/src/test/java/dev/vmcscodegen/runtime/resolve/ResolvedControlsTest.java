package dev.vmcscodegen.runtime.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.runtime.capability.TestProfiles;
import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.control.ControlKind;
import dev.vmcscodegen.runtime.control.PinBasedControl;
import dev.vmcscodegen.runtime.control.PrimaryProcessorBasedControl;
import dev.vmcscodegen.runtime.control.SecondaryProcessorBasedControl;
import dev.vmcscodegen.runtime.software.SoftwareVmcs;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolvedControlsTest {

  private static final VmxCapabilities COFFEE_LAKE = TestProfiles.get(TestProfiles.COFFEE_LAKE);

  @Test
  void runsOnItsOwnProfileAndSaysWhyNotOnAnother() {
    ResolvedControls resolved = ControlResolver.resolve(COFFEE_LAKE,
        ControlIntents.none().require(SecondaryProcessorBasedControl.UNRESTRICTED_GUEST));
    assertEquals(List.of(), resolved.problemsOn(COFFEE_LAKE));
    // The unrestricted guest of Coffee Lake on a processor whose secondary controls stop at bit 6.
    List<String> problems = resolved.problemsOn(TestProfiles.get(TestProfiles.NO_UNRESTRICTED_GUEST));
    assertEquals(List.of("secondary processor-based VM-execution controls: unrestricted guest (bit 7) set, but"
        + " IA32_VMX_PROCBASED_CTLS2 allows only 0"), problems);
    // Without TRUE MSRs CR3-load and CR3-store exiting may not be 0 (SDM Vol. 3D A.2): a configuration that
    // cleared them does not run there; nor do the secondary controls, which that processor lacks.
    ResolvedControls cleared = ControlResolver.resolve(COFFEE_LAKE, ControlIntents.none()
        .forbid(PrimaryProcessorBasedControl.CR3_LOAD_EXITING, PrimaryProcessorBasedControl.CR3_STORE_EXITING)
        .require(SecondaryProcessorBasedControl.ENABLE_EPT));
    List<String> old = cleared.problemsOn(TestProfiles.get(TestProfiles.NO_TRUE_NO_SECONDARY));
    assertTrue(old.contains("primary processor-based VM-execution controls: CR3-load exiting (bit 15), CR3-store exiting"
        + " (bit 16) clear, but IA32_VMX_PROCBASED_CTLS allows only 1"), old.toString());
    assertTrue(old.stream().anyMatch(p -> p.contains("has no IA32_VMX_PROCBASED_CTLS2")), old.toString());
  }

  @Test
  void writesEveryFieldTheProcessorHas() {
    ResolvedControls resolved = ControlResolver.resolve(COFFEE_LAKE, ControlIntents.none().require(PinBasedControl.NMI_EXITING));
    SoftwareVmcs vmx = SoftwareVmcs.builder().msrs(COFFEE_LAKE.msrs()).build();
    resolved.writeTo(vmx);
    // Pin-based: allowed-0 0x16 plus NMI exiting, bit 3 (SDM Vol. 3C 25.6.1).
    assertEquals(0x1E, vmx.get(ControlKind.PIN_BASED_VM_EXECUTION_CONTROLS.encoding()));
    assertEquals(5, resolved.fieldValues().size(), "no tertiary nor secondary VM-exit field on Coffee Lake");
  }

  @Test
  void explainGroupsUnnamedFixedBits() {
    String text = ControlResolver.resolve(COFFEE_LAKE, ControlIntents.none()).explain();
    assertTrue(text.startsWith("pin-based VM-execution controls = 0x00000016\n  bits 1, 2, 4 = 1: fixed to 1:"
        + " IA32_VMX_TRUE_PINBASED_CTLS allows only 1"), text);
    assertTrue(text.contains("tertiary processor-based VM-execution controls: not supported by this processor\n"), text);
  }
}
