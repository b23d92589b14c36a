package dev.vmcscodegen.runtime.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.runtime.capability.TestProfiles;
import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.control.PinBasedControl;
import dev.vmcscodegen.runtime.control.SecondaryProcessorBasedControl;
import dev.vmcscodegen.runtime.entry.EntryCapabilities;
import dev.vmcscodegen.runtime.entry.EntryChecker;
import dev.vmcscodegen.runtime.entry.EntryReport;
import dev.vmcscodegen.runtime.entry.ProcessorFacts;
import dev.vmcscodegen.runtime.resolve.ControlIntents;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every template on every test profile: VM entry accepts it, or the template says why the processor cannot run the mode. */
class LaunchTemplateEntryCheckTest {

  /**
   * The pairs that must fail: reset, real and protected mode keep CR0.PE or CR0.PG 0, allowed only under
   * "unrestricted guest" (SDM Vol. 3C 27.3.1.1), which the two constructed profiles lack (bit 39 of
   * IA32_VMX_PROCBASED_CTLS2 is 0, or the MSR does not exist).
   */
  private static final Set<String> IMPOSSIBLE = Set.of(
      "no-unrestricted-guest/RESET", "no-unrestricted-guest/REAL", "no-unrestricted-guest/PROTECTED",
      "no-true-no-secondary/RESET", "no-true-no-secondary/REAL", "no-true-no-secondary/PROTECTED");

  private static EntryReport check(VmxCapabilities caps, Launch launch) {
    return EntryChecker.standard().check(launch.image(), EntryCapabilities.of(caps), ProcessorFacts.defaults());
  }

  @Test
  void everyTemplateEntersOnEveryProfileThatSupportsItsMode() {
    for (Map.Entry<String, VmxCapabilities> profile : TestProfiles.all().entrySet()) {
      for (GuestMode mode : GuestMode.values()) {
        String pair = profile.getKey() + "/" + mode;
        if (IMPOSSIBLE.contains(pair)) {
          ModeUnsupportedException thrown = assertThrows(ModeUnsupportedException.class,
              () -> LaunchTemplate.build(profile.getValue(), mode), pair);
          assertTrue(thrown.getMessage().contains("needs \"unrestricted guest\""), thrown.getMessage());
          assertTrue(thrown.reasons().stream().anyMatch(reason -> reason.startsWith("unrestricted guest (bit 7)")),
              thrown.getMessage());
        } else {
          Launch launch = LaunchTemplate.build(profile.getValue(), mode);
          EntryReport report = check(profile.getValue(), launch);
          assertTrue(report.enters(), () -> pair + "\n" + report.diagnosis());
        }
      }
    }
  }

  @Test
  void theApplicationProcessorWaitsForSipi() {
    VmxCapabilities caps = TestProfiles.get(TestProfiles.COFFEE_LAKE);
    Launch launch = LaunchTemplate.build(caps, GuestMode.RESET, ControlIntents.none(), HostState.typical64Bit(),
        GuestOptions.defaults().withWaitForSipi(true));
    // Activity state 3 is wait-for-SIPI (SDM Vol. 3C 25.4.2); Coffee Lake's IA32_VMX_MISC bit 8 allows it.
    assertEquals(3L, launch.image().value(dev.vmcscodegen.runtime.fields.VmcsEncodings.GUEST_ACTIVITY_STATE).getAsLong());
    assertTrue(check(caps, launch).enters(), check(caps, launch).diagnosis());
    ModeUnsupportedException thrown = assertThrows(ModeUnsupportedException.class, () -> LaunchTemplate.build(caps,
        GuestMode.PROTECTED, ControlIntents.none(), HostState.typical64Bit(), GuestOptions.defaults().withWaitForSipi(true)));
    assertTrue(thrown.getMessage().contains("only the reset state may wait for a SIPI"));
  }

  @Test
  void theVmmsIntentsRideAlong() {
    VmxCapabilities caps = TestProfiles.get(TestProfiles.KVM_DUMP);
    Launch launch = LaunchTemplate.build(caps, GuestMode.LONG, ControlIntents.none()
        .require(PinBasedControl.PROCESS_POSTED_INTERRUPTS).prefer(SecondaryProcessorBasedControl.ENABLE_VPID,
            SecondaryProcessorBasedControl.ENABLE_EPT), HostState.typical64Bit(), GuestOptions.defaults());
    assertTrue(launch.controls().isSet(SecondaryProcessorBasedControl.ENABLE_VPID));
    // VM entry needs a non-zero VPID and a valid EPTP (SDM Vol. 3C 27.2.1.1): the template writes them.
    EntryReport report = check(caps, launch);
    assertTrue(report.enters(), report.diagnosis());
  }

  @Test
  void aThirtyTwoBitVmmGetsNoLongModeGuest() {
    VmxCapabilities caps = TestProfiles.get(TestProfiles.COFFEE_LAKE);
    HostState host32 = new HostState(0x8000_0031L, 0x1000, 0x2030, 0x10, 0x18, 0x18, 0x40, 0, 0, 0x3000, 0x1000, 0,
        0, dev.vmcscodegen.runtime.arch.ResetState.IA32_PAT, 0x8100_0000L, 0x8000_0000L);
    // 27.2.4: outside IA-32e mode "IA-32e mode guest" must be 0.
    assertThrows(ModeUnsupportedException.class, () -> LaunchTemplate.build(caps, GuestMode.LONG, ControlIntents.none(),
        host32, GuestOptions.defaults()));
    Launch pae = LaunchTemplate.build(caps, GuestMode.PAE, ControlIntents.none(), host32, GuestOptions.defaults());
    EntryReport report = EntryChecker.standard().check(pae.image(), EntryCapabilities.of(caps),
        ProcessorFacts.defaults().withVmmInIa32eMode(false));
    assertTrue(report.enters(), report.diagnosis());
  }
}
