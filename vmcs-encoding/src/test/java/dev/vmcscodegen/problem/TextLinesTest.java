package dev.vmcscodegen.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link TextLines}: lines as {@link TextInput} splits them, streamed, bytes that are not UTF-8 degraded. */
class TextLinesTest {

  private static TextLines lines(byte[] bytes) {
    return new TextLines(new ByteArrayInputStream(bytes), "in.log");
  }

  private static List<String> all(byte[] bytes) {
    TextLines lines = lines(bytes);
    List<String> all = new ArrayList<>();
    for (String line = lines.next(); line != null; line = lines.next()) {
      assertEquals(all.size() + 1, lines.number());
      all.add(line);
    }
    return all;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aLineEndsAtLfCrLfOrCr() {
    assertEquals(List.of("a", "b", "c", "", "d"), all(utf8("a\nb\r\nc\r\r\nd")));
    assertEquals(List.of("", ""), all(utf8("\n\r")));
    assertEquals(List.of(), all(new byte[0]));
  }

  @Test
  void aByteOrderMarkBeforeTheFirstLineOnlyIsDropped() {
    assertEquals(List.of("a", "\uFEFFb"), all(utf8("\uFEFFa\n\uFEFFb")));
    assertEquals(List.of(), all(utf8("\uFEFF")), "a mark alone is no line");
    assertEquals(List.of(""), all(utf8("\uFEFF\n")));
  }

  @Test
  void aLongLineKeepsItsFirstBytesAndTheNextLineFollows() {
    List<String> read = all(utf8("x".repeat(TextLines.MAX_LINE_BYTES + 900) + "\ny\n"));
    assertEquals(List.of("x".repeat(TextLines.MAX_LINE_BYTES), "y"), read);
  }

  @Test
  void aLineCutInsideASequenceIsNotReportedAsNotUtf8() {
    // é is C3 A9 in UTF-8 (RFC 3629, section 3): the cut falls between its two bytes.
    TextLines lines = lines(utf8("x".repeat(TextLines.MAX_LINE_BYTES - 1) + "\u00e9 tail\n"));
    assertEquals("x".repeat(TextLines.MAX_LINE_BYTES - 1), lines.next());
    assertEquals(Optional.empty(), lines.notUtf8());
  }

  @Test
  void bytesThatAreNotUtf8AreReadAsReplacementCharactersAndTheFirstIsNamed() {
    // RFC 3629: 0xC3 starts a two-byte sequence that "(" (0x28) cannot continue; 0xFF never occurs in UTF-8.
    byte[] bytes = {'o', 'k', '\n', 'a', 'b', (byte) 0xC3, '(', (byte) 0xFF, '\n', 'z'};
    TextLines lines = lines(bytes);
    assertEquals("ok", lines.next());
    assertEquals(Optional.empty(), lines.notUtf8());
    assertEquals("ab\uFFFD(\uFFFD", lines.next());
    assertEquals("in.log:2: warning: [InputNotUtf8Replaced] byte 3 of the line (byte 6 of the file) is not UTF-8:"
        + " 0xC3; read as U+FFFD", lines.notUtf8().orElseThrow().render());
    assertEquals("z", lines.next());
    assertEquals(Optional.empty(), lines.notUtf8(), "each line says only its own");
    assertNull(lines.next());
  }

  @Test
  void aLineAfterCrLfCountsItsBytesFromItsOwnStart() {
    byte[] bytes = {'a', '\r', '\n', (byte) 0x80};
    TextLines lines = lines(bytes);
    lines.next();
    assertEquals("\uFFFD", lines.next());
    assertEquals("in.log:2: warning: [InputNotUtf8Replaced] byte 1 of the line (byte 4 of the file) is not UTF-8:"
        + " 0x80; read as U+FFFD", lines.notUtf8().orElseThrow().render());
  }

  @Test
  void linesAndTheFirstBadByteAgreeWithTextInputOnRandomTexts() {
    // Pieces: ASCII, a two-byte é, the three line ends, a lone continuation byte, a lead byte without its
    // continuation, a byte UTF-8 never uses (RFC 3629), and a BOM that only counts at the start.
    byte[][] pieces = {utf8("a"), utf8("\u00e9"), utf8("\n"), utf8("\r"), utf8("\r\n"), {(byte) 0x80},
        {(byte) 0xC3}, {(byte) 0xFF}, utf8("\uFEFF")};
    Random random = new Random(0x7E47L);
    int bad = 0;
    for (int run = 0; run < 5000; run++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int count = random.nextInt(40);
      for (int i = 0; i < count; i++) {
        out.writeBytes(pieces[random.nextInt(random.nextInt(4) == 0 ? pieces.length : 5)]);
      }
      byte[] bytes = out.toByteArray();
      TextLines lines = lines(bytes);
      List<String> read = new ArrayList<>();
      Problem first = null;
      for (String line = lines.next(); line != null; line = lines.next()) {
        read.add(line);
        if (first == null && lines.notUtf8().isPresent()) {
          first = lines.notUtf8().get();
        }
      }
      String context = "run " + run + ": " + java.util.HexFormat.of().formatHex(bytes);
      try {
        String text = TextInput.decode(bytes, "in.log");
        assertNull(first, context);
        List<String> split = new ArrayList<>(List.of(text.split("\r\n|\r|\n", -1)));
        if (split.get(split.size() - 1).isEmpty()) {
          split.remove(split.size() - 1);
        }
        assertEquals(split, read, context);
      } catch (ProblemException e) {
        bad++;
        Problem refused = e.problems().get(0);
        assertTrue(first != null, context);
        assertEquals(refused.line(), first.line(), context);
        assertEquals(refused.text() + "; read as U+FFFD", first.text(), context);
      }
    }
    assertTrue(bad > 500 && bad < 4500, "both kinds of text were tried: " + bad + " bad of 5000");
  }

  /** An endless stream, as /dev/zero (all 0) or /dev/urandom (seeded random bytes) is. */
  private static java.io.InputStream endless(Random random) {
    return new java.io.InputStream() {
      @Override
      public int read() {
        return random == null ? 0 : random.nextInt(256);
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (random == null) {
          java.util.Arrays.fill(b, off, off + len, (byte) 0);
        } else {
          byte[] chunk = new byte[len];
          random.nextBytes(chunk);
          System.arraycopy(chunk, 0, b, off, len);
        }
        return len;
      }
    };
  }

  private static List<Problem> drain(TextLines lines) {
    try {
      while (lines.next() != null) {
        // read on
      }
      return List.of();
    } catch (ProblemException e) {
      return e.problems();
    }
  }

  @Test
  void anEndlessStreamOfZerosIsNoTextNotARunForever() {
    List<Problem> problems = drain(new TextLines(endless(null), "/dev/zero"));
    assertEquals(List.of("/dev/zero:1: [InputNotText] not a text log: line 1 runs past 16777216 bytes without a line"
        + " end; is it the right file?"), problems.stream().map(Problem::render).toList());
  }

  @Test
  void anEndlessStreamOfRandomBytesIsNoTextNotARunForever() {
    List<Problem> problems = drain(new TextLines(endless(new Random(7)), "/dev/urandom"));
    assertEquals(1, problems.size());
    assertEquals(InputProblem.NOT_TEXT, problems.get(0).kind());
    assertTrue(problems.get(0).text().matches("not a text log: 1000 of the first [0-9]+ lines are not UTF-8;.*"),
        problems.get(0).text());
  }

  @Test
  void aLogWithSomeJunkAndOneHugeLineIsStillALog() {
    // a log a fifth of whose lines carry a bad byte, and one line of 5 MiB: read to the end
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    for (int i = 0; i < 10_000; i++) {
      log.writeBytes(utf8("kernel: line " + i + (i % 5 == 0 ? " \u00e9" : "")));
      if (i % 5 == 0) {
        log.write(0xFF);
      }
      log.write('\n');
    }
    // then 6 MiB of short lines, so the huge line starts far into the stream: its run counts from its start
    byte[] shortLine = utf8("kernel: a short line\n");
    for (int i = 0; i < (6 << 20) / shortLine.length; i++) {
      log.writeBytes(shortLine);
    }
    int lines = 10_000 + (6 << 20) / shortLine.length;
    log.writeBytes(new byte[5 << 20]);
    log.writeBytes(utf8("\nlast\n"));
    List<String> all = all(log.toByteArray());
    assertEquals(lines + 2, all.size());
    assertEquals("last", all.get(lines + 1));
  }
}
