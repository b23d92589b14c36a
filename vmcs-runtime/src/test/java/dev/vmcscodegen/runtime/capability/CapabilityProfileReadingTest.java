package dev.vmcscodegen.runtime.capability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.problem.Parsed;
import dev.vmcscodegen.problem.Problem;
import dev.vmcscodegen.problem.ProblemException;
import dev.vmcscodegen.runtime.VmxInstructions;
import dev.vmcscodegen.encoding.HostWidth;
import dev.vmcscodegen.runtime.control.ControlKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link VmxCapabilities#readProfile} and {@link VmxCapabilities#read(VmxInstructions, String)}: input that
 * degrades, never voids. Known answers cite SDM Vol. 3D Appendix A or the public log a fixture quotes.
 */
class CapabilityProfileReadingTest {

  /** The Coffee Lake sample's lines (its resource names the public source), as a complete profile. */
  private static final String SAMPLE = VmxCapabilities.sample().toProfileText();

  private static Parsed<VmxCapabilities> read(String text) {
    return VmxCapabilities.readProfile(text, "p.msr");
  }

  private static String without(String text, String name) {
    return text.lines().filter(line -> !line.endsWith("# " + name)).reduce("", (a, b) -> a + b + "\n");
  }

  private static List<String> ids(Parsed<?> parsed) {
    return parsed.problems().stream().map(Problem::id).toList();
  }

  @Nested
  class MissingMsrs {
    @Test
    void aCompleteProfileHasNoWarningAndNothingUnknown() {
      Parsed<VmxCapabilities> parsed = read(SAMPLE);
      assertEquals(List.of(), parsed.problems());
      assertEquals(Set.of(), parsed.value().unknownMsrs());
    }

    @Test
    void aMissingMsrIsAWarningNamingWhatItDecidesAndTheRestIsDecoded() {
      Parsed<VmxCapabilities> parsed = read(without(SAMPLE, "IA32_VMX_ENTRY_CTLS"));
      assertEquals(List.of("CapsMissingMsr"), ids(parsed));
      String warning = parsed.problems().get(0).render();
      assertEquals("p.msr: warning: [CapsMissingMsr] IA32_VMX_ENTRY_CTLS (0x484): missing, though every"
          + " processor with VMX has it (SDM Vol. 3D, A.5); it decides the allowed settings of the VM-entry"
          + " controls", warning);
      assertTrue(parsed.value().unknownMsrs().contains(VmxCapabilityMsr.IA32_VMX_ENTRY_CTLS));
      assertTrue(parsed.value().knows(ControlKind.PIN_BASED_VM_EXECUTION_CONTROLS));
      assertEquals(4, parsed.value().basic().revisionId());
    }

    @Test
    void aMissingConditionMakesWhatDependsOnItUnknownNotAbsent() {
      // PROCBASED_CTLS2 exists only if IA32_VMX_PROCBASED_CTLS bit 63 is 1 (SDM Vol. 3D A.3.3): without
      // the sample's PROCBASED_CTLS2 line, whether EPT_VPID_CAP exists is unknown (A.10), so its absence is
      // no "none": it is unknown, and only the MSR that decides it is warned about.
      Parsed<VmxCapabilities> parsed = read(without(without(SAMPLE, "IA32_VMX_PROCBASED_CTLS2"),
          "IA32_VMX_EPT_VPID_CAP"));
      VmxCapabilities caps = parsed.value();
      assertFalse(caps.knows(ControlKind.SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS));
      assertTrue(caps.unknownMsrs().contains(VmxCapabilityMsr.IA32_VMX_EPT_VPID_CAP));
      assertTrue(caps.eptVpidCapability().isEmpty());
      assertEquals(List.of("CapsMissingMsr"), ids(parsed));
    }

