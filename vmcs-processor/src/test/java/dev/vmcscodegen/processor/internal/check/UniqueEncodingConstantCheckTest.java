package dev.vmcscodegen.processor.internal.check;

import static dev.vmcscodegen.processor.internal.check.TestSpecs.rendered;
import static dev.vmcscodegen.processor.internal.check.TestSpecs.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class UniqueEncodingConstantCheckTest {

  private final UniqueEncodingConstantCheck check = new UniqueEncodingConstantCheck();

  @Test
  void guestAndHostNamesGetTheirOwnConstants() {
    // SDM Vol. 3D B.4.3 / B.4.4: guest CR0 (0x6800) and host CR0 (0x6C00) become GUEST_CR0 and HOST_CR0
    assertEquals(List.of(), check.check(spec("[guest natural] r", "CR0 0x6800 d", "[host natural] r",
        "CR0 0x6C00 d")));
  }

  @Test
  void aControlNamedLikeAGuestConstantIsReported() {
    assertEquals(List.of("t.spec:4: [VmcsDuplicateEncodingConstant] field GUEST_CR0: its encoding constant"
            + " GUEST_CR0 is already that of field CR0 in group [guest natural] (t.spec:2); rename one of them"),
        rendered(check.check(spec("[guest natural] r", "CR0 0x6800 d", "[control 32] r", "GUEST_CR0 0x4020 d"))));
  }

  @Test
  void oneNameInTwoWidthsOfACategoryIsReported() {
    // guest 16 and guest 32 fields named alike would both be GUEST_X
    assertEquals(List.of("t.spec:4: [VmcsDuplicateEncodingConstant] field X: its encoding constant GUEST_X is"
            + " already that of field X in group [guest 16] (t.spec:2); rename one of them"),
        rendered(check.check(spec("[guest 16] r", "X 0x0800 d", "[guest 32] r", "X 0x4800 d"))));
  }

  @Test
  void aRepeatWithinOneGroupIsLeftToTheNameCheck() {
    assertEquals(List.of(), check.check(spec("[guest natural] r", "CR0 0x6800 d", "[guest natural] r",
        "CR0 0x6802 d")));
  }
}
