package dev.vmcscodegen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlsCommandTest {

  private static final String SAMPLE = "../vmcs-runtime/src/main/resources/dev/vmcscodegen/runtime/capability/sample-coffee-lake.msr";
  private static final String OLD = "../vmcs-runtime/src/test/resources/dev/vmcscodegen/runtime/profiles/no-true-no-secondary.msr";

  @Test
  void explainsTheResolvedControls() {
    String out = CliRun.of("controls", "--msr-file", SAMPLE, "--require", "UNRESTRICTED_GUEST", "--prefer", "hlt-exiting").text();
    // 27.2.1.1: unrestricted guest needs EPT; 25.6.2: the secondary controls need "activate secondary controls".
    assertTrue(out.contains("secondary processor-based VM-execution controls = 0x00000082\n"), out);
    assertTrue(out.contains("  enable EPT (bit 1) = 1: implied by \"unrestricted guest\""), out);
    assertTrue(out.contains("  HLT exiting (bit 7) = 1: preferred, granted\n"), out);
  }

  @Test
  void jsonHasEveryBit() {
    JsonObject json = CliRun.of("controls", "--msr-file", SAMPLE, "--json").json();
    CliRun.assertHasKeys(json, "vmm_ia32e", "fields", "bits");
    // Five 32-bit fields and two 64-bit ones (SDM Vol. 3C 25.6 to 25.8).
    assertEquals(5 * 32 + 2 * 64, json.getAsJsonArray("bits").size());
    JsonObject pin = json.getAsJsonArray("fields").get(0).getAsJsonObject();
    CliRun.assertHasKeys(pin, "field", "name", "encoding", "supported", "value");
    // Pin-based: IA32_VMX_TRUE_PINBASED_CTLS allowed-0 0x16 (SDM Vol. 3D A.3.1); encoding 4000H (Appendix B).
    assertEquals(0x16, pin.get("value").getAsLong());
    assertEquals(0x4000, pin.get("encoding").getAsInt());
    JsonObject bit = json.getAsJsonArray("bits").get(1).getAsJsonObject();
    CliRun.assertHasKeys(bit, "field", "bit", "name", "value", "reason", "why");
    assertEquals("fixed_by_cpu", bit.get("reason").getAsString());
  }

  @Test
  void conflictsAreListedOneALine() {
    CliRun run = CliRun.of("controls", "--msr-file", OLD, "--require", "ENABLE_EPT", "--forbid", "CR3_LOAD_EXITING");
    assertEquals(ExitCode.BAD_INPUT.code(), run.exitCode());
    List<String> lines = run.err().lines().toList();
    assertTrue(lines.get(0).endsWith("no-true-no-secondary.msr: the control intents cannot be satisfied (3 conflicts)"), run.err());
    assertEquals(4, lines.size(), run.err());
  }

  @Test
  void namesAreCheckedAndAmbiguousOnesQualified() {
    String unknown = CliRun.of("controls", "--msr-file", SAMPLE, "--require", "NO_SUCH").failure(ExitCode.BAD_INPUT.code());
    assertTrue(unknown.contains("no control is named 'NO_SUCH'"), unknown);
    String ambiguous = CliRun.of("controls", "--msr-file", SAMPLE, "--prefer", "LOAD_IA32_PAT").failure(ExitCode.BAD_INPUT.code());
    assertTrue(ambiguous.contains("write one of exit.LOAD_IA32_PAT, entry.LOAD_IA32_PAT"), ambiguous);
    String qualified = CliRun.of("controls", "--msr-file", SAMPLE, "--prefer", "entry.LOAD_IA32_PAT").text();
    assertTrue(qualified.contains("load IA32_PAT (bit 14) = 1: preferred, granted"), qualified);
  }
}
