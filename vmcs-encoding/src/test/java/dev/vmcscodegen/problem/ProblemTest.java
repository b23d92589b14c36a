package dev.vmcscodegen.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The shared problem model: how a problem renders, how a reader collects them, what an unusable input throws. */
class ProblemTest {

  /** A small catalogue, as a reader would declare one. */
  enum Sample implements ProblemKind {
    RESERVED("SampleReserved", "encoding %s sets reserved bits", "SDM Vol. 3C 25.11.2, Table 25-21", Severity.ERROR),
    SKIPPED("SampleSkipped", "line %d skipped", "", Severity.WARNING);

    private final ProblemDefinition definition;

    Sample(String id, String template, String citation, Severity severity) {
      this.definition = new ProblemDefinition(id, template, citation, severity);
    }

    @Override
    public ProblemDefinition definition() {
      return definition;
    }
  }

  @Nested
  class Rendering {

    @Test
    void errorWithFileLineSubjectAndCitation() {
      Problem problem = Sample.RESERVED.at("t.spec", 3, "field RIP", "0x781E");
      assertEquals("t.spec:3: [SampleReserved] field RIP: encoding 0x781E sets reserved bits"
          + " (SDM Vol. 3C 25.11.2, Table 25-21)", problem.render());
      assertEquals(problem.render(), problem.toString());
      assertEquals("SampleReserved", problem.id());
      assertSame(Severity.ERROR, problem.severity());
      assertTrue(problem.isError());
      assertEquals("encoding 0x781E sets reserved bits", problem.text());
    }

    @Test
    void warningSaysSoAndLeavesOutWhatDoesNotApply() {
      assertEquals("d.txt:7: warning: [SampleSkipped] line 7 skipped", Sample.SKIPPED.at("d.txt", 7, "", 7).render());
      assertEquals("d.txt: warning: [SampleSkipped] line 0 skipped", Sample.SKIPPED.at("d.txt", 0, "", 0).render());
      assertEquals("warning: [SampleSkipped] line 1 skipped", Sample.SKIPPED.at("", 1, "", 1).render());
      assertFalse(Sample.SKIPPED.at("", 0, "", 1).isError());
    }

    @Test
    void kindFormatsItsIdTextAndCitation() {
      assertEquals("[SampleReserved] encoding 0x1 sets reserved bits (SDM Vol. 3C 25.11.2, Table 25-21)",
          Sample.RESERVED.format("0x1"));
      assertEquals("[SampleSkipped] line 2 skipped", Sample.SKIPPED.format(2));
    }

    @Test
    void negativeLinesAreRefused() {
      assertThrows(IllegalArgumentException.class, () -> new Problem(Sample.SKIPPED, "f", -1, "", "t"));
      assertEquals(0, new Problem(Sample.SKIPPED, "f", 0, "", "t").line());
    }
  }

  @Nested
  class Excerpts {

    @Test
    void shortLinesStayWhole() {
      String eighty = "x".repeat(Problem.EXCERPT_LENGTH);
      assertEquals(eighty, Problem.excerpt(eighty));
      assertEquals("", Problem.excerpt(""));
    }

    @Test
    void longLinesAreCut() {
      String line = "y".repeat(Problem.EXCERPT_LENGTH + 1);
      assertEquals("y".repeat(Problem.EXCERPT_LENGTH) + "...", Problem.excerpt(line));
      assertEquals(Problem.EXCERPT_LENGTH + 3, Problem.excerpt("z".repeat(10_000_000)).length());
    }

    @Test
    void controlCharactersAreShownAsEscapes() {
      assertEquals("a\\u0000b\\u001Bc", Problem.excerpt("a\u0000b\u001Bc"));
      assertEquals("é ü", Problem.excerpt("é ü"));
    }
  }

  @Nested
  class Collecting {

    @Test
    void everyProblemAtOnceSortedByLine() {
      Problem late = Sample.RESERVED.at("f", 9, "", "0x1");
      Problem early = Sample.SKIPPED.at("f", 2, "", 2);
      Problem sameLine = Sample.SKIPPED.at("f", 9, "", 9);
      Problems problems = new Problems().add(late).addAll(List.of(early, sameLine));
      assertEquals(List.of(early, late, sameLine), problems.list());
      assertTrue(problems.hasErrors());
      assertFalse(problems.isEmpty());
      assertEquals(early.render() + System.lineSeparator() + late.render() + System.lineSeparator()
          + sameLine.render(), Problems.render(problems.list()));
    }

    @Test
    void warningsAloneAreNoErrors() {
      Problems problems = new Problems();
      assertTrue(problems.isEmpty());
      assertFalse(problems.hasErrors());
      problems.add(Sample.SKIPPED.at("f", 1, "", 1));
      assertFalse(problems.hasErrors());
      problems.throwIfErrors(); // nothing thrown
      assertEquals("", Problems.render(List.of()));
    }

    @Test
    void errorsThrowEveryProblem() {
      Problem warning = Sample.SKIPPED.at("f", 1, "", 1);
      Problem error = Sample.RESERVED.at("f", 4, "", "0x1");
      Problems problems = new Problems().add(error).add(warning);
      ProblemException thrown = assertThrows(ProblemException.class, problems::throwIfErrors);
      assertEquals(List.of(warning, error), thrown.problems());
      assertEquals(warning.render() + System.lineSeparator() + error.render(), thrown.getMessage());
      assertThrows(IllegalArgumentException.class, () -> new ProblemException(List.of()));
    }

    @Test
    void aParsedValueCarriesOnlyWarnings() {
      Problem warning = Sample.SKIPPED.at("f", 5, "", 5);
      Problem earlier = Sample.SKIPPED.at("f", 1, "", 1);
      Parsed<String> parsed = new Parsed<>("value", List.of(warning, earlier));
      assertEquals("value", parsed.value());
      assertEquals(List.of(earlier, warning), parsed.problems());
      assertThrows(IllegalArgumentException.class,
          () -> new Parsed<>("value", List.of(Sample.RESERVED.at("f", 1, "", "0x1"))));
      assertThrows(NullPointerException.class, () -> new Parsed<>(null, List.of()));
    }
  }
}
