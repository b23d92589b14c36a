package dev.vmcscodegen.processor.internal.check;

import static dev.vmcscodegen.processor.internal.check.TestSpecs.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vmcscodegen.processor.internal.model.Message;
import dev.vmcscodegen.problem.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChecksTest {

  @Test
  void reportsEveryProblemOfEveryRuleInLineOrder() {
    List<Problem> problems = Checks.run(spec(
        "[guest natural]",
        "class 0x681F",        // invalid name, high access, no doc, no reference
        "RIP 0x681E d | r",
        "RIP 0x481E d | r"),   // duplicate name, width mismatch
        Checks.standard());
    assertEquals(List.of(Message.HIGH_ACCESS_ENCODING, Message.INVALID_NAME, Message.MISSING_DOC,
        Message.MISSING_SDM_REFERENCE, Message.WIDTH_MISMATCH, Message.DUPLICATE_NAME),
        problems.stream().map(Problem::kind).toList());
    assertEquals(List.of(2, 2, 2, 2, 4, 4), problems.stream().map(Problem::line).toList());
  }

  @Test
  void cleanSpecHasNoProblems() {
    assertEquals(List.of(), Checks.run(spec("[guest natural] SDM Vol. 3D, B.4.3", "RIP 0x681E Guest RIP"),
        Checks.standard()));
  }
}
