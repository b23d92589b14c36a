package dev.vmcscodegen.problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The lines of a log read from a stream one at a time, so a text of any size (a dump in a 200 MB
 * {@code kern.log}) is read in bounded memory. Lines are split and a byte-order mark skipped as
 * {@link TextInput} does; unlike it, a log is never refused, since logs hold other bytes than UTF-8 (a
 * serial console's noise, another driver's binary): a byte sequence that is not UTF-8 is read as U+FFFD,
 * and {@link #notUtf8} names the first one of the line as an {@link InputProblem#NOT_UTF8_REPLACED}
 * warning for the caller to report if the line matters to it. A line longer than {@link #MAX_LINE_BYTES}
 * keeps its first {@link #MAX_LINE_BYTES} bytes (no line of a dump is near that long) and the rest is
 * read past. What no log is ends the stream with an {@link InputProblem#NOT_TEXT} error, so that
 * {@code /dev/zero} or {@code /dev/urandom} cannot be read forever: a line running past
 * {@link #MAX_LINE_RUN} bytes without an end, or {@link #NOT_TEXT_LINES} lines not UTF-8 that are more
 * than a quarter of the lines read.
 */
public final class TextLines {

  /** The most bytes of a line kept. */
  public static final int MAX_LINE_BYTES = 4096;

  /** The most bytes read for one line, kept or not, before the input is taken for no text (16 MiB). */
  public static final long MAX_LINE_RUN = TextInput.DEFAULT_MAX_BYTES;

  /** How many lines not UTF-8 it takes, at a quarter of the lines read or more, to call it no text. */
  public static final int NOT_TEXT_LINES = 1000;

  private final InputStream in;
  private final String name;
  private final byte[] buffer = new byte[8192];
  private int position;
  private int limit;
  private final byte[] line = new byte[MAX_LINE_BYTES];
  private int length;
  private boolean cut;
  /** The offset in the stream of the current line's first byte. */
  private long lineStart;
  private long offset;
  private int number;
  private boolean pendingCr;
  private Problem notUtf8;
  private int linesNotUtf8;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);

  /**
   * Lines of {@code in}, which the caller closes.
   *
   * @param name the file problems carry
   */
  public TextLines(InputStream in, String name) {
    this.in = in;
    this.name = name;
  }

  /** The 1-based number of the line {@link #next} returned last. */
  public int number() {
    return number;
  }

  /** The first byte sequence of the line {@link #next} returned last that is not UTF-8, if any. */
  public Optional<Problem> notUtf8() {
    return Optional.ofNullable(notUtf8);
  }

  /**
   * The next line without its end, or {@code null} at the end of the text.
   *
   * @throws UncheckedIOException if the stream fails
   * @throws ProblemException an {@link InputProblem#NOT_TEXT} error if the input is no text (class comment)
   */
  public String next() {
    length = 0;
    cut = false;
    lineStart = offset;
    boolean any = false;
    while (true) {
      if (position == limit && !fill()) {
        if (!any || number == 0 && length == TextInput.bomLength() && TextInput.startsWithBom(line, length)) {
          return null; // the end, or a text of nothing but a byte-order mark
        }
        break;
      }
      byte b = buffer[position++];
      offset++;
      if (pendingCr) {
        pendingCr = false;
        if (b == '\n') {
          lineStart = offset;
          continue;
        }
      }
      any = true;
      if (b == '\n') {
        break;
      }
      if (b == '\r') {
        pendingCr = true;
        break;
      }
      if (length < MAX_LINE_BYTES) {
        line[length++] = b;
      } else {
        cut = true;
        if (offset - lineStart > MAX_LINE_RUN) {
          throw notText(number + 1, "line " + (number + 1) + " runs past " + MAX_LINE_RUN + " bytes without a line end");
        }
      }
    }
    number++;
    String text = decode();
    if (notUtf8 != null && ++linesNotUtf8 >= NOT_TEXT_LINES && linesNotUtf8 * 4L > number) {
      throw notText(number, linesNotUtf8 + " of the first " + number + " lines are not UTF-8");
    }
    return text;
  }

  private ProblemException notText(int at, String why) {
    return new ProblemException(java.util.List.of(InputProblem.NOT_TEXT.at(name, at, "", why)));
  }

  /** The line's bytes as text, a byte-order mark before the first line dropped, bad sequences U+FFFD. */
  private String decode() {
    int start = number == 1 && TextInput.startsWithBom(line, length) ? TextInput.bomLength() : 0;
    ByteBuffer bytes = ByteBuffer.wrap(line, start, length - start);
    CharBuffer text = CharBuffer.allocate(length);
    notUtf8 = null;
    decoder.reset();
    while (true) {
      // A cut line may end inside a sequence: that is the cut, not a byte that is not UTF-8.
      CoderResult result = decoder.decode(bytes, text, !cut);
      if (!result.isError()) {
        break;
      }
      if (notUtf8 == null) {
        int at = bytes.position();
        notUtf8 = InputProblem.NOT_UTF8_REPLACED.at(name, number, "", at + 1, lineStart + at + 1, line[at] & 0xFF);
      }
      text.put('\uFFFD');
      bytes.position(bytes.position() + result.length());
    }
    return text.flip().toString();
  }

  private boolean fill() {
    try {
      int read = in.read(buffer, 0, buffer.length);
      while (read == 0) {
        read = in.read(buffer, 0, buffer.length);
      }
      if (read < 0) {
        return false;
      }
      position = 0;
      limit = read;
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
