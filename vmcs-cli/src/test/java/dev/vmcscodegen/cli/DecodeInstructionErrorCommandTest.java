package dev.vmcscodegen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

class DecodeInstructionErrorCommandTest {

  @Test
  void errorTwelveIsUnsupportedComponent() {
    JsonObject report = CliRun.of("decode", "instruction-error", "12", "--json").json();
    CliRun.assertHasKeys(report, "number", "description", "reserved");
    // SDM Vol. 3C 31.4, Table 31-1: 12 "VMREAD/VMWRITE from/to unsupported VMCS component".
    assertEquals(12, report.get("number").getAsInt());
    assertEquals("VMREAD/VMWRITE from/to unsupported VMCS component", report.get("description").getAsString());
    assertFalse(report.get("reserved").getAsBoolean());
  }

  @Test
  void hexNumberIsAccepted() {
    // Table 31-1: 28 (0x1C) "Invalid operand to INVEPT/INVVPID".
    JsonObject report = CliRun.of("decode", "instruction-error", "0x1C", "--json").json();
    assertEquals(28, report.get("number").getAsInt());
    assertEquals("Invalid operand to INVEPT/INVVPID", report.get("description").getAsString());
  }

  @Test
  void reservedAndUndefinedNumbersAreReported() {
    // Table 31-1 leaves 14, 21 and 27 reserved and ends at 28.
    for (String number : new String[] {"14", "21", "27", "29", "4294967295"}) {
      JsonObject report = CliRun.of("decode", "instruction-error", number, "--json").json();
      assertEquals(Long.parseLong(number), report.get("number").getAsLong(), number);
      assertTrue(report.get("reserved").getAsBoolean(), number);
    }
  }

  @Test
  void textNamesTheError() {
    // Table 31-1: 7 "VM entry with invalid control field(s)".
    String text = CliRun.of("decode", "instruction-error", "7").text();
    assertTrue(text.contains("VM entry with invalid control field(s)"), text);
  }

  @Test
  void numberWiderThanTheFieldIsBadInput() {
    String message = CliRun.of("decode", "instruction-error", "0x100000000", "--json").failure(1);
    assertTrue(message.contains("does not fit in 32 bits"), message);
  }
}
