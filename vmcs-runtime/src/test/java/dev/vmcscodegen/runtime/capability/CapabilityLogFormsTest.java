package dev.vmcscodegen.runtime.capability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.problem.Parsed;
import dev.vmcscodegen.problem.Problem;
import dev.vmcscodegen.problem.ProblemException;
import dev.vmcscodegen.runtime.control.ControlKind;
import dev.vmcscodegen.runtime.control.PinBasedControl;
import dev.vmcscodegen.runtime.control.SecondaryProcessorBasedControl;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The capability inputs people post, read from trimmed public logs (each fixture names its source): older
 * VirtualBox release logs and QEMU's vmxcap output. Known answers are the SDM Vol. 3D Appendix A bit
 * layout applied by hand to the logged hex values, cited beside each assertion.
 */
class CapabilityLogFormsTest {

  private static String fixture(String name) {
    try (InputStream in = CapabilityLogFormsTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Parsed<VmxCapabilities> read(String name) {
    return VmxCapabilities.readProfile(fixture(name), name);
  }

  private static List<String> ids(List<Problem> problems) {
    return problems.stream().map(Problem::id).toList();
  }

  private static AllowedSettings allowed(VmxCapabilities caps, ControlKind kind) {
    return caps.controlCapability(kind).orElseThrow().allowed();
  }

  @Nested
  class VirtualBoxBefore43 {
    @Test
    void aSandyBridgeLogWithHwaccmTagsOldNamesAndNoTrueMsrsIsRead() {
      Parsed<VmxCapabilities> parsed = read("virtualbox-4.1-sandy-bridge.log");
      // IA32_VMX_BASIC = 0xda040000000010: bit 55 (bit 23 of the high word 0x00da0400) is 1, so the four TRUE
      // MSRs exist (SDM Vol. 3D A.1, A.2); VirtualBox 4.1 logs none: the plain ones stand in. Nothing else
      // warns: the indented control names and 'MSR_IA32_VMX_EPT_CAPS_...' lines are no MSR lines.
      assertEquals(List.of("CapsTrueMsrFallback", "CapsTrueMsrFallback", "CapsTrueMsrFallback",
          "CapsTrueMsrFallback"), ids(parsed.problems()));
      VmxCapabilities caps = parsed.value();
      // Bits 30:0 = 0x10; bits 44:32 = 0x400 = 1024 bytes; bits 53:50 = 6, write-back (A.1).
      assertEquals(0x10, caps.basic().revisionId());
      assertEquals(1024, caps.basic().vmcsRegionSize());
      assertEquals(6, caps.basic().memoryTypeValue());
      // Logged as MSR_IA32_VMX_EPT_VPID_CAPS = f0106114141: bit 16 (2-MB pages) 1, bit 17 (1-GB pages) 0,
      // bit 21 (accessed and dirty flags) 0 (A.10).
      assertEquals(0xf0106114141L, caps.value(VmxCapabilityMsr.IA32_VMX_EPT_VPID_CAP).orElseThrow());
      EptVpidCapability ept = caps.eptVpidCapability().orElseThrow();
      assertTrue(ept.supports(EptVpidCapabilityBit.PDE_2MB_PAGES));
      assertFalse(ept.supports(EptVpidCapabilityBit.PDPTE_1GB_PAGES));
      assertFalse(ept.supports(EptVpidCapabilityBit.ACCESSED_AND_DIRTY_FLAGS));
      // IA32_VMX_PROCBASED_CTLS2 = ff00000000: allowed 1-settings bits 7:0 only (A.3.3), so unrestricted guest
      // (bit 7) may be 1, PAUSE-loop exiting (bit 10) may not.
      AllowedSettings secondary = allowed(caps, ControlKind.SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS);
      assertTrue(secondary.allowsOne(SecondaryProcessorBasedControl.UNRESTRICTED_GUEST.bit()));
      assertFalse(secondary.allowsOne(SecondaryProcessorBasedControl.PAUSE_LOOP_EXITING.bit()));
      assertTrue(caps.defaultOnesShownFixed(ControlKind.VM_ENTRY_CONTROLS));
      assertEquals(0x667ffL, caps.value(VmxCapabilityMsr.IA32_VMX_CR4_FIXED1).orElseThrow());
    }

    @Test
    void aCore2LogWithoutTrueMsrsOrEptIsCompleteAndWarnsOfNothing() {
      Parsed<VmxCapabilities> parsed = read("virtualbox-4.0-core2.log");
      assertEquals(List.of(), parsed.problems());
      VmxCapabilities caps = parsed.value();
      // IA32_VMX_BASIC = 5a08000000000b: bits 30:0 = 0xb; bits 44:32 = 0x800 = 2048 bytes; bit 55 (bit 23 of
      // 0x005a0800) is 0, so no TRUE MSRs exist (A.1).
      assertEquals(0xb, caps.basic().revisionId());
      assertEquals(2048, caps.basic().vmcsRegionSize());
      assertFalse(caps.basic().trueControls());
      // IA32_VMX_PROCBASED_CTLS2 = 100000000: only bit 0 may be 1, so neither EPT (bit 1) nor VPID (bit 5),
      // and IA32_VMX_EPT_VPID_CAP does not exist (A.10): nothing is unknown.
      assertTrue(caps.eptVpidCapability().isEmpty());
      assertEquals(Set.of(), caps.unknownMsrs());
      // IA32_VMX_PINBASED_CTLS = 3f00000016: allowed 1-settings 0x3f, virtual NMIs (bit 5) yes, the
      // VMX-preemption timer (bit 6) no (A.3.1).
      AllowedSettings pin = allowed(caps, ControlKind.PIN_BASED_VM_EXECUTION_CONTROLS);
      assertTrue(pin.allowsOne(PinBasedControl.VIRTUAL_NMIS.bit()));
      assertFalse(pin.allowsOne(PinBasedControl.ACTIVATE_VMX_PREEMPTION_TIMER.bit()));
    }
  }

  @Nested
  class VirtualBoxLines {
    private Map<VmxCapabilityMsr, String> msrLines(String text) {
      Map<VmxCapabilityMsr, String> read = new EnumMap<>(VmxCapabilityMsr.class);
      text.lines().map(VirtualBoxLogLine::of).flatMap(Optional::stream)
          .forEach(line -> read.put(line.msr().orElseThrow(), line.value()));
      return read;
    }

    @Test
    void fieldsLoggedUnderAnMsrsNameAreNoMsrsAndTheMisspelledVmfuncIsRead() {
      String log = fixture("virtualbox-5-msr-fields.log");
      assertEquals(Map.of(VmxCapabilityMsr.IA32_VMX_MISC, "0x300481e5",
          VmxCapabilityMsr.IA32_VMX_CR0_FIXED0, "0x80000021", VmxCapabilityMsr.IA32_VMX_CR0_FIXED1, "0xffffffff",
          VmxCapabilityMsr.IA32_VMX_CR4_FIXED0, "0x2000", VmxCapabilityMsr.IA32_VMX_CR4_FIXED1, "0x1727ff",
          VmxCapabilityMsr.IA32_VMX_VMCS_ENUM, "0x2a", VmxCapabilityMsr.IA32_VMX_VMFUNC, "0x1"), msrLines(log));
      // The part lacks IA32_VMX_BASIC: unusable, and said so alone (no field line is an unknown MSR).
      ProblemException e = assertThrows(ProblemException.class,
          () -> VmxCapabilities.readProfile(log, "part.log"));
      assertEquals(List.of("CapsNoBasic"), ids(e.problems()));
    }

    @Test
    void aLineQuotedInAnIssueIsRead() {
      // https://github.com/hashicorp/vagrant/issues/2080 quotes its VirtualBox 4.2 log with '> '.
      assertEquals(Map.of(VmxCapabilityMsr.IA32_VMX_EPT_VPID_CAP, "f0106114141"),
          msrLines("> 00:00:00.206600 HWACCM: MSR_IA32_VMX_EPT_VPID_CAPS    = f0106114141"));
    }

    @Test
    void anUnknownNameIsStillAWarning() {
      String log = "00:00:00.1 HM: MSR_IA32_VMX_BASIC = 0xda040000000004\n00:00:00.2 HM: MSR_IA32_VMX_NEW = 0x1\n";
      Parsed<VmxCapabilities> parsed = VmxCapabilities.readProfile(log, "new.log");
      assertTrue(parsed.problems().stream().anyMatch(p -> p.id().equals("CapsUnknownMsr") && p.line() == 2
          && p.text().contains("'MSR_IA32_VMX_NEW'")), parsed.problems().toString());
    }
  }

  @Nested
  class Vmxcap {
    @Test
    void theHexValuesAreReadAndTheDecodedControlsStayUnknown() {
      Parsed<VmxCapabilities> parsed = read("vmxcap-hyper-v-guest.txt");
      VmxCapabilities caps = parsed.value();
      // 'Hex: 0x98100000000001': bits 30:0 = 1; bits 44:32 = 0x1000 = 4096 bytes; bits 53:50 = 6; bit 54
      // (INS/OUTS information) 0; bit 55 1 (SDM Vol. 3D A.1), as vmxcap decodes them beside it.
      assertEquals(1, caps.basic().revisionId());
      assertEquals(4096, caps.basic().vmcsRegionSize());
      assertEquals(6, caps.basic().memoryTypeValue());
      assertFalse(caps.basic().insOutsInstructionInformation());
      assertTrue(caps.basic().trueControls());
      // 'Hex: 0xf0106114040': bit 0 (execute-only) 0, bit 6 (page-walk length 4) 1, bit 8 (UC) 0 (A.10).
      EptVpidCapability ept = caps.eptVpidCapability().orElseThrow();
      assertFalse(ept.supports(EptVpidCapabilityBit.EXECUTE_ONLY_TRANSLATIONS));
      assertTrue(ept.supports(EptVpidCapabilityBit.PAGE_WALK_LENGTH_4));
      assertFalse(ept.supports(EptVpidCapabilityBit.MEMORY_TYPE_UNCACHEABLE));
      // 'Hex: 0x40': bit 6 (HLT activity state) only; bits 24:16, the CR3-target count, 0 (A.6).
      assertTrue(caps.misc().supportsActivityHlt());
      assertFalse(caps.misc().supportsActivityShutdown());
      assertEquals(0x0L, caps.value(VmxCapabilityMsr.IA32_VMX_VMFUNC).orElseThrow());
      // The five control sections are decoded only; CR0/CR4 fixed bits and the VMCS enumeration are not printed.
      assertEquals(List.of("CapsMissingMsr", "CapsMissingMsr", "CapsMissingMsr", "CapsMissingMsr", "CapsMissingMsr",
          "CapsDecodedOnly", "CapsDecodedOnly", "CapsDecodedOnly", "CapsDecodedOnly", "CapsDecodedOnly"),
          ids(parsed.problems()));
      for (ControlKind kind : List.of(ControlKind.PIN_BASED_VM_EXECUTION_CONTROLS,
          ControlKind.PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS, ControlKind.VM_ENTRY_CONTROLS)) {
        assertFalse(caps.knows(kind), kind.name());
      }
    }

    @Test
    void aProfileCommentNamingASectionIsNoVmxcapOutput() {
      String profile = "# values of vmxcap's Basic VMX Information\n" + VmxCapabilities.sample().toProfileText();
      Parsed<VmxCapabilities> parsed = VmxCapabilities.readProfile(profile, "p.msr");
      assertEquals(List.of(), parsed.problems());
      assertEquals(VmxCapabilities.sample(), parsed.value());
    }

    @Test
    void anOutputWithoutHexLinesIsUnusableAndSaysWhy() {
      ProblemException e = assertThrows(ProblemException.class, () -> read("vmxcap-without-hex-nehalem.txt"));
      assertEquals(List.of("CapsNoBasic", "CapsDecodedOnly", "CapsDecodedOnly", "CapsDecodedOnly"),
          ids(e.problems()));
      // The basic section starts on the prompt's line, the fixture's fifth.
      assertEquals(5, e.problems().get(1).line());
      assertTrue(e.problems().get(1).render().contains("IA32_VMX_BASIC (0x480): vmxcap printed 'Basic VMX"
          + " Information' decoded (its fields, without the 'Hex:' line of newer vmxcap versions)"),
          e.problems().get(1).render());
    }
  }
}
