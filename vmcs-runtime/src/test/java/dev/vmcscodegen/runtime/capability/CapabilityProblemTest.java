package dev.vmcscodegen.runtime.capability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.encoding.HostWidth;
import dev.vmcscodegen.problem.Problem;
import dev.vmcscodegen.problem.ProblemException;
import dev.vmcscodegen.runtime.VmxInstructions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test a problem id of {@link CapabilityProblem}, each on the shipped sample profile with one thing
 * broken, and the rule that the presence rules wait for readable lines.
 */
class CapabilityProblemTest {

  private static final String SAMPLE = VmxCapabilities.sample().toProfileText();
  private static final int SAMPLE_LINES = 18;

  private static List<String> problems(String text) {
    ProblemException e = assertThrows(ProblemException.class, () -> VmxCapabilities.parse(text, "cpu.msr"));
    return e.problems().stream().map(Problem::render).toList();
  }

  @Test
  void capsMalformedLine() {
    assertEquals(List.of("cpu.msr:19: warning: [CapsMalformedLine] expected 'MSR VALUE' (two hexadecimal numbers), found 1"
        + " fields: '0x480'"), problems(SAMPLE + "0x480\n"));
  }

  @Test
  void capsUnknownMsr() {
    // SDM Vol. 3D Appendix A: the VMX capability MSRs are 480H to 493H.
    assertEquals(List.of("cpu.msr:19: warning: [CapsUnknownMsr] '0x494' is not a VMX capability MSR (0x480 to 0x493, or a"
        + " name such as IA32_VMX_BASIC) (SDM Vol. 3D Appendix A)"), problems(SAMPLE + "0x494 0x1\n"));
    assertEquals(List.of("cpu.msr:19: warning: [CapsUnknownMsr] 'IA32_EFER' is not a VMX capability MSR (0x480 to 0x493, or"
        + " a name such as IA32_VMX_BASIC) (SDM Vol. 3D Appendix A)"), problems(SAMPLE + "IA32_EFER 0x1\n"));
  }

  @Test
  void capsBadNumber() {
    assertEquals(List.of("cpu.msr:1: warning: [CapsBadNumber] IA32_VMX_BASIC (0x480): value '0xG' is not a hexadecimal"
        + " number of 1 to 16 digits"), problems(SAMPLE.replaceFirst("(?m)^0x480 \\S+", "0x480 0xG")));
  }

  @Test
  void capsConflictingMsr() {
    assertEquals(List.of("cpu.msr:19: warning: [CapsConflictingMsr] IA32_VMX_BASIC (0x480): given two values,"
        + " 0xda040000000004 on line 1 and 0x1 here (SDM Vol. 3D Appendix A)"),
        problems(SAMPLE + "IA32_VMX_BASIC 0x1\n"));
    // The same value twice is no conflict.
    VmxCapabilities.parse(SAMPLE + "IA32_VMX_BASIC 0xDA040000000004\n", "cpu.msr");
  }

  private static List<String> warnings(String text) {
    return VmxCapabilities.readProfile(text, "cpu.msr").problems().stream().map(Problem::render).toList();
  }

  @Test
  void capsTrueMsrFallback() {
    // SDM Vol. 3D A.2: with bit 55 of IA32_VMX_BASIC 1, IA32_VMX_TRUE_ENTRY_CTLS exists.
    assertEquals(List.of("cpu.msr: warning: [CapsTrueMsrFallback] IA32_VMX_TRUE_ENTRY_CTLS (0x490): missing, though"
        + " IA32_VMX_BASIC bit 55 is 1; the allowed settings come from IA32_VMX_ENTRY_CTLS, so its default-1 bits"
        + " are shown as fixed to 1 (they may be 0) (SDM Vol. 3D A.2)"),
        warnings(SAMPLE.replaceFirst("(?m)^0x490 .*\n", "")));
  }

  @Test
  void capsContradictsSdm() {
    // SDM Vol. 3D A.1: memory type 2 is not used (only 0 and 6).
    assertEquals(List.of("cpu.msr:1: warning: [CapsContradictsSdm] IA32_VMX_BASIC (0x480): reports VMCS memory type 2;"
        + " the SDM uses only 0 (UC) and 6 (WB) (bits 53:50, A.1) (SDM Vol. 3D Appendix A)"),
        warnings(SAMPLE.replaceFirst("(?m)^0x480 \\S+", "0x480 0x00C8040000000004")));
  }

