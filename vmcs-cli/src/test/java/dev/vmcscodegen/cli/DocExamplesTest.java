package dev.vmcscodegen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every example of README.md and docs/*.md, so the docs cannot drift from the code. The conventions
 * are those of docs/DESIGN.md, "Docs that cannot drift": a {@code console} block is run command by
 * command through {@link VmcsCli#run} and its output compared line by line ({@code ...} stands for any
 * number of lines); a block after a {@code <!-- doc-snippet: FILE#NAME -->} line must equal the lines
 * between {@code doc-snippet: NAME} and {@code end doc-snippet} in FILE; every {@code java} block must be
 * such a snippet. The tests run in the module directory; the repository root is its parent.
 */
class DocExamplesTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  /** The one command a console block may show besides {@code ./vmcs}: run by the exit-loop module's test. */
  static final String EXIT_LOOP_COMMAND = "java -jar examples/exit-loop/target/exit-loop.jar";
  private static final Pattern SNIPPET_MARKER = Pattern.compile("^<!-- doc-snippet: (\\S+?)(?:#(\\S+))? -->$");
  private static final String ELISION = "...";

  /** A fenced block: the document, the line of its opening fence (1-based), its language and lines. */
  record Block(String doc, int line, String language, List<String> lines, String marker) {
    String where() {
      return doc + ", ```" + language + " block at line " + line;
    }
  }

  private static List<Path> docs() {
    try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
      List<Path> docs = new ArrayList<>();
      docs.add(ROOT.resolve("README.md"));
      files.filter(file -> file.toString().endsWith(".md")).sorted().forEach(docs::add);
      return docs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String name(Path doc) {
    return ROOT.relativize(doc).toString();
  }

  private static List<Block> blocks() {
    List<Block> blocks = new ArrayList<>();
    for (Path doc : docs()) {
      List<String> lines = read(doc);
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).startsWith("```")) {
          continue;
        }
        int open = i;
        String language = lines.get(i).substring(3).strip();
        List<String> body = new ArrayList<>();
        for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
          body.add(lines.get(i));
        }
        String marker = open > 0 && lines.get(open - 1).startsWith("<!-- doc-snippet:") ? lines.get(open - 1) : null;
        blocks.add(new Block(name(doc), open + 1, language, body, marker));
      }
    }
    return blocks;
  }

  @Test
  void theDocsHaveRunnableExamplesAndSnippets() {
    List<Block> blocks = blocks();
    // Guards the parser: a change that found no block would let every other test here pass vacuously.
    assertTrue(blocks.stream().filter(block -> block.language().equals("console")).count() >= 10, blocks::toString);
    assertTrue(blocks.stream().filter(block -> block.marker() != null).count() >= 3, blocks::toString);
  }

  @Test
  void everyShellPromptIsInAConsoleBlock() {
    List<String> stray = new ArrayList<>();
    for (Path doc : docs()) {
      List<String> lines = read(doc);
      boolean inConsole = false;
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.startsWith("```")) {
          inConsole = !inConsole && line.equals("```console");
        } else if (!inConsole && line.strip().startsWith("$ ")) {
          stray.add(name(doc) + ":" + (i + 1) + ": " + line.strip());
        }
      }
    }
    assertEquals(List.of(), stray, "commands shown outside a ```console block are not run by this test");
  }

  @Test
  void everyJavaBlockIsASnippetOfCompiledCode() {
    List<String> unmarked = blocks().stream()
        .filter(block -> block.language().equals("java") && block.marker() == null)
        .map(Block::where).toList();
    assertEquals(List.of(), unmarked, "put <!-- doc-snippet: FILE#NAME --> on the line before each java block");
  }

  @TestFactory
  Stream<DynamicTest> snippetsEqualTheirSource() {
    return blocks().stream().filter(block -> block.marker() != null)
        .map(block -> DynamicTest.dynamicTest(block.where(), () -> checkSnippet(block)));
  }

  @TestFactory
  Stream<DynamicTest> consoleExamplesRunAsShown() {
    return blocks().stream().filter(block -> block.language().equals("console"))
        .map(block -> DynamicTest.dynamicTest(block.where(), () -> runConsole(block)));
  }

  private static void checkSnippet(Block block) {
    Matcher marker = SNIPPET_MARKER.matcher(block.marker());
    assertTrue(marker.matches(), () -> block.where() + ": malformed marker " + block.marker());
    Path source = ROOT.resolve(marker.group(1));
    assertTrue(Files.isRegularFile(source), () -> block.where() + ": no file " + marker.group(1));
    List<String> lines = read(source);
    String name = marker.group(2);
    List<String> region = name == null ? lines : region(lines, name, block.where() + ": " + marker.group(1));
    assertEquals(String.join("\n", dedent(region)), String.join("\n", block.lines()),
        () -> block.where() + ": the snippet differs from " + marker.group(1) + (name == null ? "" : "#" + name)
            + " (expected = the source, actual = the doc)");
  }

  private static List<String> region(List<String> lines, String name, String where) {
    Pattern opening = Pattern.compile("(?<!end )doc-snippet: " + Pattern.quote(name) + "(\\s|$)");
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (opening.matcher(line).find()) {
        assertEquals(-1, start, where + ": snippet " + name + " is marked twice");
        start = i + 1;
      } else if (start >= 0 && line.contains("end doc-snippet")) {
        return lines.subList(start, i);
      }
    }
    fail(where + (start < 0 ? ": no line 'doc-snippet: " + name + "'" : ": snippet " + name + " has no 'end doc-snippet'"));
    return List.of();
  }

  private static List<String> dedent(List<String> lines) {
    int indent = lines.stream().filter(line -> !line.isBlank())
        .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
    return lines.stream().map(line -> line.isBlank() ? "" : line.substring(indent)).toList();
  }

  /** One {@code $ command} line of a console block and the lines shown after it. */
  private record Step(int line, String command, List<String> shown) {}

  private static void runConsole(Block block) {
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < block.lines().size(); i++) {
      String line = block.lines().get(i);
      if (line.startsWith("$ ")) {
        steps.add(new Step(block.line() + 1 + i, line.substring(2).strip(), new ArrayList<>()));
      } else if (steps.isEmpty()) {
        fail(block.where() + ": output before the first '$ ' command line");
      } else {
        steps.get(steps.size() - 1).shown().add(line);
      }
    }
    assertTrue(!steps.isEmpty(), () -> block.where() + ": a console block without a '$ ' command");
    if (steps.get(0).command().equals(EXIT_LOOP_COMMAND)) {
      assertEquals(1, steps.size(), () -> block.where() + ": the exit-loop command stands alone in its block");
      return; // run by ExitLoopDocTest in examples/exit-loop, where the example is on the class path
    }
    CliRun last = null;
    String lastWhere = null;
    for (Step step : steps) {
      String where = block.doc() + ":" + step.line() + ": $ " + step.command();
      if (step.command().equals("echo $?")) {
        assertTrue(last != null, () -> where + ": no command before it");
        assertEquals(List.of(String.valueOf(last.exitCode())), step.shown(), where + ": the exit code of the command before");
        last = null;
        continue;
      }
      if (last != null) {
        CliRun previous = last;
        String previousWhere = lastWhere;
        assertEquals(0, previous.exitCode(), () -> previousWhere + ": exit code (show a non-zero one with '$ echo $?');"
            + " stderr: " + previous.err());
      }
      assertTrue(step.command().startsWith("./vmcs ") || step.command().equals("./vmcs"),
          () -> where + ": a runnable example runs ./vmcs (or, alone, " + EXIT_LOOP_COMMAND + ")");
      last = run(step.command().substring("./vmcs".length()), where);
      lastWhere = where;
      assertShown(step.shown(), last.out() + last.err(), where);
    }
    if (last != null) {
      CliRun previous = last;
      String previousWhere = lastWhere;
      assertEquals(0, previous.exitCode(), () -> previousWhere + ": exit code (show a non-zero one with '$ echo $?'); stderr: " + previous.err());
    }
  }

  /** Runs {@code ./vmcs ARGS} in this JVM; a path argument is resolved against the repository root. */
  private static CliRun run(String arguments, String where) {
    Map<String, String> paths = new LinkedHashMap<>();
    List<String> args = new ArrayList<>();
    for (String word : words(arguments, where)) {
      int equals = word.startsWith("--") ? word.indexOf('=') : -1;
      String value = word.substring(equals + 1);
      if (value.contains("/") && !value.startsWith("-") && !Path.of(value).isAbsolute()) {
        String absolute = ROOT.resolve(value).toString();
        paths.put(absolute, value);
        word = word.substring(0, equals + 1) + absolute;
      }
      args.add(word);
    }
    CliRun run = CliRun.of(args.toArray(String[]::new));
    String out = run.out();
    String err = run.err();
    for (Map.Entry<String, String> path : paths.entrySet()) {
      out = out.replace(path.getKey(), path.getValue());
      err = err.replace(path.getKey(), path.getValue());
    }
    return new CliRun(run.exitCode(), out, err);
  }

  /** Splits a command line on blanks; single quotes group; other shell syntax is refused. */
  static List<String> words(String arguments, String where) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean inWord = false;
    for (char c : arguments.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
        inWord = true;
      } else if (!quoted && Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else if (!quoted && "|;&<>$`\"\\*?".indexOf(c) >= 0) {
        fail(where + ": shell syntax '" + c + "' is not supported in a runnable example");
      } else {
        word.append(c);
        inWord = true;
      }
    }
    assertTrue(!quoted, () -> where + ": unbalanced quote");
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /** Compares output with the shown lines, where a line {@code ...} stands for any number of lines. */
  static void assertShown(List<String> shown, String output, String where) {
    List<String> actual = output.lines().toList();
    if (!matches(shown, 0, actual, 0)) {
      fail(where + ": the output differs from the doc\n--- shown in the doc ---\n" + String.join("\n", shown)
          + "\n--- actual output (stdout, then stderr) ---\n" + String.join("\n", actual));
    }
  }

  private static boolean matches(List<String> shown, int s, List<String> actual, int a) {
    if (s == shown.size()) {
      return a == actual.size();
    }
    if (shown.get(s).equals(ELISION)) {
      for (int skip = a; skip <= actual.size(); skip++) {
        if (matches(shown, s + 1, actual, skip)) {
          return true;
        }
      }
      return false;
    }
    return a < actual.size() && shown.get(s).equals(actual.get(a)) && matches(shown, s + 1, actual, a + 1);
  }

  @Test
  void elisionMatchesAnyNumberOfLinesAndNothingElse() {
    assertTrue(matches(List.of("a", ELISION, "d"), 0, List.of("a", "b", "c", "d"), 0));
    assertTrue(matches(List.of("a", ELISION), 0, List.of("a"), 0));
    assertTrue(!matches(List.of("a", ELISION, "d"), 0, List.of("a", "b", "c"), 0));
    assertTrue(!matches(List.of("a", "b"), 0, List.of("a", "b", "c"), 0));
    assertTrue(!matches(List.of("a", "x"), 0, List.of("a", "b"), 0));
  }

  @Test
  void wordsSplitOnBlanksGroupQuotesAndRefuseShellSyntax() {
    assertEquals(List.of("decode", "field", "0x201B"), words(" decode  field 0x201B", "t"));
    assertEquals(List.of("--reason", "a b", ""), words("--reason 'a b' ''", "t"));
    assertThrows(AssertionError.class, () -> words("fields | head -3", "t"));
  }
}
