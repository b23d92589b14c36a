package dev.vmcscodegen.processor.internal.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vmcscodegen.problem.Problem;
import dev.vmcscodegen.processor.internal.model.SpecFile;
import dev.vmcscodegen.processor.internal.spec.ReadResult;
import dev.vmcscodegen.processor.internal.spec.SpecReader;
import java.util.List;

/** Specs for check tests, written as lines; the reader must accept them. */
final class TestSpecs {

  private TestSpecs() {}

  static SpecFile spec(String... lines) {
    ReadResult result = SpecReader.read("t.spec", String.join("\n", lines));
    assertEquals(List.of(), result.problems(), "the test spec itself must read cleanly");
    return result.spec();
  }

  static List<String> rendered(List<Problem> problems) {
    return problems.stream().map(Problem::render).toList();
  }
}