    @Test
    void trueMsrsAbsentWhileBit55IsOneFallBackToThePlainMsrs() {
      String text = SAMPLE;
      for (String name : List.of("IA32_VMX_TRUE_PINBASED_CTLS", "IA32_VMX_TRUE_PROCBASED_CTLS",
          "IA32_VMX_TRUE_EXIT_CTLS", "IA32_VMX_TRUE_ENTRY_CTLS")) {
        text = without(text, name);
      }
      Parsed<VmxCapabilities> parsed = read(text);
      assertEquals(List.of("CapsTrueMsrFallback", "CapsTrueMsrFallback", "CapsTrueMsrFallback",
          "CapsTrueMsrFallback"), ids(parsed));
      assertTrue(parsed.problems().get(0).render().contains(
          "IA32_VMX_TRUE_PINBASED_CTLS (0x48D): missing, though IA32_VMX_BASIC bit 55 is 1; the allowed settings"
              + " come from IA32_VMX_PINBASED_CTLS, so its default-1 bits are shown as fixed to 1"), parsed.problems().get(0).render());
      VmxCapabilities caps = parsed.value();
      ControlCapability entry = caps.controlCapability(ControlKind.VM_ENTRY_CONTROLS).orElseThrow();
      assertEquals(VmxCapabilityMsr.IA32_VMX_ENTRY_CTLS, entry.msr());
      assertTrue(caps.defaultOnesShownFixed(ControlKind.VM_ENTRY_CONTROLS));
      // Sample IA32_VMX_ENTRY_CTLS = 0x0003FFFF000011FF: bit 2 (default1, SDM Vol. 3C 25.8.1) shown as fixed.
      assertFalse(entry.allowed().allowsZero(2));
    }

    @Test
    void anMsrThatCannotExistIsAWarningAndIgnored() {
      // Sample IA32_VMX_PROCBASED_CTLS bit 49 is 0: no IA32_VMX_PROCBASED_CTLS3 (SDM Vol. 3D A.3.4).
      Parsed<VmxCapabilities> parsed = read(SAMPLE + "0x492 0xFF\n");
      assertEquals(List.of("CapsImpossibleMsr"), ids(parsed));
      assertFalse(parsed.value().has(VmxCapabilityMsr.IA32_VMX_PROCBASED_CTLS3));
    }

    @Test
    void withoutBasicOrAnyReadableLineTheInputIsUnusable() {
      ProblemException noBasic = assertThrows(ProblemException.class,
          () -> read(without(SAMPLE, "IA32_VMX_BASIC")));
      assertTrue(noBasic.problems().stream().anyMatch(p -> p.id().equals("CapsNoBasic") && p.isError()));
      ProblemException nothing = assertThrows(ProblemException.class, () -> read("hello\nworld\n"));
      assertTrue(nothing.problems().stream().anyMatch(p -> p.id().equals("CapsNothingRead")), nothing.getMessage());
    }

    @Test
    void twoDifferentValuesMakeTheMsrUnknownWithAWarning() {
      Parsed<VmxCapabilities> parsed = read(SAMPLE + "0x485 0x1\n");
      assertEquals(List.of("CapsConflictingMsr"), ids(parsed));
      assertFalse(parsed.value().has(VmxCapabilityMsr.IA32_VMX_MISC));
      assertTrue(parsed.value().unknownMsrs().contains(VmxCapabilityMsr.IA32_VMX_MISC));
      assertEquals(List.of(), read(SAMPLE + "0x485 0x7004C1E7\n").problems());
    }

    @Test
    void theStrictParseStillRefusesAnyProblem() {
      assertThrows(ProblemException.class, () -> VmxCapabilities.parse(without(SAMPLE, "IA32_VMX_MISC")));
    }
  }

