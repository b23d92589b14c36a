package dev.vmcscodegen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  /** The warnings of the sample dump: the two lines it skips, its header and KVM's effective EFER. */
  private static List<String> sampleWarnings(String dump) {
    return List.of(
        dump + ":1: warning: [DumpHeaderLine] skipped, the dump's header: 'VMCS 00000000336523a9, last attempted"
            + " VM-entry on CPU 8'",
        dump + ":21: warning: [DumpEffectiveEfer] skipped, KVM's effective EFER, not the VMCS field (\"load"
            + " IA32_EFER\" is 0): 'EFER= 0x0000000000000d01 (effective)'");
  }

  @Test
  void sampleDumpIsUndecidedWithTheSkippedLinesAsWarnings() {
    // The dump lacks fields some checks read (the VMCS link pointer): no check fails, but not all are decided.
    CliRun run = CliRun.of("check", "--msr-file", PROFILE, "--kvm-dump", DUMP);
    assertEquals(4, run.exitCode(), run.err());
    assertTrue(run.out().contains("VM entry undecided: none of the "), run.out());
    assertTrue(run.out().contains("they need:\n  "), run.out());
    assertTrue(run.out().contains("guest-link-ptr-align: VmcsGuest64.VMCS_LINK_POINTER (0x2800) is absent"), run.out());
    assertTrue(run.out().startsWith(DUMP + " (KVM dump_vmcs, Linux 5.19 and later): 109 fields (2 warnings); profile "), run.out());
    assertEquals(sampleWarnings(DUMP), run.err().lines().toList());
  }

  @Test
  void sampleDumpJsonHasTheContractKeys() {
    CliRun run = CliRun.of("check", "--msr-file", PROFILE, "--kvm-dump", DUMP, "--json");
    assertEquals(4, run.exitCode(), run.err());
    // The warnings go to stderr, so stdout stays exactly the documented JSON object.
    assertEquals(sampleWarnings(DUMP), run.err().lines().toList());
    JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
    assertEquals(Set.of("enters", "verdict", "violations", "not_verifiable", "missing_inputs"), json.keySet());
    assertFalse(json.get("enters").getAsBoolean());
    assertEquals("undecided", json.get("verdict").getAsString());
    assertTrue(json.getAsJsonArray("missing_inputs").toString().contains("VMCS_LINK_POINTER (0x2800) is absent"),
        json.getAsJsonArray("missing_inputs").toString());
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
    assertEquals(image + ":1: [ImageUnknownField] field NO_SUCH_FIELD: no field of the catalog has this name",
        message);
    CliRun.of("check", "--msr-file", PROFILE).failure(2);
    CliRun.of("check", "--msr-file", PROFILE, "--kvm-dump", DUMP, "--vmcs-file", DUMP).failure(2);
    CliRun.of("check", "--msr-file", PROFILE, "--kvm-dump", DUMP, "--maxphyaddr", "60").failure(2);
    CliRun.of("check", "--msr-file", dir.resolve("missing.msr").toString(), "--kvm-dump", DUMP).failure(1);
  }

  @Test
  void everyProblemOfAnImageIsPrintedOneALineAndNothingIsChecked() throws IOException {
    Path image = dir.resolve("bad.txt");
    Files.writeString(image, "NO_SUCH_FIELD 1\nCR0 0x31\nVmcsGuest16.CS_SELECTOR 0x10000\n");
    CliRun run = CliRun.of("check", "--msr-file", PROFILE, "--vmcs-file", image.toString(), "--json");
    assertEquals(1, run.exitCode(), run.err());
    assertEquals("", run.out());
    assertEquals(List.of(
        image + ":1: [ImageUnknownField] field NO_SUCH_FIELD: no field of the catalog has this name",
        image + ":2: [ImageAmbiguousField] field CR0: names several fields; write one of VmcsGuestNW.CR0,"
            + " VmcsHostNW.CR0",
        image + ":3: [ImageValueTooWide] field VmcsGuest16.CS_SELECTOR: value 0x10000 does not fit the field's 16"
            + " bits (SDM Vol. 3C 25.11.2, Table 25-21)"), run.err().lines().toList());
  }

  @Test
  void dumpOptionTellsKvmXenAndImageTextApart() throws IOException {
    CliRun kvm = CliRun.of("check", "--msr-file", PROFILE, "--dump", DUMP);
    assertTrue(kvm.out().startsWith(DUMP + " (KVM dump_vmcs, Linux 5.19 and later): 109 fields"), kvm.out());
    Path xen = dir.resolve("xen.log");
    // Xen's vmcs_dump_vcpu lines (xen/arch/x86/hvm/vmx/vmcs.c) behind Xen's console prefix.
    Files.writeString(xen, "(XEN) *** Guest State ***\n(XEN) CR3 = 0x0000000000001000\n"
        + "(XEN)   CS: f000 0009b 0000ffff 00000000ffff0000\n");
    CliRun xenRun = CliRun.of("check", "--msr-file", PROFILE, "--dump", xen.toString());
    assertTrue(xenRun.out().startsWith(xen + " (Xen vmcs_dump_vcpu, Xen 4.6 and later): 5 fields; "), xenRun.out());
    Path image = dir.resolve("image.vmcs");
    Files.writeString(image, "VmcsGuestNW.CR3 0x1000\n");
    CliRun imageRun = CliRun.of("check", "--msr-file", PROFILE, "--dump", image.toString());
    assertTrue(imageRun.out().startsWith(image + ": 1 fields; "), imageRun.out());
  }

  @Test
  void aDumpInALogWithBytesThatAreNotUtf8IsStillCheckedAndWarnsOnlyOnItsOwnLines() throws IOException {
    // 0xFF never occurs in UTF-8 (RFC 3629, section 1). A console line before the dump: not reported. The
    // sample's line 24 (Interruptibility) with 0xFF in its dmesg time stamp: a warning, and still read.
    List<String> lines = Files.readAllLines(Path.of(DUMP));
    int noisy = 23;
    String interruptibility = lines.get(noisy);
    assertTrue(interruptibility.startsWith("[ 2311.499063] kvm_intel: Interruptibility"), interruptibility);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    log.writeBytes(new byte[] {'t', 't', 'y', ':', ' ', (byte) 0xFF, '\n'});
    for (int i = 0; i < lines.size(); i++) {
      byte[] line = (lines.get(i) + "\n").getBytes(StandardCharsets.UTF_8);
      if (i == noisy) {
        line[3] = (byte) 0xFF;
      }
      log.writeBytes(line);
    }
    Path file = dir.resolve("kern.log");
    Files.write(file, log.toByteArray());
    CliRun run = CliRun.of("check", "--msr-file", PROFILE, "--kvm-dump", file.toString());
    CliRun clean = CliRun.of("check", "--msr-file", PROFILE, "--kvm-dump", DUMP);
    assertEquals(clean.exitCode(), run.exitCode(), run.err());
    assertEquals(clean.out().replace(DUMP, file.toString()).replace("(2 warnings)", "(3 warnings)"), run.out());
    // the line is 25 of the log (one line before the dump); its byte 4; the log's 7 bytes, then 23 lines
    int before = 7 + lines.subList(0, noisy).stream().mapToInt(line -> line.length() + 1).sum();
    assertEquals(List.of(
        file + ":2: warning: [DumpHeaderLine] skipped, the dump's header: 'VMCS 00000000336523a9, last attempted"
            + " VM-entry on CPU 8'",
        file + ":22: warning: [DumpEffectiveEfer] skipped, KVM's effective EFER, not the VMCS field (\"load"
            + " IA32_EFER\" is 0): 'EFER= 0x0000000000000d01 (effective)'",
        file + ":25: warning: [InputNotUtf8Replaced] byte 4 of the line (byte " + (before + 4) + " of the file) is"
            + " not UTF-8: 0xFF; read as U+FFFD"), run.err().lines().toList());
  }

  @Test
  void anImageFileThatIsNotUtf8IsBadInputAtItsLineAndByte() throws IOException {
    // 0xFF never occurs in UTF-8 (RFC 3629, section 1): line 2, byte 17 of the line, 18 + 17 = 35 of the file.
    Path image = dir.resolve("bad.vmcs");
    byte[] bytes = "VmcsGuestNW.RIP 1\nVmcsGuestNW.RSP x\n".getBytes(StandardCharsets.UTF_8);
    bytes[34] = (byte) 0xFF;
    Files.write(image, bytes);
    String expected = image + ":2: [InputNotUtf8] byte 17 of the line (byte 35 of the file) is not UTF-8: 0xFF";
    assertEquals(expected, CliRun.of("check", "--msr-file", PROFILE, "--vmcs-file", image.toString()).failure(1));
    assertEquals(expected, CliRun.of("check", "--msr-file", PROFILE, "--dump", image.toString()).failure(1),
        "told an image by its first line, then read as one");
  }

  @Test
  void aDumpWithoutFieldsIsBadInput() throws IOException {
    Path dump = dir.resolve("empty.txt");
    Files.writeString(dump, "hello\n");
    CliRun run = CliRun.of("check", "--msr-file", PROFILE, "--kvm-dump", dump.toString());
    assertEquals(1, run.exitCode(), run.err());
    assertEquals(List.of(
        dump + ": [DumpNoFields] no KVM dump_vmcs line found: expected lines such as 'CS:   sel=0x0010,"
            + " attr=0x0a09b, limit=0xffffffff, base=0x0' after '*** Guest State ***'"),
        run.err().lines().toList());
  }

  @Test
  void dumpOptionOnALogWithoutADumpSaysSoOnceNotOnceALine() throws IOException {
    // a kernel log with no dump in it, and an empty file: neither KVM, Xen nor FIELD VALUE lines
    Path log = dir.resolve("kern.log");
    Files.writeString(log, "Jun 24 17:25:51 host kernel: usb 1-1: new high-speed USB device number 2\n".repeat(500));
    Path empty = dir.resolve("empty.txt");
    Files.writeString(empty, "");
    for (Path file : List.of(log, empty)) {
      CliRun run = CliRun.of("check", "--dump", file.toString());
      assertEquals(1, run.exitCode(), run.err());
      List<String> problems = run.err().lines().filter(line -> line.startsWith(file.toString())).toList();
      assertEquals(List.of(file + ": [DumpNotFound] no VMCS dump in the text: no line of a Linux KVM dump_vmcs"
          + " or a Xen vmcs_dump_vcpu dump, and no FIELD VALUE line"), problems, run.err());
    }
  }

  @Test
  void endlessDevicesGivenAsAnyInputEndWithOneErrorNotAnEndlessRead() {
    // Linux null(4) and random(4): /dev/zero and /dev/urandom never end; docs/CLI.md "Conventions"
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(Path.of("/dev/zero"))
        && Files.isReadable(Path.of("/dev/urandom")), "no /dev/zero or /dev/urandom on this system");
    for (String option : List.of("--dump", "--kvm-dump", "--vmcs-file", "--msr-file")) {
      for (String device : List.of("/dev/zero", "/dev/urandom")) {
        List<String> args = option.equals("--msr-file") ? List.of("check", option, device, "--dump", DUMP)
            : List.of("check", option, device);
        CliRun run = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
            () -> CliRun.of(args.toArray(String[]::new)), option + " " + device);
        assertEquals(1, run.exitCode(), option + " " + device + ": " + run.err());
        List<String> problems = run.err().lines().filter(line -> line.startsWith(device)).toList();
        assertEquals(1, problems.size(), option + " " + device + ": " + run.err());
        assertTrue(problems.get(0).matches(java.util.regex.Pattern.quote(device)
            + "(:[0-9]+)?: \\[Input(TooLarge|NotText|NotUtf8)\\] .*"), problems.get(0));
      }
    }
  }

  @Test
  void exitCodesAreTheDocumentedOnes() {
    // docs/CLI.md: 0 ok, 1 bad input, 2 bad usage, 3 VM entry would fail, 4 undecided.
    assertEquals(List.of(0, 1, 2, 3, 4), java.util.Arrays.stream(ExitCode.values()).map(ExitCode::code).toList());
  }

  @Test
  void withoutAProfileTheCapabilityChecksAreNotVerifiableAndAHintSaysHowToGetOne() {
    CliRun run = CliRun.of("check", "--kvm-dump", DUMP, "--json");
    assertEquals(4, run.exitCode(), run.err());
    assertTrue(run.err().lines().anyMatch(line -> line.startsWith("vmcs check: no capability profile (--msr-file or"
        + " --msr-device): the checks that compare with one are not verifiable; to get a profile on Linux: sudo"
        + " modprobe msr")), run.err());
    JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
    assertEquals(0, json.getAsJsonArray("violations").size());
    assertTrue(json.getAsJsonArray("not_verifiable").toString().contains("\"ctl-pin-allowed0\""));
    // one entry for the whole profile, not one per capability MSR it would hold
    assertTrue(json.getAsJsonArray("missing_inputs").contains(
        new com.google.gson.JsonPrimitive("a capability profile of the processor (none was given)")), run.out());
    assertFalse(json.getAsJsonArray("missing_inputs").toString().contains("is not in the profile"), run.out());
  }

  @Test
  void aProfileWithMissingMsrsStillChecksAndWarns() throws IOException {
    Path profile = dir.resolve("partial.msr");
    Files.writeString(profile, Files.readString(Path.of(PROFILE)).replaceFirst("(?m)^0x490 .*\n", ""));
    CliRun run = CliRun.of("check", "--msr-file", profile.toString(), "--kvm-dump", DUMP);
    assertEquals(4, run.exitCode(), run.err());
    // IA32_VMX_BASIC bit 55 is 1: the TRUE entry MSR exists, and without it which default-1 entry controls
    // may be 0 is unknown (SDM Vol. 3D A.5), so the allowed-0 check of the entry controls is undecided.
    assertTrue(run.err().contains("warning: [CapsTrueMsrFallback] IA32_VMX_TRUE_ENTRY_CTLS (0x490)"), run.err());
    assertTrue(run.out().contains("ctl-entry-allowed0: capability MSR IA32_VMX_TRUE_ENTRY_CTLS (0x490) is not in the"
        + " profile"), run.out());
  }

  @Test
  void msrDeviceIsAcceptedLikeCaps() {
    String message = CliRun.of("check", "--msr-device", dir.resolve("cpu9/msr").toString(), "--kvm-dump", DUMP)
        .failure(1);
    assertTrue(message.contains("no such device"), message);
  }
}
