package dev.vmcscodegen.processor.internal.check;

import static dev.vmcscodegen.processor.internal.check.TestSpecs.rendered;
import static dev.vmcscodegen.processor.internal.check.TestSpecs.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class UniqueNameCheckTest {

  private final UniqueNameCheck check = new UniqueNameCheck();

  @Test
  void sameNameInOtherGroupsPasses() {
    // SDM Vol. 3D B.4.3 / B.4.4: the guest's CR0 (0x6800) and the host's CR0 (0x6C00) share the name
    assertEquals(List.of(), check.check(spec("[guest natural] r", "CR0 0x6800 d", "[host natural] r",
        "CR0 0x6C00 d")));
  }

  @Test
  void repeatInAGroupIsReportedWithTheFirstLine() {
    assertEquals(List.of("t.spec:4: [VmcsDuplicateName] field CR0: the name is used twice in group"
            + " [guest natural] (first at t.spec:2)"),
        rendered(check.check(spec("[guest natural] r", "CR0 0x6800 d", "[guest natural] r", "CR0 0x6802 d"))));
  }
}
