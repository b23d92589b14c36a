package dev.vmcscodegen.examples.exitloop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The exit loop's output as the docs show it: every {@code console} block of README.md and docs/*.md
 * that runs {@code java -jar examples/exit-loop/target/exit-loop.jar} shows exactly what {@link
 * ExitLoop#main} prints (the CLI module's {@code DocExamplesTest} runs every other console block;
 * conventions in docs/DESIGN.md, "Docs that cannot drift"). The test runs in the module directory.
 */
class ExitLoopDocTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
  private static final String COMMAND = "$ java -jar examples/exit-loop/target/exit-loop.jar";

  private record Shown(String where, List<String> lines) {}

  private static List<Shown> shownInTheDocs() throws IOException {
    List<Path> docs = new ArrayList<>();
    docs.add(ROOT.resolve("README.md"));
    try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
      files.filter(file -> file.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    List<Shown> shown = new ArrayList<>();
    for (Path doc : docs) {
      List<String> lines = Files.readAllLines(doc);
      for (int i = 0; i + 1 < lines.size(); i++) {
        if (lines.get(i).equals("```console") && lines.get(i + 1).equals(COMMAND)) {
          List<String> output = new ArrayList<>();
          for (int j = i + 2; j < lines.size() && !lines.get(j).startsWith("```"); j++) {
            output.add(lines.get(j));
          }
          shown.add(new Shown(ROOT.relativize(doc) + ", ```console block at line " + (i + 1), output));
        }
      }
    }
    return shown;
  }

  private static List<String> printedByMain() {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      ExitLoop.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void theDocsShowWhatTheExampleDoes() throws IOException {
    List<Shown> shown = shownInTheDocs();
    assertFalse(shown.isEmpty(), "no console block in the docs runs " + COMMAND);
    String printed = String.join("\n", printedByMain());
    for (Shown block : shown) {
      assertEquals(printed, String.join("\n", block.lines()),
          block.where() + ": the output shown differs from the program's (expected = the program, actual = the doc)");
    }
  }
}
