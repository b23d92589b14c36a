package dev.vmcscodegen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vmcs check} on the project's KVM dump sample and on text images. */
class CheckCommandTest {

  @TempDir
  Path dir;

  private static Path resource(String name) {
    try {
      return Path.of(CheckCommandTest.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final String PROFILE = resource("kvm-dump-sample.msr").toString();
  private static final String DUMP = resource("kvm-dump-sample.txt").toString();

  private Path brokenDump() throws IOException {
    // TR marked unusable (access-rights bit 16, SDM Vol. 3C Table 25-2) and SS DPL 3 under CS DPL 0.
    String text = Files.readString(Path.of(DUMP)).replace("attr=0x0008b", "attr=0x1008b")
        .replace("SS:   sel=0x0000, attr=0x1c000", "SS:   sel=0x0000, attr=0x0c0f3");
    Path file = dir.resolve("broken.txt");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void sampleDumpWouldEnter() {
    String out = CliRun.of("check", "--msr-file", PROFILE, "--kvm-dump", DUMP).text();
    assertTrue(out.contains("VM entry would succeed"), out);
    assertTrue(out.contains("guest-link-ptr-align: VmcsGuest64.VMCS_LINK_POINTER (0x2800) is absent"), out);
  }

  @Test
  void sampleDumpJsonHasTheContractKeys() {
    JsonObject json = CliRun.of("check", "--msr-file", PROFILE, "--kvm-dump", DUMP, "--json").json();
    assertEquals(Set.of("enters", "violations", "not_verifiable"), json.keySet());
    assertTrue(json.get("enters").getAsBoolean());
    assertEquals(0, json.getAsJsonArray("violations").size());
    assertTrue(json.getAsJsonArray("not_verifiable").toString().contains("\"ctl-msr-bitmap-addr\""));
  }

  @Test
  void brokenDumpExitsWith3AndNamesEveryViolation() throws IOException {
    CliRun run = CliRun.of("check", "--msr-file", PROFILE, "--kvm-dump", brokenDump().toString(), "--json");
    assertEquals(3, run.exitCode(), run.err());
    JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
    assertEquals(false, json.get("enters").getAsBoolean());
    JsonArray violations = json.getAsJsonArray("violations");
    assertEquals(2, violations.size(), violations.toString());
    JsonObject first = violations.get(0).getAsJsonObject();
    assertEquals(Set.of("check", "sdm", "fields", "outcome", "qualification", "message"), first.keySet());
    // CS type 11 with DPL 0 and SS DPL 3: SDM Vol. 3C 27.3.1.2, exit reason 33 with qualification 0.
    assertEquals("guest-cs-dpl-nonconforming", first.get("check").getAsString());
    assertEquals("27.3.1.2", first.get("sdm").getAsString());
    assertEquals("exit-33", first.get("outcome").getAsString());
    assertEquals(0, first.get("qualification").getAsLong());
    assertTrue(first.getAsJsonArray("fields").toString().contains(String.valueOf(0x4818)), first.toString());
    // TR with the unusable bit: 27.3.1.2 requires a usable TR.
    assertEquals("guest-tr-usable", violations.get(1).getAsJsonObject().get("check").getAsString());
  }

  @Test
  void brokenDumpTextIsADiagnosisWithFixes() throws IOException {
    CliRun run = CliRun.of("check", "--msr-file", PROFILE, "--kvm-dump", brokenDump().toString());
    assertEquals(3, run.exitCode(), run.err());
    assertTrue(run.out().contains("VM entry would fail: VM exit with exit reason 0x80000021"), run.out());
    assertTrue(run.out().contains("guest-tr-usable (SDM Vol. 3C 27.3.1.2)"), run.out());
    assertTrue(run.out().contains("Fix: Load a TSS into TR and clear the unusable bit."), run.out());
  }

  @Test
  void textImageControlErrorIsError7() throws IOException {
    Path image = dir.resolve("image.txt");
    Files.writeString(image, "PIN_BASED_VM_EXECUTION_CONTROLS 0x0\n");
    JsonObject json = JsonParser.parseString(
        CliRun.of("check", "--msr-file", PROFILE, "--vmcs-file", image.toString(), "--json").out()).getAsJsonObject();
    JsonObject violation = json.getAsJsonArray("violations").get(0).getAsJsonObject();
    // Pin-based bits 1, 2, 4 are default-1 (allowed0 0x16): VMfailValid(7), SDM Vol. 3C 31.4.
    assertEquals("ctl-pin-allowed0", violation.get("check").getAsString());
    assertEquals("error-7", violation.get("outcome").getAsString());
    assertTrue(violation.get("qualification").isJsonNull());
  }

  @Test
  void badInputExits1AndBadUsageExits2() throws IOException {
    Path image = dir.resolve("bad.txt");
    Files.writeString(image, "NO_SUCH_FIELD 1\n");
    String message = CliRun.of("check", "--msr-file", PROFILE, "--vmcs-file", image.toString()).failure(1);
    assertTrue(message.contains("line 1: no field is named 'NO_SUCH_FIELD'"), message);
    CliRun.of("check", "--msr-file", PROFILE).failure(2);
    CliRun.of("check", "--msr-file", PROFILE, "--kvm-dump", DUMP, "--vmcs-file", DUMP).failure(2);
    CliRun.of("check", "--msr-file", PROFILE, "--kvm-dump", DUMP, "--maxphyaddr", "60").failure(2);
    CliRun.of("check", "--msr-file", dir.resolve("missing.msr").toString(), "--kvm-dump", DUMP).failure(1);
  }
}
