package dev.vmcscodegen.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.processor.internal.model.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/DIAGNOSTICS.md lists every id of {@link Message}, once, in the catalogue's order, each with a
 * cause, an example and a fix: a new message does not pass without its row, a removed one without its
 * row going.
 */
class DiagnosticsDocTest {

  private static List<List<String>> rows() throws IOException {
    return Files.readAllLines(RuntimeSources.REPOSITORY.resolve("docs/DIAGNOSTICS.md"), StandardCharsets.UTF_8)
        .stream()
        .filter(line -> line.startsWith("| `["))
        .map(line -> Arrays.stream(line.substring(1, line.length() - 1).split("(?<!\\\\)\\|"))
            .map(String::strip).toList())
        .toList();
  }

  @Test
  void everyMessageHasOneRowInCatalogueOrder() throws IOException {
    List<String> documented = rows().stream().map(row -> row.get(0)).toList();
    assertEquals(Arrays.stream(Message.values()).map(message -> "`[" + message.id() + "]`").toList(), documented);
  }

  @Test
  void everyRowHasCauseExampleAndFix() throws IOException {
    for (List<String> row : rows()) {
      assertEquals(4, row.size(), row::toString);
      assertTrue(row.stream().noneMatch(String::isEmpty), row::toString);
    }
  }
}
