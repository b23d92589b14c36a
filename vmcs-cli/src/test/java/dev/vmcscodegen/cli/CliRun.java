package dev.vmcscodegen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** One in-process run of the picocli entry point, with its exit code and captured stdout and stderr. */
record CliRun(int exitCode, String out, String err) {

  /** Runs {@code vmcs args...} in this JVM. */
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = VmcsCli.run(args, new PrintWriter(out), new PrintWriter(err));
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Asserts success with nothing on stderr and stdout being exactly one JSON object; returns it. */
  JsonObject json() {
    assertEquals(0, exitCode, () -> "exit code, stderr: " + err);
    assertEquals("", err, "stderr");
    JsonElement element = JsonParser.parseString(out);
    assertTrue(element.isJsonObject(), () -> "stdout is not one JSON object: " + out);
    return element.getAsJsonObject();
  }

  /** Asserts success with nothing on stderr; returns stdout. */
  String text() {
    assertEquals(0, exitCode, () -> "exit code, stderr: " + err);
    assertEquals("", err, "stderr");
    return out;
  }

  /** Asserts the given exit code, nothing on stdout, and exactly one line on stderr without a stack trace. */
  String failure(int expectedCode) {
    assertEquals(expectedCode, exitCode, () -> "exit code, stdout: " + out + " stderr: " + err);
    assertEquals("", out, "stdout of a failed command");
    List<String> lines = err.lines().toList();
    assertEquals(1, lines.size(), () -> "stderr is not one line: " + err);
    assertTrue(!err.contains("\tat ") && !err.contains("Exception in thread"), () -> "stack trace: " + err);
    return lines.get(0);
  }

  /** Asserts that {@code object} has every one of {@code keys} (more are allowed). */
  static void assertHasKeys(JsonObject object, String... keys) {
    Set<String> missing = new TreeSet<>(List.of(keys));
    missing.removeAll(object.keySet());
    assertTrue(missing.isEmpty(), () -> "missing keys " + missing + " in " + object);
  }
}
