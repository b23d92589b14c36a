package dev.vmcscodegen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecodeFieldCommandTest {

  private static final String[] KEYS = {"encoding", "known", "name", "category", "width", "access", "index", "valid"};

  @Test
  void guestRipIsAKnownNaturalWidthGuestField() {
    JsonObject report = CliRun.of("decode", "field", "0x681E", "--json").json();
    CliRun.assertHasKeys(report, KEYS);
    // SDM Vol. 3D B.4.3: guest RIP is 0000681EH; Table 25-21: width bits 14:13 = 3 (natural),
    // type bits 11:10 = 2 (guest-state), index bits 9:1 = 15, access bit 0 = 0 (full).
    assertEquals(0x681E, report.get("encoding").getAsInt());
    assertTrue(report.get("known").getAsBoolean());
    assertEquals("RIP", report.get("name").getAsString());
    assertEquals("guest", report.get("category").getAsString());
    assertEquals("natural", report.get("width").getAsString());
    assertEquals("full", report.get("access").getAsString());
    assertEquals(15, report.get("index").getAsInt());
    assertTrue(report.get("valid").getAsBoolean());
  }

  @Test
  void highHalfOfEptPointerNamesTheField() {
    // SDM Vol. 3D B.2.1: EPT pointer, full 0000201AH, high 0000201BH (index 13, 64-bit control).
    JsonObject report = CliRun.of("decode", "field", "8219", "--json").json();
    assertEquals(0x201B, report.get("encoding").getAsInt());
    assertTrue(report.get("known").getAsBoolean());
    assertEquals("EPT_POINTER", report.get("name").getAsString());
    assertEquals("control", report.get("category").getAsString());
    assertEquals("64", report.get("width").getAsString());
    assertEquals("high", report.get("access").getAsString());
    assertEquals(13, report.get("index").getAsInt());
    assertTrue(report.get("valid").getAsBoolean());
  }

  @Test
  void unknownEncodingStillDecodesItsParts() {
    // Table 25-21: 0x4C7E is width 2 (32-bit), type 3 (host), index 63; no Appendix B field has it.
    JsonObject report = CliRun.of("decode", "field", "0x4C7E", "--json").json();
    CliRun.assertHasKeys(report, KEYS);
    assertFalse(report.get("known").getAsBoolean());
    assertTrue(report.get("name").isJsonNull());
    assertEquals("host", report.get("category").getAsString());
    assertEquals("32", report.get("width").getAsString());
    assertEquals(63, report.get("index").getAsInt());
    assertTrue(report.get("valid").getAsBoolean());
  }

  @Test
  void highAccessOfANon64BitFieldIsInvalid() {
    // Table 25-21: the high access type (bit 0 = 1) exists only for 64-bit fields; 0x681F is
    // "guest RIP, high", which names nothing.
    JsonObject report = CliRun.of("decode", "field", "0x681F", "--json").json();
    assertFalse(report.get("known").getAsBoolean());
    assertEquals("high", report.get("access").getAsString());
    assertFalse(report.get("valid").getAsBoolean());
  }

  @Test
  void reservedBitsMakeTheEncodingInvalid() {
    // Table 25-21: bits 12, 15 and 31:16 are reserved and must be 0.
    for (String encoding : new String[] {"0x1000", "0x8000", "0x80000000", "0x1681E"}) {
      JsonObject report = CliRun.of("decode", "field", encoding, "--json").json();
      assertFalse(report.get("valid").getAsBoolean(), encoding);
      assertFalse(report.get("known").getAsBoolean(), encoding);
      assertEquals(Long.decode(encoding) & 0xFFFF_9000L, report.get("reserved_bits").getAsLong(), encoding);
    }
  }

  @Test
  void partsOfRandomEncodingsMatchTheirBits() {
    Random random = new Random(20261125L);
    String[] categories = {"control", "read-only", "guest", "host"};
    String[] widths = {"16", "64", "32", "natural"};
    for (int i = 0; i < 8; i++) {
      long encoding = random.nextInt() & 0xFFFF_FFFFL;
      JsonObject report = CliRun.of("decode", "field", Long.toString(encoding), "--json").json();
      assertEquals(encoding, report.get("encoding").getAsLong());
      assertEquals(categories[(int) (encoding >>> 10) & 3], report.get("category").getAsString());
      assertEquals(widths[(int) (encoding >>> 13) & 3], report.get("width").getAsString());
      assertEquals((encoding >>> 1) & 0x1FF, report.get("index").getAsLong());
      assertEquals((encoding & 1) == 0 ? "full" : "high", report.get("access").getAsString());
    }
  }

  @Test
  void textOutputIsAlignedAndNamesTheField() {
    String text = CliRun.of("decode", "field", "0x681E").text();
    assertTrue(text.contains("VmcsGuestNW.RIP"), text);
    assertTrue(text.lines().anyMatch(line -> line.matches("width\\s+natural .*")), text);
    assertTrue(text.lines().anyMatch(line -> line.matches("index\\s+15 .*")), text);
  }

  @Test
  void encodingWiderThan32BitsIsBadInput() {
    String message = CliRun.of("decode", "field", "0x100000000").failure(1);
    assertTrue(message.contains("does not fit in 32 bits"), message);
  }

  @Test
  void wordInsteadOfNumberIsBadUsage() {
    String message = CliRun.of("decode", "field", "RIP", "--json").failure(2);
    assertTrue(message.startsWith("vmcs decode field: "), message);
    assertTrue(message.contains("'RIP' is not a number"), message);
  }

  @Test
  void missingEncodingIsBadUsage() {
    String message = CliRun.of("decode", "field").failure(2);
    assertTrue(message.contains("ENCODING"), message);
  }
}
