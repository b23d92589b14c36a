package dev.vmcscodegen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

class DecodeExitReasonCommandTest {

  private static final String[] KEYS = {"basic_reason", "name", "reserved", "entry_failure", "from_vmx_root",
      "pending_mtf", "enclave_mode"};

  @Test
  void failedEntryForInvalidGuestState() {
    JsonObject report = CliRun.of("decode", "exit-reason", "0x80000021", "--json").json();
    CliRun.assertHasKeys(report, KEYS);
    // SDM Vol. 3D Table C-1: basic reason 33 "VM-entry failure due to invalid guest state";
    // Vol. 3C 25.9.1: bit 31 set = VM-entry failure.
    assertEquals(33, report.get("basic_reason").getAsInt());
    assertEquals("VM_ENTRY_FAILURE_INVALID_GUEST_STATE", report.get("name").getAsString());
    assertTrue(report.get("entry_failure").getAsBoolean());
    assertFalse(report.get("from_vmx_root").getAsBoolean());
    assertFalse(report.get("pending_mtf").getAsBoolean());
    assertFalse(report.get("enclave_mode").getAsBoolean());
    assertEquals(0, report.get("reserved").getAsLong());
  }

  @Test
  void plainExitsByNumber() {
    // Table C-1: 10 CPUID, 12 HLT, 30 I/O instruction, 48 EPT violation.
    String[][] cases = {{"10", "CPUID"}, {"0xC", "HLT"}, {"0x1E", "IO_INSTRUCTION"}, {"48", "EPT_VIOLATION"}};
    for (String[] known : cases) {
      JsonObject report = CliRun.of("decode", "exit-reason", known[0], "--json").json();
      assertEquals(Long.decode(known[0]), report.get("basic_reason").getAsLong(), known[0]);
      assertEquals(known[1], report.get("name").getAsString(), known[0]);
      assertFalse(report.get("entry_failure").getAsBoolean(), known[0]);
    }
  }

  @Test
  void flagBitsAreSeparate() {
    // SDM Vol. 3C 25.9.1: bit 27 enclave mode, bit 28 pending MTF VM exit, bit 29 exit from VMX root.
    JsonObject enclave = CliRun.of("decode", "exit-reason", "0x08000000", "--json").json();
    assertTrue(enclave.get("enclave_mode").getAsBoolean());
    assertFalse(enclave.get("pending_mtf").getAsBoolean());
    JsonObject smm = CliRun.of("decode", "exit-reason", "0x30000005", "--json").json();
    assertTrue(smm.get("pending_mtf").getAsBoolean());
    assertTrue(smm.get("from_vmx_root").getAsBoolean());
    assertFalse(smm.get("enclave_mode").getAsBoolean());
    // Table C-1: 5 "I/O system-management interrupt (SMI)".
    assertEquals("IO_SMI", smm.get("name").getAsString());
  }

  @Test
  void reservedBitsAndUnknownReasonsAreKept() {
    // 25.9.1: bit 16 is always 0 and bits 24:17 and 30 are not currently defined.
    JsonObject report = CliRun.of("decode", "exit-reason", "0x4001FFFF", "--json").json();
    assertEquals(0x4001_0000L, report.get("reserved").getAsLong());
    assertEquals(0xFFFF, report.get("basic_reason").getAsInt());
    assertEquals("UNKNOWN", report.get("name").getAsString());
    assertFalse(report.get("defined").getAsBoolean());
  }

  @Test
  void textShowsTheReasonName() {
    String text = CliRun.of("decode", "exit-reason", "0x80000021").text();
    assertTrue(text.contains("VM-entry failure due to invalid guest state"), text);
    assertTrue(text.lines().anyMatch(line -> line.matches("VM-entry failure\\s+yes \\(bit 31\\)")), text);
  }

  @Test
  void valueWiderThan32BitsIsBadInput() {
    String message = CliRun.of("decode", "exit-reason", "0x180000021").failure(1);
    assertTrue(message.contains("does not fit in 32 bits"), message);
  }
}
