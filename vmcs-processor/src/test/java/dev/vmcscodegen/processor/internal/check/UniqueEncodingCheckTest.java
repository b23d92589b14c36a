package dev.vmcscodegen.processor.internal.check;

import static dev.vmcscodegen.processor.internal.check.TestSpecs.rendered;
import static dev.vmcscodegen.processor.internal.check.TestSpecs.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class UniqueEncodingCheckTest {

  private final UniqueEncodingCheck check = new UniqueEncodingCheck();

  @Test
  void distinctEncodingsPass() {
    assertEquals(List.of(), check.check(spec("[guest natural] r", "CR0 0x6800 d", "CR3 0x6802 d")));
  }

  @Test
  void repeatAnywhereIsReportedNamingTheFirst() {
    // the repeat is in another group: still one encoding for two fields (SDM Vol. 3C 25.11.2)
    assertEquals(List.of("t.spec:4: [VmcsDuplicateEncoding] field OTHER: encoding 0x6800 is already field CR0"
            + " (t.spec:2); each VMCS component has one encoding (SDM Vol. 3C 25.11.2)"),
        rendered(check.check(spec("[guest natural] r", "CR0 0x6800 d", "[host natural] r", "OTHER 0x6800 d"))));
  }
}
