package dev.vmcscodegen.processor.internal.check;

import static dev.vmcscodegen.processor.internal.check.TestSpecs.rendered;
import static dev.vmcscodegen.processor.internal.check.TestSpecs.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link DocPresentCheck} and {@link SdmReferenceCheck}. */
class PresenceChecksTest {

  @Test
  void missingDocIsReported() {
    assertEquals(List.of("t.spec:2: [VmcsMissingDoc] field RIP: no doc text: write a one-line description"
            + " after the encoding"),
        rendered(new DocPresentCheck().check(spec("[guest natural] r", "RIP 0x681E", "RSP 0x681C Guest RSP"))));
    assertEquals(1, new DocPresentCheck().check(spec("[guest natural] r", "RIP 0x681E | SDM ref")).size());
  }

  @Test
  void referenceFromLineOrGroupIsEnough() {
    SdmReferenceCheck check = new SdmReferenceCheck();
    assertEquals(List.of(), check.check(spec("[guest natural] SDM Vol. 3D, B.4.3", "RIP 0x681E d")));
    assertEquals(List.of(), check.check(spec("[guest natural]", "RIP 0x681E d | SDM Vol. 3C 25.4.1")));
  }

  @Test
  void noReferenceAnywhereIsReported() {
    assertEquals(List.of("t.spec:2: [VmcsMissingSdmReference] field RIP: no SDM reference: add '| SDM ...' to"
            + " the line or a reference after the group header [guest natural] (SDM Vol. 3D Appendix B)"),
        rendered(new SdmReferenceCheck().check(spec("[guest natural]", "RIP 0x681E d", "RSP 0x681C d | ref"))));
  }
}
