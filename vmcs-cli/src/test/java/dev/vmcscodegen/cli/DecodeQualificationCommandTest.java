package dev.vmcscodegen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/** Known answers from SDM Vol. 3C 28.2.1, the exit-qualification tables of each format. */
class DecodeQualificationCommandTest {

  private static JsonObject decode(String reason, String value) {
    return CliRun.of("decode", "qualification", "--reason", reason, value, "--json").json();
  }

  @Test
  void ioOutToTheSerialPort() {
    JsonObject report = decode("IO_INSTRUCTION", "0x03F80000");
    CliRun.assertHasKeys(report, "size", "direction", "string", "rep", "immediate", "port");
    // Table "Exit Qualification for I/O Instructions": bits 2:0 = 0 (1 byte), bit 3 = 0 (OUT),
    // bits 31:16 = port 0x3F8.
    assertEquals(1, report.get("size").getAsInt());
    assertEquals("out", report.get("direction").getAsString());
    assertFalse(report.get("string").getAsBoolean());
    assertFalse(report.get("rep").getAsBoolean());
    assertFalse(report.get("immediate").getAsBoolean());
    assertEquals(0x3F8, report.get("port").getAsInt());
  }

  @Test
  void ioInWithImmediateAndRepString() {
    // Bit 3 = 1 (IN), bit 6 = 1 (immediate operand), port 0x60, size code 3 (4 bytes).
    JsonObject in = decode("30", "0x0060004B");
    assertEquals("in", in.get("direction").getAsString());
    assertTrue(in.get("immediate").getAsBoolean());
    assertEquals(0x60, in.get("port").getAsInt());
    assertEquals(4, in.get("size").getAsInt());
    // Bits 4 and 5: string instruction, REP prefix; size code 1 = 2 bytes.
    JsonObject outs = decode("io", "0x03F80031");
    assertTrue(outs.get("string").getAsBoolean());
    assertTrue(outs.get("rep").getAsBoolean());
    assertEquals(2, outs.get("size").getAsInt());
    // Size code 2 is not used by the SDM: reported as unknown, not as 3 bytes.
    assertTrue(decode("io", "0x03F80002").get("size").isJsonNull());
  }

  @Test
  void movToCr0FromRbx() {
    JsonObject report = decode("CONTROL_REGISTER_ACCESSES", "0x300");
    CliRun.assertHasKeys(report, "cr", "access_type", "lmsw_memory_operand", "gpr", "lmsw_source_data");
    // Table "Exit Qualification for Control-Register Accesses": bits 3:0 = 0 (CR0), bits 5:4 = 0
    // (MOV to CR), bits 11:8 = 3 (RBX).
    assertEquals(0, report.get("cr").getAsInt());
    assertEquals("mov_to_cr", report.get("access_type").getAsString());
    assertEquals("rbx", report.get("gpr").getAsString());
    assertTrue(report.get("lmsw_source_data").isJsonNull());
  }

  @Test
  void otherControlRegisterAccessTypes() {
    // Bits 5:4 = 1: MOV from CR4 into RAX.
    JsonObject fromCr4 = decode("cr", "0x14");
    assertEquals("mov_from_cr", fromCr4.get("access_type").getAsString());
    assertEquals(4, fromCr4.get("cr").getAsInt());
    assertEquals("rax", fromCr4.get("gpr").getAsString());
    // Bits 5:4 = 2: CLTS, no register.
    JsonObject clts = decode("28", "0x20");
    assertEquals("clts", clts.get("access_type").getAsString());
    assertTrue(clts.get("gpr").isJsonNull());
    // Bits 5:4 = 3: LMSW, bit 6 memory operand, bits 31:16 source data 0x0001.
    JsonObject lmsw = decode("cr", "0x00010070");
    assertEquals("lmsw", lmsw.get("access_type").getAsString());
    assertTrue(lmsw.get("lmsw_memory_operand").getAsBoolean());
    assertEquals(1, lmsw.get("lmsw_source_data").getAsInt());
  }

  @Test
  void movDr() {
    // Table "Exit Qualification for MOV DR": bits 2:0 = 7 (DR7), bit 4 = 1 (MOV from DR), bits 11:8 = 0 (RAX).
    JsonObject from = decode("MOV_DR", "0x17");
    CliRun.assertHasKeys(from, "dr", "direction", "gpr");
    assertEquals(7, from.get("dr").getAsInt());
    assertEquals("from_dr", from.get("direction").getAsString());
    assertEquals("rax", from.get("gpr").getAsString());
    // Bit 4 = 0 (MOV to DR), bits 11:8 = 2 (RDX).
    JsonObject to = decode("dr", "0x207");
    assertEquals("to_dr", to.get("direction").getAsString());
    assertEquals("rdx", to.get("gpr").getAsString());
  }

  @Test
  void eptViolation() {
    JsonObject read = decode("EPT_VIOLATION", "0x181");
    CliRun.assertHasKeys(read, "read", "write", "execute", "readable", "writable", "executable",
        "guest_linear_address_valid", "linear_translation", "nmi_unblocking");
    // Table "Exit Qualification for EPT Violations": bit 0 data read, bit 7 guest linear address
    // valid, bit 8 access to the translation of a linear address; bits 3 to 5 clear: not present.
    assertTrue(read.get("read").getAsBoolean());
    assertFalse(read.get("write").getAsBoolean());
    assertFalse(read.get("readable").getAsBoolean());
    assertTrue(read.get("guest_linear_address_valid").getAsBoolean());
    assertTrue(read.get("linear_translation").getAsBoolean());
    // Bit 1 data write to a readable (bit 3), non-writable page; bit 12 NMI unblocking due to IRET.
    JsonObject write = decode("48", "0x100A");
    assertTrue(write.get("write").getAsBoolean());
    assertTrue(write.get("readable").getAsBoolean());
    assertFalse(write.get("writable").getAsBoolean());
    assertTrue(write.get("nmi_unblocking").getAsBoolean());
    // Bit 2 instruction fetch, bit 5 executable.
    JsonObject fetch = decode("ept", "0x24");
    assertTrue(fetch.get("execute").getAsBoolean());
    assertTrue(fetch.get("executable").getAsBoolean());
  }

