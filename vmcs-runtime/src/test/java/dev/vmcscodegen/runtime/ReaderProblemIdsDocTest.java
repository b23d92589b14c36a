package dev.vmcscodegen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vmcscodegen.problem.InputProblem;
import dev.vmcscodegen.problem.ProblemKind;
import dev.vmcscodegen.runtime.capability.CapabilityProblem;
import dev.vmcscodegen.runtime.image.DumpProblem;
import dev.vmcscodegen.runtime.image.ImageProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/DESIGN.md, "Problems of the runtime's input readers", lists every id of the readers' catalogues
 * ({@link CapabilityProblem}, {@link ImageProblem}, {@link DumpProblem}, and {@link InputProblem} of
 * the text every reader reads) once, in catalogue order, with
 * its severity: the table cannot drift from the code.
 */
class ReaderProblemIdsDocTest {

  private static final Pattern ROW = Pattern.compile("^\\|[^|]*\\|[^|]*\\| `(\\w+)` \\| (error|warning) \\|");

  @Test
  void everyIdHasOneRowInCatalogueOrderWithItsSeverity() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("..", "docs", "DESIGN.md"), StandardCharsets.UTF_8);
    int start = lines.indexOf("## Problems of the runtime's input readers");
    List<String> documented = new ArrayList<>();
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.startsWith("## ")) {
        break;
      }
      Matcher row = ROW.matcher(line);
      if (row.find()) {
        documented.add(row.group(1) + " " + row.group(2));
      }
    }
    List<String> catalogued = Stream.of(CapabilityProblem.values(), ImageProblem.values(), DumpProblem.values(),
        InputProblem.values())
        .flatMap(Stream::of).map(ReaderProblemIdsDocTest::row).toList();
    assertEquals(catalogued, documented);
  }

  private static String row(ProblemKind kind) {
    return kind.id() + " " + kind.severity().name().toLowerCase(java.util.Locale.ROOT);
  }
}
