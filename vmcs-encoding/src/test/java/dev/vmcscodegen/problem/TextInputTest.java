package dev.vmcscodegen.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TextInput}: the bound, the byte-order mark, invalid UTF-8 by line and byte. */
class TextInputTest {

  private static String read(byte[] bytes, int max) throws IOException {
    return TextInput.read(new ByteArrayInputStream(bytes), "in.txt", max);
  }

  @Test
  void aByteOrderMarkIsSkipped() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', '\n'};
    assertEquals("a\n", read(bom, 100));
    assertEquals("a\n", read(new byte[] {'a', '\n'}, 100));
  }

  @Test
  void anInputPastTheBoundFailsWithoutReadingIt() {
    // An endless stream of zeros, like /dev/zero: only bound + 1 bytes are read.
    InputStream zeros = new InputStream() {
      @Override
      public int read() {
        return 0;
      }
    };
    ProblemException e = assertThrows(ProblemException.class, () -> TextInput.read(zeros, "/dev/zero", 1024));
    assertEquals(List.of("/dev/zero: [InputTooLarge] larger than 1024 bytes, the most this reader accepts; is it the"
        + " right file?"), e.problems().stream().map(Problem::render).toList());
  }

  @Test
  void devZeroFailsFast() {
    Path zero = Path.of("/dev/zero");
    if (Files.isReadable(zero)) {
      ProblemException e = assertThrows(ProblemException.class, () -> TextInput.read(zero));
      assertEquals("InputTooLarge", e.problems().get(0).id());
    }
    assertTrue(TextInput.DEFAULT_MAX_BYTES >= 1 << 20);
  }

  @Test
  void invalidUtf8IsNamedByLineAndByte() {
    // RFC 3629: 0xC3 starts a two-byte sequence; 0x28 cannot continue it.
    byte[] bytes = "ok\nab\u00e9".getBytes(StandardCharsets.UTF_8);
    bytes[bytes.length - 1] = 0x28;
    ProblemException e = assertThrows(ProblemException.class, () -> read(bytes, 100));
    assertEquals(List.of("in.txt:2: [InputNotUtf8] byte 3 of the line (byte 6 of the file) is not UTF-8: 0xC3"),
        e.problems().stream().map(Problem::render).toList());
  }

  @Test
  void aLoneCrEndsALineForTheLineOfAProblemToo() {
    // Old Mac OS line ends: the bad byte 0xFF (never in UTF-8, RFC 3629) is on line 3.
    byte[] bytes = {'a', '\r', 'b', '\r', '\n', (byte) 0xFF};
    ProblemException e = assertThrows(ProblemException.class, () -> read(bytes, 100));
    assertEquals("in.txt:3: [InputNotUtf8] byte 1 of the line (byte 6 of the file) is not UTF-8: 0xFF",
        e.problems().get(0).render());
  }

  @Test
  void aTextDecodedElsewhereLosesItsLeadingByteOrderMarkOnly() {
    assertEquals("a\uFEFF", TextInput.withoutByteOrderMark("\uFEFFa\uFEFF"));
    assertEquals("a", TextInput.withoutByteOrderMark("a"));
    assertEquals("", TextInput.withoutByteOrderMark(""));
  }

  @Test
  void aFileCanBeNamedAsItsCallerNamesIt(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("f.spec");
    Files.write(file, new byte[] {(byte) 0xFF});
    ProblemException e = assertThrows(ProblemException.class, () -> TextInput.read(file, "f.spec"));
    assertEquals("f.spec", e.problems().get(0).file());
  }

  @Test
  void aFileIsReadWhole(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("f.txt");
    Files.writeString(file, "\u00e9t\u00e9\n");
    assertEquals("\u00e9t\u00e9\n", TextInput.read(file));
  }
}
