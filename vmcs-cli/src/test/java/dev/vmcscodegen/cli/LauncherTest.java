package dev.vmcscodegen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs the shaded jar and the {@code ./vmcs} launcher as separate processes. Tagged {@code launcher}:
 * the pom runs it after {@code package} (phase integration-test), when the jar exists.
 */
@Tag("launcher")
class LauncherTest {

  private static final Path JAR = Path.of("target", "vmcs-cli.jar");
  private static final Path SCRIPT = Path.of("..", "vmcs");

  private record Result(int exitCode, String out, String err) {}

  private static Result run(Path directory, List<String> command) throws IOException, InterruptedException {
    Path out = Files.createTempFile("vmcs-out", ".txt");
    Path err = Files.createTempFile("vmcs-err", ".txt");
    try {
      Process process = new ProcessBuilder(command).directory(directory.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the process did not end");
      return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  @Test
  void shadedJarRunsWithItsDependencies() throws IOException, InterruptedException {
    assertTrue(Files.isRegularFile(JAR), JAR + " is built by the package phase");
    Result result = run(Path.of("."), List.of(java(), "-jar", JAR.toString(), "decode", "exit-reason",
        "0x80000021", "--json"));
    assertEquals(0, result.exitCode(), result.err());
    JsonObject report = JsonParser.parseString(result.out()).getAsJsonObject();
    // SDM Vol. 3D Table C-1: 33 = VM-entry failure due to invalid guest state; bit 31 entry failure.
    assertEquals(33, report.get("basic_reason").getAsInt());
    assertTrue(report.get("entry_failure").getAsBoolean());
  }

  @Test
  void aFullStandardOutputExits1WithOneLineOnStderr() throws IOException, InterruptedException {
    // Linux null(4): every write to /dev/full fails with ENOSPC, as on a full disk.
    File full = new File("/dev/full");
    Assumptions.assumeTrue(full.exists() && full.canWrite(), "no writable /dev/full on this system");
    Path err = Files.createTempFile("vmcs-err", ".txt");
    try {
      Process process = new ProcessBuilder(java(), "-jar", JAR.toString(), "fields")
          .redirectOutput(full).redirectError(err.toFile()).start();
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the process did not end");
      assertEquals(1, process.exitValue());
      assertEquals(List.of("vmcs: cannot write the output (standard output is full or closed)"),
          Files.readAllLines(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(err);
    }
  }

  @Test
  void aClosedStandardOutputExits1WithOneLineOnStderr() throws IOException, InterruptedException {
    // sh's ">&-" closes descriptor 1 before java starts (POSIX, Shell Command Language 2.7.6); no perf data
    // file, which the JVM would otherwise open early, perhaps as descriptor 1.
    Path sh = Path.of("/bin/sh");
    Assumptions.assumeTrue(Files.isExecutable(sh), "no /bin/sh on this system");
    Result result = run(Path.of("."), List.of(sh.toString(), "-c", "exec \"$0\" -XX:-UsePerfData -jar \"$1\" fields >&-", java(),
        JAR.toString()));
    assertEquals(1, result.exitCode(), result.err());
    assertEquals("vmcs: cannot write the output (standard output is full or closed)", result.err().strip());
  }

  @Test
  void launcherScriptRunsTheJarAndPassesTheExitCode() throws IOException, InterruptedException {
    if (!Files.isExecutable(SCRIPT) || System.getProperty("os.name").startsWith("Windows")) {
      return; // the bash launcher is for POSIX systems; the jar test above covers the rest
    }
    Result usage = run(Path.of("."), List.of("env", "JAVA_HOME=" + System.getProperty("java.home"), "bash",
        SCRIPT.toString(), "decode", "field"));
    assertEquals(2, usage.exitCode());
    assertEquals("", usage.out());
    assertEquals(1, usage.err().lines().count(), usage.err());
    assertTrue(usage.err().startsWith("vmcs decode field: Missing required parameter"), usage.err());
  }
}
