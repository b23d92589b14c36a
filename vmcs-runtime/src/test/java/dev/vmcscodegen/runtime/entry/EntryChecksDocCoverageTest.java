package dev.vmcscodegen.runtime.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The "checker rows" column of the coverage table in docs/ENTRY-CHECKS.md is the standard checker's
 * count of checks per SDM section, so the table cannot drift from the rows. The test runs in the module
 * directory; the doc is under the repository root, its parent.
 */
class EntryChecksDocCoverageTest {

  private static final Path DOC = Path.of("..", "docs", "ENTRY-CHECKS.md");

  @Test
  void theCoverageTableCountsTheCheckerRowsOfEachSection() throws IOException {
    List<String> lines = Files.readAllLines(DOC);
    int start = lines.indexOf("## Coverage per SDM section");
    Map<String, Long> shown = new LinkedHashMap<>();
    long shownTotal = -1;
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.startsWith("## ")) {
        break;
      }
      if (!line.startsWith("| ")) {
        continue;
      }
      String[] cells = line.split("\\|");
      String section = cells[1].strip().split(" ")[0];
      String rows = cells[cells.length - 1].strip().replace("*", "");
      if (section.equals("**total**")) {
        shownTotal = Long.parseLong(rows);
      } else if (section.matches("27(\\.\\d+)+") && !rows.equals("-")) {
        shown.put(section, Long.parseLong(rows));
      }
    }
    EntryChecker checker = EntryChecker.standard();
    assertEquals(checker.countBySection(), shown, DOC + ", coverage table, column 'checker rows' (expected = the checker)");
    assertEquals(checker.checks().size(), shownTotal, DOC + ", coverage table, total of 'checker rows'");
  }
}