  @Nested
  class VirtualBoxLogs {
    @Test
    void aReleaseLogIsReadWithItsPrefixesAndOtherLinesIgnored() throws IOException {
      String log;
      try (InputStream in = getClass().getResourceAsStream("virtualbox-ivy-bridge.log")) {
        log = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      Parsed<VmxCapabilities> parsed = read(log);
      assertEquals(List.of(), parsed.problems());
      VmxCapabilities caps = parsed.value();
      // Values as the log prints them ("HM: MSR_IA32_VMX_BASIC = 0xda040000000010", ...).
      assertEquals(0xda040000000010L, caps.value(VmxCapabilityMsr.IA32_VMX_BASIC).orElseThrow());
      assertEquals(0x1767ffL, caps.value(VmxCapabilityMsr.IA32_VMX_CR4_FIXED1).orElseThrow());
      assertEquals(0xfff9fffe04006172L, caps.value(VmxCapabilityMsr.IA32_VMX_TRUE_PROCBASED_CTLS).orElseThrow());
      // Revision 0x10, 1024-byte region (SDM Vol. 3D A.1 bits 30:0, 44:32).
      assertEquals(0x10, caps.basic().revisionId());
      assertEquals(1024, caps.basic().vmcsRegionSize());
      assertEquals(Set.of(), caps.unknownMsrs());
    }

    @Test
    void theOldFormWithoutHexPrefixAndBasicInfoNameIsRead() {
      // VirtualBox before 5.0 (HM.cpp: LogRel("HM: MSR_IA32_VMX_BASIC_INFO = %RX64")) printed no 0x and no
      // TRUE MSRs; our text follows that form.
      String log = """
          00:00:01.100000 HM: MSR_IA32_VMX_BASIC_INFO       = da040000000004
          00:00:01.100001 HM: MSR_IA32_VMX_PINBASED_CTLS      = 7f00000016
          """;
      Parsed<VmxCapabilities> parsed = read(log);
      assertEquals(4, parsed.value().basic().revisionId());
      assertTrue(ids(parsed).contains("CapsTrueMsrFallback"), ids(parsed).toString());
      assertTrue(ids(parsed).contains("CapsMissingMsr"), ids(parsed).toString());
      assertTrue(parsed.value().knows(ControlKind.PIN_BASED_VM_EXECUTION_CONTROLS));
      assertFalse(parsed.value().knows(ControlKind.VM_ENTRY_CONTROLS));
    }
  }

  @Nested
  class SdmContradictions {
    private List<String> texts(String text) {
      return read(text).problems().stream().filter(p -> p.id().equals("CapsContradictsSdm"))
          .map(Problem::render).toList();
    }

    private String withBasic(long basic) {
      return SAMPLE.replace("0x00DA040000000004", String.format("0x%016X", basic));
    }

    @Test
    void basicBit31SizeAndMemoryTypeAreChecked() {
      // SDM Vol. 3D A.1: bit 31 is always 0; bits 44:32 at most 4096; memory type 0 (UC) or 6 (WB).
      assertTrue(texts(withBasic(0x00DA040000000004L | 1L << 31)).get(0).contains("bit 31 is 1"));
      assertTrue(texts(withBasic(0x00DA000000000004L)).get(0).contains("VMCS region of 0 bytes"));
      assertTrue(texts(withBasic(0x00DA100100000004L)).get(0).contains("VMCS region of 4097 bytes"));
      assertTrue(texts(withBasic(0x00C8040000000004L)).get(0).contains("VMCS memory type 2"));
    }

    @Test
    void allowedZeroOutsideAllowedOneAndCr0FixedBitsAreChecked() {
      // Pin-based MSR 0x0000007E00000016: bit 1 must be 1 (allowed-0) but may not be 1 (allowed-1) (A.3.1).
      List<String> pin = texts(SAMPLE.replace("0x481 0x0000007F00000016", "0x481 0x0000007E00000017"));
      assertEquals(1, pin.size(), pin.toString());
      assertTrue(pin.get(0).contains("IA32_VMX_PINBASED_CTLS (0x481): requires bits 0x1 to be 1"), pin.get(0));
      // CR0 fixed-0 bit 31 (PG) outside fixed-1 (A.7).
      List<String> cr0 = texts(SAMPLE.replace("0x487 0x00000000FFFFFFFF", "0x487 0x000000007FFFFFFF"));
      assertEquals(1, cr0.size(), cr0.toString());
      assertTrue(cr0.get(0).contains("fixes bits 0x80000000 to 1 that IA32_VMX_CR0_FIXED1 does not allow"), cr0.get(0));
      assertTrue(cr0.get(0).endsWith("(SDM Vol. 3D Appendix A)"), cr0.get(0));
    }

