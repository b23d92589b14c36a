package dev.vmcscodegen.runtime.capability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.problem.Problem;
import dev.vmcscodegen.problem.ProblemException;
import dev.vmcscodegen.runtime.control.ControlKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VmxCapabilitiesTest {

  private final VmxCapabilities sample = VmxCapabilities.sample();

  @Test
  void sampleBasicDecodesAsTheSdmLaysItOut() {
    VmxBasic basic = sample.basic();
    // 0x00DA040000000004 by SDM Vol. 3D A.1: bits 30:0 revision, 44:32 size, 53:50 memory type.
    assertEquals(4, basic.revisionId());
    assertEquals(1024, basic.vmcsRegionSize());
    assertEquals(Optional.of(VmxMemoryType.WRITE_BACK), basic.memoryType()); // A.1: 6 = WB
    assertFalse(basic.physicalAddressesLimitedTo32Bits()); // bit 48
    assertTrue(basic.dualMonitorTreatment()); // bit 49
    assertTrue(basic.insOutsInstructionInformation()); // bit 54
    assertTrue(basic.trueControls()); // bit 55
    assertFalse(basic.entryWithoutErrorCode()); // bit 56
  }

  @Test
  void sampleMiscDecodesAsTheSdmLaysItOut() {
    VmxMisc misc = sample.misc();
    // 0x7004C1E7 by SDM Vol. 3D A.6 (VirtualBox's own decoding in the source log agrees).
    assertEquals(7, misc.preemptionTimerRate()); // bits 4:0
    assertTrue(misc.storesEferLmaOnExit()); // bit 5
    assertTrue(misc.supportsActivityHlt() && misc.supportsActivityShutdown() && misc.supportsActivityWaitForSipi());
    assertTrue(misc.intelPtInVmx()); // bit 14
    assertTrue(misc.rdmsrSmbaseInSmm()); // bit 15
    assertEquals(4, misc.cr3TargetCount()); // bits 24:16
    assertEquals(512, misc.maxMsrListSize()); // 512 * (N + 1), N = bits 27:25 = 0
    assertTrue(misc.smmMonitorCtlBit2()); // bit 28
    assertTrue(misc.vmwriteAnyField()); // bit 29
    assertTrue(misc.zeroLengthInjection()); // bit 30
    assertEquals(0, misc.msegRevisionId()); // bits 63:32
  }

  @Test
  void miscDecodesEveryFieldOfASyntheticValue() {
    // SDM Vol. 3D A.6: MSEG revision 63:32, list size 27:25, CR3 targets 24:16, timer rate 4:0.
    VmxMisc misc = new VmxMisc(0x1234_5678_0000_0000L | (5L << 25) | (0x1FFL << 16) | 0x1F);
    assertEquals(0x1234_5678, misc.msegRevisionId());
    assertEquals(512 * 6, misc.maxMsrListSize());
    assertEquals(511, misc.cr3TargetCount());
    assertEquals(31, misc.preemptionTimerRate());
    assertFalse(misc.zeroLengthInjection());
  }

  @Test
  void sampleEptVpidCapabilityNamesEveryReportedBit() {
    EptVpidCapability ept = sample.eptVpidCapability().orElseThrow();
    // 0xF0106734141 by SDM Vol. 3D A.10; the source log lists the same features.
    assertEquals(EnumSet.of(EptVpidCapabilityBit.EXECUTE_ONLY_TRANSLATIONS, EptVpidCapabilityBit.PAGE_WALK_LENGTH_4,
        EptVpidCapabilityBit.MEMORY_TYPE_UNCACHEABLE, EptVpidCapabilityBit.MEMORY_TYPE_WRITE_BACK,
        EptVpidCapabilityBit.PDE_2MB_PAGES, EptVpidCapabilityBit.PDPTE_1GB_PAGES, EptVpidCapabilityBit.INVEPT,
        EptVpidCapabilityBit.ACCESSED_AND_DIRTY_FLAGS, EptVpidCapabilityBit.ADVANCED_EPT_VIOLATION_INFORMATION,
        EptVpidCapabilityBit.INVEPT_SINGLE_CONTEXT, EptVpidCapabilityBit.INVEPT_ALL_CONTEXT, EptVpidCapabilityBit.INVVPID,
        EptVpidCapabilityBit.INVVPID_INDIVIDUAL_ADDRESS, EptVpidCapabilityBit.INVVPID_SINGLE_CONTEXT,
        EptVpidCapabilityBit.INVVPID_ALL_CONTEXT, EptVpidCapabilityBit.INVVPID_SINGLE_CONTEXT_RETAINING_GLOBALS),
        ept.supported());
    assertEquals(0, ept.undefinedBits());
    assertEquals(0x3F, new EptVpidCapability(0x3FL << 48).maxHlatPrefixSize()); // A.10: bits 53:48
    assertEquals(1L << 1, new EptVpidCapability(1L << 1).undefinedBits());
  }

  @Test
  void fixedBitsAndVmcsEnumeration() {
    // A.7: CR0 FIXED0 0x80000021 = PG, NE, PE must be 1.
    assertEquals(0x8000_0021L, sample.cr0Fixed().mustBeOne());
    assertEquals(0x8000_0000L, sample.cr0Fixed().violations(0x21)); // PG clear
    // A.8: CR4.VMXE (bit 13) must be 1 (FIXED0 0x2000); bit 11 is 0 in FIXED1 0x3727FF, so it must be 0.
    assertEquals(1L << 13, sample.cr4Fixed().violations(0));
    assertEquals(1L << 11, sample.cr4Fixed().violations(1L << 13 | 1L << 11));
    assertEquals(0, sample.cr4Fixed().malformedBits());
    assertEquals(0x17, sample.vmcsEnumeration().highestIndex()); // A.9: bits 9:1 of 0x2E
  }

  @Test
  void controlCapabilityUsesTheTrueMsrWhenBasicBit55IsSet() {
    // SDM Vol. 3D A.3.2: with bit 55 set the TRUE MSR reports every allowed setting.
    ControlCapability primary = sample.controlCapability(ControlKind.PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS).orElseThrow();
    assertEquals(VmxCapabilityMsr.IA32_VMX_TRUE_PROCBASED_CTLS, primary.msr());
    assertEquals(0x0400_6172L, primary.allowed().allowed0());
    assertEquals(0xFFF9_FFFEL, primary.allowed().allowed1());
    // secondary controls have no TRUE MSR (A.3.3)
    assertEquals(VmxCapabilityMsr.IA32_VMX_PROCBASED_CTLS2,
        sample.controlCapability(ControlKind.SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS).orElseThrow().msr());
    // no tertiary or secondary-exit MSR on this processor (A.3.4, A.4.2)
    assertEquals(Optional.empty(), sample.controlCapability(ControlKind.TERTIARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS));
    assertEquals(Optional.empty(), sample.controlCapability(ControlKind.SECONDARY_VM_EXIT_CONTROLS));
  }

  @Test
  void controlCapabilityUsesThePlainMsrWithoutBit55() {
    VmxCapabilities plain = withoutTrueControls(sample);
    ControlCapability primary = plain.controlCapability(ControlKind.PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS).orElseThrow();
    assertEquals(VmxCapabilityMsr.IA32_VMX_PROCBASED_CTLS, primary.msr());
    assertEquals(0x0401_E172L, primary.allowed().allowed0());
    assertFalse(plain.has(VmxCapabilityMsr.IA32_VMX_TRUE_ENTRY_CTLS));
  }

  @Test
  void tertiaryAndSecondaryExitAre64BitAllowedOneMasks() {
    Map<VmxCapabilityMsr, Long> values = values(sample);
    values.put(VmxCapabilityMsr.IA32_VMX_PROCBASED_CTLS, values.get(VmxCapabilityMsr.IA32_VMX_PROCBASED_CTLS) | 1L << 49);
    values.put(VmxCapabilityMsr.IA32_VMX_EXIT_CTLS, values.get(VmxCapabilityMsr.IA32_VMX_EXIT_CTLS) | 1L << 63);
    values.put(VmxCapabilityMsr.IA32_VMX_PROCBASED_CTLS3, 0x8000_0000_0000_0095L);
    values.put(VmxCapabilityMsr.IA32_VMX_EXIT_CTLS2, 0xBL);
    VmxCapabilities caps = VmxCapabilities.of(values);
    AllowedSettings tertiary = caps.controlCapability(ControlKind.TERTIARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS).orElseThrow().allowed();
    assertEquals(new AllowedSettings(0, 0x8000_0000_0000_0095L, 64), tertiary); // A.3.4: all 64 bits allowed-1
    assertEquals(new AllowedSettings(0, 0xB, 64),
        caps.controlCapability(ControlKind.SECONDARY_VM_EXIT_CONTROLS).orElseThrow().allowed()); // A.4.2
  }

  @Test
  void readReadsEachExistingMsrOnceAndNoOther() {
    RecordingVmx vmx = new RecordingVmx(sample.msrs());
    VmxCapabilities read = VmxCapabilities.read(vmx);
    assertEquals(sample, read);
    assertEquals(List.copyOf(sample.msrs().keySet()), vmx.reads);
    assertFalse(vmx.reads.contains(0x492)); // A.3.4: PROCBASED_CTLS bit 49 is 0
    assertFalse(vmx.reads.contains(0x493)); // A.4.2: EXIT_CTLS bit 63 is 0
  }

  @Test
  void profileTextRoundTripsAndMsrsAreKeyedByAddress() {
    assertEquals(sample, VmxCapabilities.parse(sample.toProfileText()));
    assertEquals(0x00DA_0400_0000_0004L, sample.msrs().get(0x480));
    assertEquals(18, sample.msrs().size());
  }

  @Test
  void loadReadsAFileAndNamesItInErrors(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("cpu.msr");
    Files.writeString(file, sample.toProfileText());
    assertEquals(sample, VmxCapabilities.load(file));
    Files.writeString(file, "IA32_VMX_BASIC 0x1\n");
    ProblemException e = assertThrows(ProblemException.class, () -> VmxCapabilities.load(file));
    assertEquals(file.toString(), e.problems().get(0).file());
    assertTrue(e.getMessage().startsWith(file + ": warning: [CapsMissingMsr] IA32_VMX_PINBASED_CTLS (0x481): missing"),
        e.getMessage());
  }

  @Test
  void parseReportsEveryMalformedLineWithItsNumber() {
    String text = "# comment\n"
        + "0x480 0x1 0x2\n"
        + "0x47F 0x1\n"
        + "IA32_VMX_MISC 0xZZ\n"
        + "0x481 0x12345678901234567\n"
        + "0x486 0x1 # trailing comment\n"
        + "0x486 0x2\n";
    ProblemException e = assertThrows(ProblemException.class, () -> VmxCapabilities.parse(text, "cpu.msr"));
    assertEquals(List.of(2, 3, 4, 5, 7), e.problems().stream().map(Problem::line).toList());
    assertEquals(List.of(
        "cpu.msr:2: warning: [CapsMalformedLine] expected 'MSR VALUE' (two hexadecimal numbers), found 3 fields:"
            + " '0x480 0x1 0x2'",
        "cpu.msr:3: warning: [CapsUnknownMsr] '0x47F' is not a VMX capability MSR (0x480 to 0x493, or a name such as"
            + " IA32_VMX_BASIC) (SDM Vol. 3D Appendix A)",
        "cpu.msr:4: warning: [CapsBadNumber] IA32_VMX_MISC (0x485): value '0xZZ' is not a hexadecimal number of 1 to 16"
            + " digits",
        "cpu.msr:5: warning: [CapsBadNumber] IA32_VMX_PINBASED_CTLS (0x481): value '0x12345678901234567' is not a"
            + " hexadecimal number of 1 to 16 digits",
        "cpu.msr:7: warning: [CapsConflictingMsr] IA32_VMX_CR0_FIXED0 (0x486): given two values, 0x1 on line 6 and"
            + " 0x2 here (SDM Vol. 3D Appendix A)"),
        e.problems().stream().map(Problem::render).toList());
  }

  @Test
  void parseReportsMsrsMissingOrPresentAgainstAppendixA() {
    String text = sample.toProfileText()
        .replaceAll("(?m)^0x48D .*\n", "") // TRUE_PINBASED missing although BASIC bit 55 is set (A.3.1)
        + "0x492 0xFF\n"; // PROCBASED_CTLS3 listed although PROCBASED_CTLS bit 49 is 0 (A.3.4)
    ProblemException e = assertThrows(ProblemException.class, () -> VmxCapabilities.parse(text));
    assertEquals(2, e.problems().size());
    // Problems of the profile as a whole (line 0) come first.
    assertEquals(0, e.problems().get(0).line());
    assertEquals(CapabilityProblem.MISSING_MSR, e.problems().get(0).kind());
    assertTrue(e.problems().get(0).render().startsWith("<text>: warning: [CapsMissingMsr] IA32_VMX_TRUE_PINBASED_CTLS"
        + " (0x48D): missing"), e.problems().get(0).render());
    assertEquals(18, e.problems().get(1).line());
    assertTrue(e.problems().get(1).render().startsWith("<text>:18: warning: [CapsImpossibleMsr] IA32_VMX_PROCBASED_CTLS3"
        + " (0x492): listed but cannot exist: it exists only if IA32_VMX_PROCBASED_CTLS (0x482) has bit 49 set"),
        e.problems().get(1).render());
  }

  @Test
  void commentNeedsWhiteSpaceBeforeIt() {
    ProblemException e = assertThrows(ProblemException.class,
        () -> VmxCapabilities.parse(sample.toProfileText() + "0x480#x 0x1\n"));
    assertEquals(19, e.problems().get(0).line());
  }

  @Test
  void ofRejectsAnEmptyProfileNamingTheAlwaysPresentMsrs() {
    ProblemException e = assertThrows(ProblemException.class, () -> VmxCapabilities.of(Map.of()));
    assertEquals(11, e.problems().size()); // A.1 to A.9: 480H-48AH always exist
  }

  @Test
  void randomProfilesSatisfyTheExistenceRulesAndRoundTrip() {
    Random random = new Random(0x5EED_0480L);
    for (int round = 0; round < 500; round++) {
      Map<VmxCapabilityMsr, Long> values = new EnumMap<>(VmxCapabilityMsr.class);
      for (VmxCapabilityMsr msr : VmxCapabilityMsr.values()) {
        Map<VmxCapabilityMsr, Long> soFar = new EnumMap<>(VmxCapabilityMsr.class);
        soFar.putAll(values);
        if (MsrPresence.exists(msr, soFar)) {
          values.put(msr, random.nextLong());
        }
      }
      VmxCapabilities caps = VmxCapabilities.of(values);
      assertEquals(caps, VmxCapabilities.parse(caps.toProfileText()));
      RecordingVmx vmx = new RecordingVmx(caps.msrs());
      assertEquals(caps, VmxCapabilities.read(vmx));
      assertEquals(caps.msrs().size(), vmx.reads.size());
      for (ControlKind kind : ControlKind.values()) {
        Optional<ControlCapability> capability = caps.controlCapability(kind);
        assertEquals(capability.isPresent(), caps.has(capability.map(ControlCapability::msr).orElse(kind.capabilityMsr())));
      }
    }
  }

  private static Map<VmxCapabilityMsr, Long> values(VmxCapabilities caps) {
    Map<VmxCapabilityMsr, Long> values = new EnumMap<>(VmxCapabilityMsr.class);
    for (VmxCapabilityMsr msr : VmxCapabilityMsr.values()) {
      caps.value(msr).ifPresent(value -> values.put(msr, value));
    }
    return values;
  }

  static VmxCapabilities withoutTrueControls(VmxCapabilities caps) {
    Map<VmxCapabilityMsr, Long> values = values(caps);
    values.put(VmxCapabilityMsr.IA32_VMX_BASIC, values.get(VmxCapabilityMsr.IA32_VMX_BASIC) & ~(1L << 55));
    values.keySet().removeIf(msr -> msr.condition().orElse(null) == VmxCapabilityMsr.IA32_VMX_BASIC);
    return VmxCapabilities.of(values);
  }
}
