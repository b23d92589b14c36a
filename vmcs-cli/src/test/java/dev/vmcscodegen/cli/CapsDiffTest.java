package dev.vmcscodegen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

class CapsDiffTest {

  private static final String SAMPLE = "../vmcs-runtime/src/main/resources/dev/vmcscodegen/runtime/capability/sample-coffee-lake.msr";
  private static final String NO_UG = "../vmcs-runtime/src/test/resources/dev/vmcscodegen/runtime/profiles/no-unrestricted-guest.msr";

  @Test
  void listsTheDifferencesAndWhetherTheControlsRun() {
    String out = CliRun.of("caps", "--diff", SAMPLE, NO_UG, "--require", "UNRESTRICTED_GUEST").text();
    // IA32_VMX_PROCBASED_CTLS2 0x005FBCFF00000000 vs 0x0000007F00000000: bit 39 (unrestricted guest) (A.3.3).
    assertTrue(out.contains("  unrestricted guest (bit 7): 0 or 1 -> 0 only\n"), out);
    assertTrue(out.contains("do not run on"), out);
    assertTrue(out.contains("unrestricted guest (bit 7) set, but IA32_VMX_PROCBASED_CTLS2 allows only 0"), out);
  }

  @Test
  void jsonKeys() {
    JsonObject json = CliRun.of("caps", "--diff", SAMPLE, SAMPLE, "--json").json();
    CliRun.assertHasKeys(json, "first", "second", "differences", "portable", "problems");
    assertEquals(0, json.getAsJsonArray("differences").size());
    assertTrue(json.get("portable").getAsBoolean());
    JsonObject differs = CliRun.of("caps", "--diff", SAMPLE, NO_UG, "--json").json();
    CliRun.assertHasKeys(differs.getAsJsonArray("differences").get(0).getAsJsonObject(), "area", "item", "first", "second", "sdm");
    assertFalse(differs.getAsJsonArray("differences").isEmpty());
  }
}
