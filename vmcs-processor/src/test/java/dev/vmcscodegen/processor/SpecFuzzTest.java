package dev.vmcscodegen.processor;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.vmcscodegen.processor.internal.check.BaseCollisionCheck;
import dev.vmcscodegen.processor.internal.check.Check;
import dev.vmcscodegen.processor.internal.check.Checks;
import dev.vmcscodegen.problem.Problem;
import dev.vmcscodegen.processor.internal.model.SpecFile;
import dev.vmcscodegen.processor.internal.spec.ReadResult;
import dev.vmcscodegen.processor.internal.spec.SpecReader;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random mutations of the real spec: the reader and checks never throw (a spec is clean and
 * generates, or has diagnostics), and javac with the processor never crashes nor fails on generated
 * code (it succeeds, or every error is one of ours).
 */
class SpecFuzzTest {

  /** Text that has broken spec readers and code generators before: comment, column, escape starts. */
  private static final String[] NASTY = {
    "#", " #", "|", "[", "]", "*/", "/*", "\\u000A", "\\u002A/", "\\", "\"", "@", "{@code x}", "}", "$", "$L",
    "<b>", "&", "\t", "é", "\u2028", "\u0001", "0x", "0x1FFFF", "class", " ", "  ", "_", "[guest 64]",
    "RIP 0x681E d", "[read-only natural]", "%s", "%n", "'", "\r",
  };

  /**
   * For the reader and checks: also code points javac ignores in identifiers (JLS 3.8: R\u200BIP and RIP
   * would be one constant) and text longer than a class-file constant holds (JVMS 4.4.7: 65535 bytes).
   * The javac fuzz keeps {@link #NASTY}; DiagnosticsTest compiles one case of each through javac.
   */
  private static final String[] READER_NASTY = java.util.stream.Stream.concat(java.util.Arrays.stream(NASTY),
      java.util.stream.Stream.of("\u200B", "\u00AD", "\uFEFF", "d".repeat(66_000))).toArray(String[]::new);

  /** Every problem of a spec reads FILE:LINE: [RuleId] message, the line 1 or more. */
  private static final java.util.regex.Pattern FILE_LINE_ID =
      java.util.regex.Pattern.compile("m\\.spec:[1-9][0-9]*: \\[Vmcs[A-Za-z]+\\] .*", java.util.regex.Pattern.DOTALL);

  @TempDir
  Path specRoot;

  @Test
  void thousandsOfMutationsThroughReaderAndChecksNeverThrow() throws IOException {
    List<String> original = RootSpecTest.rootSpec().lines().toList();
    SpecFile base = SpecReader.read("base.spec", String.join("\n", original)).spec();
    List<Check> withBase = new ArrayList<>(Checks.standard());
    withBase.add(new BaseCollisionCheck(base));
    long seed = Long.getLong("vmcs.fuzz.seed", 0x5EC_F1E1DL);
    int runs = Integer.getInteger("vmcs.fuzz.runs", 3000);
    Random random = new Random(seed);
    int clean = 0;
    for (int run = 0; run < runs; run++) {
      String mutated = mutate(original, random, READER_NASTY);
      List<Problem> problems = new ArrayList<>();
      try {
        ReadResult read = SpecReader.read("m.spec", mutated);
        problems.addAll(read.problems());
        problems.addAll(Checks.run(read.spec(), random.nextInt(4) == 0 ? withBase : Checks.standard()));
      } catch (RuntimeException e) {
        throw new AssertionError("seed " + seed + " run " + run + " threw on:\n" + mutated, e);
      }
      clean += problems.isEmpty() ? 1 : 0;
      for (Problem problem : problems) {
        String text = problem.render();
        assertTrue(FILE_LINE_ID.matcher(text).matches(), () -> "not FILE:LINE: [RuleId] message: "
            + dev.vmcscodegen.problem.Problem.excerpt(text));
      }
    }
    assertTrue(clean > runs / 30 && clean < runs - runs / 30, "the mutations give both clean and broken specs: " + clean);
    System.out.printf("reader and checks fuzz: " + runs + " specs, %d clean, %d ms CPU%n", clean, cpuMillis());
  }

