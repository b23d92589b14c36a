package dev.vmcscodegen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

class DecodeInterruptionInfoCommandTest {

  private static final String[] KEYS = {"vector", "type", "type_name", "error_code_valid", "nmi_unblocking",
      "valid"};

  @Test
  void pageFaultWithErrorCode() {
    JsonObject report = CliRun.of("decode", "interruption-info", "0x80000B0E", "--json").json();
    CliRun.assertHasKeys(report, KEYS);
    // SDM Vol. 3C 25.9.2: bits 7:0 vector 14 (#PF, Vol. 3A Table 6-1), bits 10:8 type 3 (hardware
    // exception), bit 11 error code valid, bit 31 valid.
    assertEquals(14, report.get("vector").getAsInt());
    assertEquals(3, report.get("type").getAsInt());
    assertEquals("HARDWARE_EXCEPTION", report.get("type_name").getAsString());
    assertTrue(report.get("error_code_valid").getAsBoolean());
    assertFalse(report.get("nmi_unblocking").getAsBoolean());
    assertTrue(report.get("valid").getAsBoolean());
  }

  @Test
  void nmiWithUnblockingDueToIret() {
    // 25.9.2: type 2 NMI, vector 2; bit 12 NMI unblocking due to IRET.
    JsonObject report = CliRun.of("decode", "interruption-info", "0x80001202", "--json").json();
    assertEquals(2, report.get("vector").getAsInt());
    assertEquals("NMI", report.get("type_name").getAsString());
    assertTrue(report.get("nmi_unblocking").getAsBoolean());
    assertFalse(report.get("error_code_valid").getAsBoolean());
  }

  @Test
  void everyTypeCodeDecodes() {
    // 25.8.3 / 25.9.2: bits 10:8 take 0 to 7; 1 is reserved.
    String[] names = {"EXTERNAL_INTERRUPT", "RESERVED", "NMI", "HARDWARE_EXCEPTION", "SOFTWARE_INTERRUPT",
        "PRIVILEGED_SOFTWARE_EXCEPTION", "SOFTWARE_EXCEPTION", "OTHER_EVENT"};
    for (int type = 0; type < 8; type++) {
      String value = Long.toString(0x8000_0000L | (type << 8) | 0x80);
      JsonObject report = CliRun.of("decode", "interruption-info", value, "--json").json();
      assertEquals(type, report.get("type").getAsInt());
      assertEquals(names[type], report.get("type_name").getAsString());
      assertEquals(0x80, report.get("vector").getAsInt());
    }
  }

  @Test
  void invalidFieldAndReservedBits() {
    // Bit 31 clear: nothing valid; bits 30:13 reserved.
    JsonObject report = CliRun.of("decode", "interruption-info", "0x00006000", "--json").json();
    assertFalse(report.get("valid").getAsBoolean());
    assertEquals(0x6000, report.get("reserved").getAsLong());
  }

  @Test
  void textIsReadable() {
    String text = CliRun.of("decode", "interruption-info", "0x80000B0E").text();
    assertTrue(text.lines().anyMatch(line -> line.matches("vector\\s+14 \\(bits 7:0\\)")), text);
    assertTrue(text.contains("HARDWARE_EXCEPTION"), text);
  }

  @Test
  void valueWiderThan32BitsIsBadInput() {
    CliRun.of("decode", "interruption-info", "0x1FFFFFFFF").failure(1);
  }
}