  @Test
  void apicAccess() {
    JsonObject report = decode("APIC_ACCESS", "0x11080");
    CliRun.assertHasKeys(report, "offset", "access_type", "asynchronous");
    // Table "Exit Qualification for APIC-Access VM Exits": bits 11:0 offset 0x080 (the TPR),
    // bits 15:12 = 1 (linear access for a data write), bit 16 asynchronous.
    assertEquals(0x80, report.get("offset").getAsInt());
    assertEquals("linear_data_write", report.get("access_type").getAsString());
    assertTrue(report.get("asynchronous").getAsBoolean());
  }

  @Test
  void taskSwitch() {
    JsonObject report = decode("TASK_SWITCH", "0xC0000028");
    CliRun.assertHasKeys(report, "selector", "source");
    // Table "Exit Qualification for Task Switches": bits 15:0 selector, bits 31:30 source (3 = IDT).
    assertEquals(0x28, report.get("selector").getAsInt());
    assertEquals("idt", report.get("source").getAsString());
    assertEquals("iret", decode("9", "0x40000010").get("source").getAsString());
    assertEquals("call", decode("task-switch", "0x10").get("source").getAsString());
    assertEquals("jmp", decode("task_switch", "0x80000010").get("source").getAsString());
  }

  @Test
  void debugException() {
    JsonObject report = decode("debug-exception", "0x4001");
    CliRun.assertHasKeys(report, "b0", "b1", "b2", "b3", "bd", "bs");
    // Table "Exit Qualification for Debug Exceptions": bits 3:0 B0..B3, bit 13 BD, bit 14 BS.
    assertTrue(report.get("b0").getAsBoolean());
    assertFalse(report.get("b1").getAsBoolean());
    assertTrue(report.get("bs").getAsBoolean());
    assertFalse(report.get("bd").getAsBoolean());
    assertTrue(decode("db", "0x2000").get("bd").getAsBoolean());
  }

  @Test
  void vectorOnePicksTheDebugExceptionFormatForReasonZero() {
    // SDM Vol. 3C 28.2.1: for reason 0 the format depends on the vector; #DB is vector 1 (Vol. 3A
    // Table 6-1), whose qualification has B0..B3 in bits 3:0 and BS in bit 14.
    JsonObject report = CliRun.of("decode", "qualification", "--reason", "0", "--vector", "1", "0x4001", "--json").json();
    assertEquals("DEBUG_EXCEPTION", report.get("reason").getAsString());
    assertEquals(1, report.get("vector").getAsInt());
    assertTrue(report.get("b0").getAsBoolean());
    assertTrue(report.get("bs").getAsBoolean());
  }

  @Test
  void otherVectorsKeepTheRawValue() {
    // 28.2.1: for a page fault (vector 14) the qualification is the faulting linear address.
    JsonObject report = CliRun.of("decode", "qualification", "--reason", "EXCEPTION_OR_NMI", "--vector", "14",
        "0x7FFF1000", "--json").json();
    assertEquals("EXCEPTION_OR_NMI", report.get("reason").getAsString());
    assertEquals("raw", report.get("format").getAsString());
    assertEquals(14, report.get("vector").getAsInt());
    assertEquals(Long.toString(0x7FFF1000L), report.get("value").getAsString());
  }

  @Test
  void vectorIsRefusedWhereItMeansNothing() {
    assertTrue(CliRun.of("decode", "qualification", "--reason", "io", "--vector", "1", "0").failure(1)
        .contains("--vector applies to exit reason 0"));
    assertTrue(CliRun.of("decode", "qualification", "--reason", "db", "--vector", "14", "0").failure(1)
        .contains("vector 1"));
    // a vector is bits 7:0 of the interruption information (SDM Vol. 3C 25.9.2)
    CliRun.of("decode", "qualification", "--reason", "0", "--vector", "256", "0").failure(1);
  }

  @Test
  void otherReasonsKeepTheRawValue() {
    // 28.2.1: for INVLPG (reason 14) the qualification is the linear-address operand.
    JsonObject report = decode("INVLPG", "0xFFFFFFFF80001000");
    assertEquals("raw", report.get("format").getAsString());
    assertEquals("18446744071562072064", report.get("value").getAsString());
  }

  @Test
  void textOutput() {
    String text = CliRun.of("decode", "qualification", "--reason", "io", "0x03F80000").text();
    assertTrue(text.lines().anyMatch(line -> line.matches("port\\s+1016 \\(0x3F8\\)")), text);
    assertTrue(text.lines().anyMatch(line -> line.matches("direction\\s+out")), text);
  }

  @Test
  void reasonIsRequiredAndChecked() {
    CliRun.of("decode", "qualification", "0x10").failure(2);
    String message = CliRun.of("decode", "qualification", "--reason", "frob", "0x10").failure(2);
    assertTrue(message.contains("'frob' is not an exit reason"), message);
    CliRun.of("decode", "qualification", "--reason", "0x10000", "0x10").failure(2);
  }
}