  @Test
  void capsUnreadableMsr() {
    RecordingVmx sample = new RecordingVmx(VmxCapabilities.sample().msrs());
    VmxInstructions device = new VmxInstructions() {
      @Override
      public long rdmsr(int msr) {
        if (msr == 0x48A) {
          throw new UncheckedIOException(new IOException("Input/output error"));
        }
        return sample.rdmsr(msr);
      }

      @Override
      public long vmread(int encoding) {
        return sample.vmread(encoding);
      }

      @Override
      public void vmwrite(int encoding, long value) {
        sample.vmwrite(encoding, value);
      }

      @Override
      public HostWidth hostWidth() {
        return sample.hostWidth();
      }
    };
    assertEquals(List.of("dev: warning: [CapsUnreadableMsr] IA32_VMX_VMCS_ENUM (0x48A): could not be read"
        + " (Input/output error); it decides the highest VMCS field index"),
        VmxCapabilities.read(device, "dev").problems().stream().map(Problem::render).toList());
  }

  @Test
  void capsDecodedOnly() {
    // QEMU's scripts/kvm/vmxcap prints a control section as one 'name  yes|no|forced|default' line a bit
    // (its Control.show), a value only as the 'Hex:' line of its Misc sections.
    String vmxcap = "Basic VMX Information\n  Hex: 0xda040000000004\npin-based controls\n"
        + "  External interrupt exiting               yes\n";
    List<String> decoded = warnings(vmxcap).stream().filter(w -> w.contains("[CapsDecodedOnly]")).toList();
    assertEquals(List.of("cpu.msr:3: warning: [CapsDecodedOnly] IA32_VMX_PINBASED_CTLS (0x481),"
        + " IA32_VMX_TRUE_PINBASED_CTLS (0x48D): vmxcap printed 'pin-based controls' decoded (yes, no, forced or"
        + " default for each control bit it names), not as a value: unknown"), decoded);
  }

  @Test
  void capsNoBasic() {
    ProblemException e = assertThrows(ProblemException.class,
        () -> VmxCapabilities.readProfile(SAMPLE.replaceFirst("(?m)^0x480 .*\n", ""), "cpu.msr"));
    assertEquals(List.of("cpu.msr: [CapsNoBasic] IA32_VMX_BASIC (0x480) is missing or unusable: without it nothing"
        + " can be decoded (SDM Vol. 3D A.1)"), e.problems().stream().map(Problem::render).toList());
  }

  @Test
  void capsNothingRead() {
    ProblemException e = assertThrows(ProblemException.class, () -> VmxCapabilities.readProfile("", "cpu.msr"));
    assertEquals(List.of("CapsNothingRead"), e.problems().stream().map(Problem::id).toList());
  }

  @Test
  void capsMissingMsr() {
    // SDM Vol. 3D A.3.1: IA32_VMX_PINBASED_CTLS exists on every processor supporting VMX.
    assertEquals(List.of("cpu.msr: warning: [CapsMissingMsr] IA32_VMX_PINBASED_CTLS (0x481): missing, though every"
        + " processor with VMX has it (SDM Vol. 3D, A.3.1); it decides the allowed settings of the pin-based"
        + " VM-execution controls"), problems(SAMPLE.replaceFirst("(?m)^0x481 .*\n", "")));
  }

  @Test
  void capsImpossibleMsr() {
    // SDM Vol. 3D A.3.4: IA32_VMX_PROCBASED_CTLS3 exists only if bit 49 of IA32_VMX_PROCBASED_CTLS is 1;
    // the sample's is 0.
    List<String> problems = problems(SAMPLE + "0x492 0x1\n");
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("cpu.msr:19: warning: [CapsImpossibleMsr] IA32_VMX_PROCBASED_CTLS3 (0x492):"
        + " listed but cannot exist: it exists only if IA32_VMX_PROCBASED_CTLS (0x482) has bit 49 set"),
        problems.get(0));
  }

  @Test
  void everyIdIsTestedHere() {
    List<String> tested = Arrays.stream(CapabilityProblemTest.class.getDeclaredMethods())
        .filter(method -> method.isAnnotationPresent(Test.class)).map(method -> method.getName()).toList();
    for (CapabilityProblem kind : CapabilityProblem.values()) {
      String method = Character.toLowerCase(kind.id().charAt(0)) + kind.id().substring(1);
      assertTrue(tested.contains(method), kind.id() + " has no test named " + method);
    }
  }

  @Test
  void presenceRulesWaitUntilEveryLineIsReadable() {
    // A malformed line could be the missing MSR: the strict parse reports the lines alone.
    assertEquals(SAMPLE_LINES, SAMPLE.lines().count());
    List<String> problems = problems(SAMPLE.replaceFirst("(?m)^0x481 .*\n", "") + "0x481\n");
    assertEquals(List.of("cpu.msr:18: warning: [CapsMalformedLine] expected 'MSR VALUE' (two hexadecimal numbers), found 1"
        + " fields: '0x481'"), problems);
  }
}
