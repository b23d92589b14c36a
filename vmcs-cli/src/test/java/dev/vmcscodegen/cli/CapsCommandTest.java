package dev.vmcscodegen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapsCommandTest {

  /**
   * A processor without TRUE controls (IA32_VMX_BASIC bit 55 clear) and without secondary controls
   * (IA32_VMX_PROCBASED_CTLS bit 63 clear): only the MSRs SDM Vol. 3D Appendix A says always exist.
   */
  private static final String PLAIN_PROFILE = """
      # MSR  VALUE
      0x480 0x0018100000000012   # revision 0x12, 4096-byte region (44:32), WB (53:50 = 6), bit 55 clear
      0x481 0x0000001F00000016   # pin-based: default1 bits 1, 2, 4; bits 4:0 may be 1
      0x482 0x7FFDFFFE0401E172   # primary: bit 63 (secondary) and bit 49 (tertiary) may not be 1
      0x483 0x00FFFFFF00036DFF   # exit: bit 63 clear, no secondary VM-exit controls
      0x484 0x0000FFFF000011FF
      0x485 0x0000000000000000
      0x486 0x0000000080000021
      0x487 0x00000000FFFFFFFF
      0x488 0x0000000000002000
      0x489 0x00000000003727FF
      0x48A 0x000000000000002E
      """;

  /** The values VirtualBox logged for an Intel Core (Coffee Lake) host, as in the runtime's sample profile. */
  private static final String TRUE_PROFILE = """
      0x480 0x00DA040000000004
      0x481 0x0000007F00000016
      0x482 0xFFF9FFFE0401E172
      0x483 0x01FFFFFF00036DFF
      0x484 0x0003FFFF000011FF
      0x485 0x000000007004C1E7
      0x486 0x0000000080000021
      0x487 0x00000000FFFFFFFF
      0x488 0x0000000000002000
      0x489 0x00000000003727FF
      0x48A 0x000000000000002E
      0x48B 0x005FBCFF00000000
      0x48C 0x00000F0106734141
      0x48D 0x0000007F00000016
      0x48E 0xFFF9FFFE04006172
      0x48F 0x01FFFFFF00036DFB
      0x490 0x0003FFFF000011FB
      0x491 0x0000000000000001
      """;

  @TempDir
  Path directory;

  private Path write(String name, String text) throws IOException {
    Path file = directory.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private static JsonObject bit(JsonObject report, String group, int bit) {
    for (JsonElement element : report.getAsJsonObject("controls").getAsJsonArray(group)) {
      if (element.getAsJsonObject().get("bit").getAsInt() == bit) {
        return element.getAsJsonObject();
      }
    }
    throw new AssertionError("no bit " + bit + " in " + group);
  }

  @Test
  void plainProfileUsesThePlainControlMsrs() throws IOException {
    JsonObject report = CliRun.of("caps", "--msr-file", write("plain.msr", PLAIN_PROFILE).toString(), "--json").json();
    CliRun.assertHasKeys(report, "basic", "controls");
    JsonObject basic = report.getAsJsonObject("basic");
    CliRun.assertHasKeys(basic, "revision", "vmcs_size", "true_controls");
    // SDM Vol. 3D A.1: bits 30:0 revision identifier, bits 44:32 region size, bit 55 TRUE controls.
    assertEquals(0x12, basic.get("revision").getAsInt());
    assertEquals(4096, basic.get("vmcs_size").getAsInt());
    assertFalse(basic.get("true_controls").getAsBoolean());
    CliRun.assertHasKeys(report.getAsJsonObject("controls"), "pin_based", "primary", "secondary", "tertiary",
        "exit", "entry");
    // A.3.1: bits 31:0 allowed 0-settings (a 1 means "must be 1"), bits 63:32 allowed 1-settings.
    JsonObject externalInterruptExiting = bit(report, "pin_based", 0);
    CliRun.assertHasKeys(externalInterruptExiting, "bit", "name", "may_be_0", "may_be_1");
    assertEquals("external-interrupt exiting", externalInterruptExiting.get("name").getAsString());
    assertTrue(externalInterruptExiting.get("may_be_0").getAsBoolean());
    assertTrue(externalInterruptExiting.get("may_be_1").getAsBoolean());
    JsonObject defaultOne = bit(report, "pin_based", 1);
    assertFalse(defaultOne.get("may_be_0").getAsBoolean());
    assertTrue(defaultOne.get("may_be_1").getAsBoolean());
    // SDM Vol. 3C 25.6.1: bit 6 "activate VMX-preemption timer"; allowed-1 0x1F forbids it.
    JsonObject timer = bit(report, "pin_based", 6);
    assertEquals("activate VMX-preemption timer", timer.get("name").getAsString());
    assertFalse(timer.get("may_be_1").getAsBoolean());
    // A.3.2: plain IA32_VMX_PROCBASED_CTLS 0x0401E172 has bit 15 (CR3-load exiting) set: must be 1.
    assertFalse(bit(report, "primary", 15).get("may_be_0").getAsBoolean());
    // A.3.3: without "activate secondary controls" allowed-1 there is no IA32_VMX_PROCBASED_CTLS2.
    assertEquals(0, report.getAsJsonObject("controls").getAsJsonArray("secondary").size());
    assertEquals(0, report.getAsJsonObject("controls").getAsJsonArray("tertiary").size());
    assertTrue(report.get("ept_vpid").isJsonNull());
  }

  @Test
  void trueProfileUsesTheTrueMsrsAndReportsEpt() throws IOException {
    JsonObject report = CliRun.of("caps", "--msr-file", write("true.msr", TRUE_PROFILE).toString(), "--json").json();
    JsonObject basic = report.getAsJsonObject("basic");
    // A.1: 0x00DA040000000004 = revision 4, region size 0x400, bit 55 set.
    assertEquals(4, basic.get("revision").getAsInt());
    assertEquals(1024, basic.get("vmcs_size").getAsInt());
    assertTrue(basic.get("true_controls").getAsBoolean());
    // A.3.2 / A.2: IA32_VMX_TRUE_PROCBASED_CTLS allowed-0 0x04006172 clears bit 15 (CR3-load exiting)
    // that the plain MSR forces to 1; with bit 55 set the TRUE MSR decides.
    JsonObject cr3LoadExiting = bit(report, "primary", 15);
    assertEquals("CR3-load exiting", cr3LoadExiting.get("name").getAsString());
    assertTrue(cr3LoadExiting.get("may_be_0").getAsBoolean());
    assertEquals("IA32_VMX_TRUE_PROCBASED_CTLS",
        report.getAsJsonObject("control_msrs").get("primary").getAsString());
    // A.3.3: IA32_VMX_PROCBASED_CTLS2 0x005FBCFF........: bit 1 "enable EPT" may be 1 (bit 33).
    JsonObject enableEpt = bit(report, "secondary", 1);
    assertEquals("enable EPT", enableEpt.get("name").getAsString());
    assertTrue(enableEpt.get("may_be_1").getAsBoolean());
    // A.10: 0x00000F0106734141 sets bit 6 (page-walk length 4) and bit 20 (INVEPT).
    JsonArray capabilities = report.getAsJsonObject("ept_vpid").getAsJsonArray("capabilities");
    List<String> supported = capabilities.asList().stream().map(JsonElement::getAsJsonObject)
        .filter(row -> row.get("supported").getAsBoolean()).map(row -> row.get("name").getAsString()).toList();
    assertTrue(supported.contains("PAGE_WALK_LENGTH_4") && supported.contains("INVEPT"), supported.toString());
    assertFalse(supported.contains("PAGE_WALK_LENGTH_5"), supported.toString());
    // A.6: IA32_VMX_MISC 0x7004C1E7, bits 24:16 = 4 CR3-target values, bit 6 HLT activity state.
    JsonObject misc = report.getAsJsonObject("misc");
    assertEquals(4, misc.get("cr3_target_count").getAsInt());
    assertTrue(misc.get("activity_hlt").getAsBoolean());
  }

  @Test
  void textReportNamesEveryGroup() throws IOException {
    String text = CliRun.of("caps", "--msr-file", write("true.msr", TRUE_PROFILE).toString()).text();
    assertTrue(text.contains("Pin-based VM-execution controls (IA32_VMX_TRUE_PINBASED_CTLS"), text);
    assertTrue(text.contains("Tertiary processor-based VM-execution controls: not supported"), text);
    assertTrue(text.lines().anyMatch(line -> line.matches("\\s+7\\s+HLT exiting\\s+yes\\s+yes\\s+flexible")), text);
  }

  /**
   * A Linux msr device through the seam: the 8 bytes read at offset X are MSR X, little-endian; an MSR the
   * processor lacks fails with EIO. No regular file can stand in (MSRs X and X+1 would share 7 bytes).
   */
  private static MsrDevice device(java.util.Map<Integer, Long> msrs) {
    return new MsrDevice("fake", (buffer, offset) -> {
      long base = offset - buffer.position();
      Long value = msrs.get((int) base);
      if (value == null) {
        throw new IOException("Input/output error");
      }
      byte[] bytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
      int from = (int) (offset - base);
      int count = Math.min(buffer.remaining(), 8 - from);
      buffer.put(bytes, from, count);
      return count;
    });
  }

  @Test
  void msrDeviceReadsLittleEndianAtTheMsrOffset() {
    MsrDevice msrs = device(java.util.Map.of(0x480, 0x00DA_0400_0000_0004L, 0x48C, 0x0000_0F01_0673_4141L));
    assertEquals(0x00DA_0400_0000_0004L, msrs.rdmsr(0x480));
    assertEquals(0x0000_0F01_0673_4141L, msrs.rdmsr(0x48C));
  }

  @Test
  void msrDeviceGivesTheSameReportAsTheProfileOfItsValues() throws IOException {
    java.util.Map<Integer, Long> values = new java.util.TreeMap<>();
    for (String line : TRUE_PROFILE.strip().split("\n")) {
      String[] parts = line.strip().split("\\s+");
      values.put(Integer.decode(parts[0]), Long.parseUnsignedLong(parts[1].substring(2), 16));
    }
    var fromDevice = dev.vmcscodegen.runtime.capability.VmxCapabilities.read(device(values), "fake");
    JsonObject fromFile = CliRun.of("caps", "--msr-file", write("same.msr", TRUE_PROFILE).toString(), "--json").json();
    assertEquals(List.of(), fromDevice.problems());
    assertEquals(fromFile, CapsReport.json(fromDevice));
  }

  @Test
  void msrDeviceOfZerosIsNamedAsNoProcessor() {
    // All-zero content: IA32_VMX_BASIC = 0 reports a 0-byte VMCS region (SDM Vol. 3D A.1: 1 to 4096).
    var zeros = dev.vmcscodegen.runtime.capability.VmxCapabilities.read(new MsrDevice("zero", (buffer, offset) -> {
      int count = buffer.remaining();
      buffer.put(new byte[count]);
      return count;
    }), "zero");
    assertTrue(zeros.problems().stream().anyMatch(p -> p.render().startsWith("zero: warning: [CapsContradictsSdm]"
        + " IA32_VMX_BASIC (0x480): reports a VMCS region of 0 bytes")), zeros.problems().toString());
  }

  @Test
  void truncatedDeviceIsBadInput() throws IOException {
    Path device = directory.resolve("short");
    try (RandomAccessFile file = new RandomAccessFile(device.toFile(), "rw")) {
      file.setLength(0x480 + 4);
    }
    String message = CliRun.of("caps", "--msr-device", device.toString()).failure(1);
    assertTrue(message.contains("MSR 0x480") && message.contains("ends after 4 of the 8 bytes"), message);
  }

  @Test
  void missingDeviceIsBadInput() {
    String message = CliRun.of("caps", "--msr-device", directory.resolve("cpu9/msr").toString()).failure(1);
    assertTrue(message.contains("no such device"), message);
  }

  @Test
  void profileProblemsAreWarningsAndWhatTheyDecideIsUnknown() throws IOException {
    Path profile = write("bad.msr", PLAIN_PROFILE.replace("0x484 0x0000FFFF000011FF", "0x484 0xZZ"));
    CliRun run = CliRun.of("caps", "--msr-file", profile.toString(), "--json");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(List.of(
        profile + ": warning: [CapsMissingMsr] IA32_VMX_ENTRY_CTLS (0x484): missing, though every processor with"
            + " VMX has it (SDM Vol. 3D, A.5); it decides the allowed settings of the VM-entry controls",
        profile + ":6: warning: [CapsBadNumber] IA32_VMX_ENTRY_CTLS (0x484): value '0xZZ' is not a hexadecimal"
            + " number of 1 to 16 digits"), run.err().lines().toList());
    JsonObject report = com.google.gson.JsonParser.parseString(run.out()).getAsJsonObject();
    assertTrue(report.getAsJsonObject("controls").get("entry").isJsonNull());
    assertEquals("IA32_VMX_ENTRY_CTLS", report.getAsJsonArray("unknown_msrs").get(0).getAsString());
    assertEquals(2, report.getAsJsonArray("warnings").size());
    String text = CliRun.of("caps", "--msr-file", profile.toString()).out();
    assertTrue(text.contains("VM-entry controls: unknown (IA32_VMX_ENTRY_CTLS is missing from the input)"), text);
  }

  @Test
  void onlyAnInputWithoutBasicIsRefused() throws IOException {
    Path profile = write("nobasic.msr", PLAIN_PROFILE.replaceFirst("(?m)^0x480 .*\n", "") + "0x47F 1\n");
    CliRun run = CliRun.of("caps", "--msr-file", profile.toString());
    assertEquals(1, run.exitCode());
    List<String> lines = run.err().lines().toList();
    assertTrue(lines.contains(profile + ": [CapsNoBasic] IA32_VMX_BASIC (0x480) is missing or unusable: without it"
        + " nothing can be decoded (SDM Vol. 3D A.1)"), run.err());
    assertTrue(lines.stream().anyMatch(line -> line.contains(":12: warning: [CapsUnknownMsr] '0x47F'")), run.err());
  }

  @Test
  void aVirtualBoxReleaseLogIsReadAsAProfile() throws IOException {
    // The line form of VirtualBox's HM.cpp (LogRel "HM: MSR_IA32_VMX_BASIC = %#RX64"), with its time stamps.
    StringBuilder log = new StringBuilder("00:00:00.100000 VirtualBox VM 7.0.10 r158379 linux.amd64\n");
    for (String line : TRUE_PROFILE.strip().split("\n")) {
      String[] parts = line.strip().split("\\s+");
      String name = dev.vmcscodegen.runtime.capability.VmxCapabilityMsr.fromAddress(Integer.decode(parts[0]))
          .orElseThrow().name();
      log.append("00:00:00.154395 HM: MSR_").append(name).append(" = 0x")
          .append(Long.toHexString(Long.parseUnsignedLong(parts[1].substring(2), 16))).append('\n');
      log.append("00:00:00.154396 HM:   some decoded detail = true\n");
    }
    JsonObject fromLog = CliRun.of("caps", "--msr-file", write("VBox.log", log.toString()).toString(), "--json").json();
    JsonObject fromProfile = CliRun.of("caps", "--msr-file", write("true.msr", TRUE_PROFILE).toString(), "--json").json();
    assertEquals(fromProfile, fromLog);
  }

  @Test
  void exactlyOneSourceIsRequired() throws IOException {
    CliRun.of("caps").failure(2);
    Path file = write("plain.msr", PLAIN_PROFILE);
    String message = CliRun.of("caps", "--msr-file", file.toString(), "--msr-device", file.toString()).failure(2);
    assertTrue(message.contains("mutually exclusive"), message);
  }
}
