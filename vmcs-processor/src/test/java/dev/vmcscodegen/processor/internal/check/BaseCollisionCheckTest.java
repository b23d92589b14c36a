package dev.vmcscodegen.processor.internal.check;

import static dev.vmcscodegen.processor.internal.check.TestSpecs.rendered;
import static dev.vmcscodegen.processor.internal.check.TestSpecs.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BaseCollisionCheckTest {

  private final BaseCollisionCheck check = new BaseCollisionCheck(
      spec("[guest natural] SDM Vol. 3D, B.4.3", "RSP 0x681C Guest RSP", "RIP 0x681E Guest RIP"));

  @Test
  void newEncodingsAndNamesPass() {
    // 0x68FE: guest natural-width, index 127, not an SDM Vol. 3D B.4.3 field
    assertEquals(List.of(), check.check(spec("[guest natural] r", "VENDOR 0x68FE d")));
  }

  @Test
  void sameNameInAnotherGroupPasses() {
    assertEquals(List.of(), check.check(spec("[host natural] r", "RIP 0x6CFE d")));
  }

  @Test
  void collisionsNameBothLines() {
    assertEquals(List.of(
        "t.spec:2: [VmcsBaseEncodingCollision] field MY_RIP: encoding 0x681E is already base field"
            + " VmcsGuestNW.RIP (t.spec:3) (SDM Vol. 3C 25.11.2)",
        "t.spec:3: [VmcsBaseNameCollision] field RSP: the base spec already has RSP in group [guest natural]"
            + " (t.spec:2)"),
        rendered(check.check(spec("[guest natural] r", "MY_RIP 0x681E d", "RSP 0x68FC d"))));
  }
}
