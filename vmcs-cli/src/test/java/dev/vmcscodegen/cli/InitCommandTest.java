package dev.vmcscodegen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {

  private static final String SAMPLE = "../vmcs-runtime/src/main/resources/dev/vmcscodegen/runtime/capability/sample-coffee-lake.msr";
  private static final String NO_UG = "../vmcs-runtime/src/test/resources/dev/vmcscodegen/runtime/profiles/no-unrestricted-guest.msr";

  @Test
  void everyModeRoundTripsThroughCheck(@TempDir Path dir) throws Exception {
    for (String mode : new String[] {"reset", "real", "protected", "pae", "long"}) {
      Path image = dir.resolve(mode + ".vmcs");
      String summary = CliRun.of("init", "--msr-file", SAMPLE, "--mode", mode, "--out", image.toString()).text();
      assertTrue(summary.startsWith(image + ": "), summary);
      // What init writes, check reads, and VM entry accepts it.
      CliRun check = CliRun.of("check", "--msr-file", SAMPLE, "--vmcs-file", image.toString());
      String report = check.out();
      if (mode.equals("pae")) {
        // PAE paging without EPT: VM entry loads the PDPTEs from guest memory (SDM Vol. 3C 27.3.1.6),
        // which no image holds, so that one check stays undecided (exit 4), and nothing fails.
        assertEquals(ExitCode.UNDECIDED.code(), check.exitCode(), report);
        assertTrue(report.contains("guest-pdpte-noept: physical memory at"), report);
        assertTrue(report.contains("none of the 261 decided checks is violated, but 1 could not be decided"), report);
      } else {
        assertEquals(ExitCode.OK.code(), check.exitCode(), mode + "\n" + report + check.err());
        assertTrue(report.contains("VM entry would succeed"), mode + "\n" + report);
      }
    }
    Path stdout = dir.resolve("stdout.vmcs");
    Files.writeString(stdout, CliRun.of("init", "--msr-file", SAMPLE, "--mode", "long").text());
    assertEquals(Files.readString(stdout), Files.readString(dir.resolve("long.vmcs")));
  }

  @Test
  void aModeTheProcessorCannotRunSaysWhy() {
    CliRun run = CliRun.of("init", "--msr-file", NO_UG, "--mode", "real");
    assertEquals(ExitCode.BAD_INPUT.code(), run.exitCode());
    assertTrue(run.err().contains("cannot enter a guest in real mode"), run.err());
    assertTrue(run.err().contains("real mode needs \"unrestricted guest\""), run.err());
    assertEquals("", run.out());
  }

  @Test
  void jsonHasTheFieldsAndTheControls() {
    JsonObject json = CliRun.of("init", "--msr-file", SAMPLE, "--mode", "reset", "--json").json();
    CliRun.assertHasKeys(json, "mode", "fields", "controls");
    assertEquals("reset", json.get("mode").getAsString());
    boolean rip = false;
    for (var element : json.getAsJsonArray("fields")) {
      JsonObject field = element.getAsJsonObject();
      if (field.get("field").getAsString().equals("VmcsGuestNW.RIP")) {
        // SDM Vol. 3A Table 10-1: EIP 0000FFF0H after reset.
        assertEquals(0xFFF0, field.get("value").getAsLong());
        rip = true;
      }
    }
    assertTrue(rip);
  }

  @Test
  void anUnknownModeIsAUsageError() {
    String line = CliRun.of("init", "--msr-file", SAMPLE, "--mode", "virtual8086").failure(ExitCode.USAGE.code());
    assertTrue(line.contains("use reset, real, protected, pae or long"), line);
  }
}