    @Test
    void numbersInOddFormsAreNotRead() {
      assertEquals(List.of("CapsBadNumber"), idList(read(SAMPLE.replace("0x485 0x000000007004C1E7", "0x485 +0x7004C1E7"))
          .problems().stream().filter(p -> !p.id().equals("CapsMissingMsr")).toList()));
      // Arabic-Indic digits (U+0660..U+0669) are digits to Character.isDigit, not to the profile syntax.
      Parsed<VmxCapabilities> arabic = read(SAMPLE.replace("0x485 0x000000007004C1E7", "0x485 \u0667\u0660"));
      assertTrue(idList(arabic.problems()).contains("CapsBadNumber"), arabic.problems().toString());
      assertFalse(arabic.value().has(VmxCapabilityMsr.IA32_VMX_MISC));
    }

    private List<String> idList(List<Problem> problems) {
      return problems.stream().map(Problem::id).toList();
    }
  }

  @Nested
  class MsrDevices {
    private VmxInstructions device(LongUnaryOperator values, int unreadable) {
      return new VmxInstructions() {
        @Override
        public long rdmsr(int msr) {
          if (msr == unreadable) {
            throw new UncheckedIOException(new IOException("Input/output error"));
          }
          return values.applyAsLong(msr);
        }

        @Override
        public long vmread(int encoding) {
          throw new UnsupportedOperationException();
        }

        @Override
        public void vmwrite(int encoding, long value) {
          throw new UnsupportedOperationException();
        }

        @Override
        public HostWidth hostWidth() {
          return HostWidth.BITS_64;
        }
      };
    }

    private final Map<Integer, Long> sample = VmxCapabilities.sample().msrs();

    @Test
    void anMsrTheDeviceCannotReadIsAWarningAndUnknown() {
      Parsed<VmxCapabilities> parsed = VmxCapabilities.read(device(msr -> sample.getOrDefault((int) msr, 0L), 0x485),
          "/dev/cpu/0/msr");
      assertEquals(List.of("CapsUnreadableMsr"), ids(parsed));
      assertTrue(parsed.problems().get(0).render().startsWith(
          "/dev/cpu/0/msr: warning: [CapsUnreadableMsr] IA32_VMX_MISC (0x485): could not be read (Input/output error)"));
      assertFalse(parsed.value().has(VmxCapabilityMsr.IA32_VMX_MISC));
    }

    @Test
    void allZeroContentIsNamedAsTheImpossibleProcessorItIs() {
      Parsed<VmxCapabilities> parsed = VmxCapabilities.read(device(msr -> 0, -1), "zero");
      // IA32_VMX_BASIC = 0: a 0-byte VMCS region (SDM Vol. 3D A.1 allows 1 to 4096).
      assertTrue(parsed.problems().stream().anyMatch(p -> p.id().equals("CapsContradictsSdm")
          && p.text().contains("VMCS region of 0 bytes")), parsed.problems().toString());
    }

    @Test
    void randomContentNeverThrowsAndEveryProblemHasAnIdAndTheDevice() {
      Random random = new Random(0x11C);
      int named = 0;
      for (int round = 0; round < 500; round++) {
        long seed = random.nextLong();
        Parsed<VmxCapabilities> parsed = VmxCapabilities.read(device(msr -> new Random(seed ^ msr).nextLong(), -1),
            "rnd");
        for (Problem problem : parsed.problems()) {
          assertTrue(problem.render().startsWith("rnd: warning: [Caps"), problem.render());
        }
        named += parsed.problems().isEmpty() ? 0 : 1;
      }
      // Random IA32_VMX_BASIC has bit 31 set half the time (SDM Vol. 3D A.1: always 0): most rounds are named.
      assertTrue(named > 400, "rounds with a named contradiction: " + named);
    }
  }
}
