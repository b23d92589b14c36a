package dev.vmcscodegen.runtime.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vmcscodegen.problem.Problem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A dump in a log that holds bytes that are not UTF-8: never refused; read as U+FFFD, and a warning
 * ({@code InputNotUtf8Replaced}) only on a line of the dump read. The dump is the fixture
 * {@code kvm-5.19-tertiary.txt}; the bad byte is 0xFF throughout, which never occurs in UTF-8 (RFC 3629,
 * section 1).
 */
class DumpNotUtf8Test {

  private static final String DUMP = KvmDumpLayoutTest.fixture("kvm-5.19-tertiary.txt");
  private static final byte BAD = (byte) 0xFF;

  /** A log's bytes: each string as UTF-8, each {@code Byte} as it is. */
  private static byte[] log(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object part : parts) {
      if (part instanceof Byte b) {
        out.write(b);
      } else {
        out.writeBytes(((String) part).getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
  }

  private static DumpReading read(byte[] bytes) {
    return KvmDumpParser.read(new ByteArrayInputStream(bytes), "kern.log");
  }

  private static List<Problem> problems(DumpReading reading) {
    return reading.parsed().problems();
  }

  @Test
  void badBytesBeforeAndAfterTheDumpAreNotReported() {
    DumpReading clean = read(log(DUMP));
    DumpReading noisy = read(log("[    1.000000] usb 1-1: ", BAD, BAD, "\n", DUMP, "[ 2400.000000] tty: ", BAD,
        "\n"));
    assertEquals(clean.image(), noisy.image());
    List<Problem> oneLineDown = new ArrayList<>();
    for (Problem problem : problems(clean)) {
      oneLineDown.add(new Problem(problem.kind(), problem.file(), problem.line() == 0 ? 0 : problem.line() + 1,
          problem.subject(), problem.text()));
    }
    assertEquals(oneLineDown, problems(noisy));
  }

  @Test
  void aBadByteOnALineOfTheDumpIsAWarningAndTheLineIsStillRead() {
    // Noise in the dmesg time stamp of "PAT = 0x0407050600070106": the stamp is still a bracketed head
    // (LogLine), so the field is read; the 10th byte of the line is the one replaced.
    List<String> lines = DUMP.lines().toList();
    int index = 0;
    while (!lines.get(index).contains("kvm_intel: PAT = ")) {
      index++;
    }
    String line = lines.get(index);
    int lineStart = 0;
    for (String before : lines.subList(0, index)) {
      lineStart += before.length() + 1;
    }
    String rest = DUMP.substring(lineStart + line.length());
    DumpReading noisy = read(log(DUMP.substring(0, lineStart), line.substring(0, 9), BAD, line.substring(10), rest));
    DumpReading clean = read(log(DUMP));
    assertEquals(clean.image(), noisy.image(), "every field read, PAT too");
    List<String> added = new ArrayList<>(problems(noisy).stream().map(Problem::render).toList());
    added.removeAll(problems(clean).stream().map(Problem::render).toList());
    assertEquals(List.of("kern.log:" + (index + 1) + ": warning: [InputNotUtf8Replaced] byte 10 of the line (byte "
        + (lineStart + 10) + " of the file) is not UTF-8: 0xFF; read as U+FFFD"), added);
  }

  @Test
  void theFormatIsToldThroughTheNoise() {
    assertEquals(DumpFormat.KVM, DumpFormat.detect(new ByteArrayInputStream(log(BAD, "\n", DUMP))));
  }
}