  @Test
  void hundredsOfMutationsThroughJavacNeverCrashOrMiscompile() throws IOException {
    List<String> original = RootSpecTest.rootSpec().lines().toList();
    // -Dvmcs.fuzz.seed=N -Dvmcs.fuzz.runs=M explore further; the build runs the fixed seed
    long seed = Long.getLong("vmcs.fuzz.seed", 0xC0FFEEL);
    int runs = Integer.getInteger("vmcs.fuzz.runs", 200);
    Random random = new Random(seed);
    List<File> classPath = RuntimeSources.compiledClassPath();
    int succeeded = 0;
    for (int run = 0; run < runs; run++) {
      String mutated = mutate(slice(original, random), random, NASTY);
      Files.writeString(specRoot.resolve("m.spec"), mutated, StandardCharsets.UTF_8);
      JavaFileObject anchor = JavaFileObjects.forSourceLines("fuzz.Anchor", "package fuzz;",
          "@dev.vmcscodegen.annotations.VmcsSpec(\"m.spec\") final class Anchor {}");
      Compilation compilation = Compiler.javac().withProcessors(new VmcsProcessor()).withClasspath(classPath)
          .withOptions("-Avmcs.specRoot=" + specRoot).compile(anchor);
      if (compilation.status() == Compilation.Status.SUCCESS) {
        succeeded++;
        continue;
      }
      for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
        String message = error.getMessage(null);
        if (!message.contains("[Vmcs") || message.contains("[VmcsInternalError]")) {
          fail("seed " + seed + " run " + run + ": " + message + "\nspec:\n" + mutated);
        }
      }
    }
    assertTrue(succeeded > runs / 10 && succeeded < runs - runs / 10,
        "both generating and failing specs were compiled: " + succeeded);
    System.out.printf("javac fuzz: " + runs + " compilations, %d succeeded, %d ms CPU%n", succeeded, cpuMillis());
  }

  private static long cpuMillis() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
  }

  /** A few whole groups of the spec (header, fields, comments between), so each javac run stays short. */
  private static List<String> slice(List<String> lines, Random random) {
    List<Integer> headers = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("[")) {
        headers.add(i);
      }
    }
    int first = random.nextInt(headers.size());
    int last = Math.min(headers.size(), first + 1 + random.nextInt(2));
    int end = last < headers.size() ? headers.get(last) : lines.size();
    return lines.subList(headers.get(first), end);
  }

  private static String mutate(List<String> original, Random random, String[] nasty) {
    List<String> lines = new ArrayList<>(original);
    int mutations = 1 + random.nextInt(3);
    for (int m = 0; m < mutations && !lines.isEmpty(); m++) {
      int at = random.nextInt(lines.size());
      String line = lines.get(at);
      switch (random.nextInt(7)) {
        case 0 -> lines.set(at, flipEncodingBit(line, random));
        case 1 -> lines.set(at, insert(line, nasty[random.nextInt(nasty.length)], random));
        case 2 -> lines.set(at, line.isEmpty() ? line : deleteChar(line, random));
        case 3 -> lines.remove(at);
        case 4 -> lines.add(random.nextInt(lines.size() + 1), line);
        case 5 -> {
          int other = random.nextInt(lines.size());
          lines.set(at, lines.get(other));
          lines.set(other, line);
        }
        default -> lines.set(at, insert(line, nasty[random.nextInt(nasty.length)], random)
            .replace("0x", random.nextBoolean() ? "0x" : "0X"));
      }
    }
    return String.join("\n", lines);
  }

  private static String flipEncodingBit(String line, Random random) {
    int hex = line.indexOf(" 0x");
    if (hex < 0) {
      return line;
    }
    int end = line.indexOf(' ', hex + 1);
    end = end < 0 ? line.length() : end;
    try {
      int encoding = Integer.parseUnsignedInt(line.substring(hex + 3, end), 16);
      int flipped = encoding ^ (1 << random.nextInt(random.nextBoolean() ? 16 : 32));
      return line.substring(0, hex + 1) + String.format("0x%04X", flipped) + line.substring(end);
    } catch (NumberFormatException e) {
      return line;
    }
  }

  private static String insert(String line, String text, Random random) {
    int at = random.nextInt(line.length() + 1);
    return line.substring(0, at) + text + line.substring(at);
  }

  private static String deleteChar(String line, Random random) {
    int at = random.nextInt(line.length());
    return line.substring(0, at) + line.substring(at + 1);
  }
}
