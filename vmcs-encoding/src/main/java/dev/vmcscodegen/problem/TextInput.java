package dev.vmcscodegen.problem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The one way every reader of a text input (spec, capability profile, image text) turns a file into
 * text: read with a size bound, so {@code /dev/zero} or a wrong multi-gigabyte file fails at once instead
 * of filling memory; a UTF-8 byte-order mark skipped; invalid UTF-8 reported by line and byte. Problems
 * are {@link InputProblem}s thrown as a {@link ProblemException} naming the file. A line ends at LF,
 * CR LF or CR. A log of any size (a dump in a whole {@code kern.log}) is streamed by {@link TextLines}
 * instead, under the same rules but for the bound, and degrades where this refuses.
 */
public final class TextInput {

  /** The default bound, 16 MiB: far above any profile, spec or single dump. */
  public static final int DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

  /** The byte-order mark as a character: a text decoded elsewhere may begin with it. */
  public static final char BYTE_ORDER_MARK = '\uFEFF';

  /** The byte-order mark as UTF-8 bytes. */
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private TextInput() {}

  /**
   * The text of {@code path}, at most {@link #DEFAULT_MAX_BYTES}.
   *
   * @throws IOException if the file cannot be opened or read
   * @throws ProblemException if it is too large or not UTF-8
   */
  public static String read(Path path) throws IOException {
    return read(path, path.toString());
  }

  /**
   * The text of {@code path}, at most {@link #DEFAULT_MAX_BYTES}; {@code name} is the file problems carry
   * (a spec is named as its annotation or configuration names it, not by its absolute path).
   *
   * @throws IOException if the file cannot be opened or read
   * @throws ProblemException if it is too large or not UTF-8
   */
  public static String read(Path path, String name) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return read(in, name, DEFAULT_MAX_BYTES);
    }
  }

  /**
   * The text of {@code path}, at most {@code maxBytes}.
   *
   * @throws IOException if the file cannot be opened or read
   * @throws ProblemException if it is too large or not UTF-8
   */
  public static String read(Path path, int maxBytes) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return read(in, path.toString(), maxBytes);
    }
  }

  /**
   * The text of a stream, at most {@code maxBytes}; {@code name} is the file problems carry.
   *
   * @throws IOException if the stream cannot be read
   * @throws ProblemException if it is too large or not UTF-8
   */
  public static String read(InputStream in, String name, int maxBytes) throws IOException {
    if (maxBytes < 0 || maxBytes == Integer.MAX_VALUE) {
      throw new IllegalArgumentException("maxBytes must be 0 to " + (Integer.MAX_VALUE - 1) + ", got " + maxBytes);
    }
    byte[] bytes = in.readNBytes(maxBytes + 1);
    if (bytes.length > maxBytes) {
      throw new ProblemException(List.of(InputProblem.TOO_LARGE.at(name, 0, "", maxBytes)));
    }
    return decode(bytes, name);
  }

  /**
   * UTF-8 bytes as text, a leading byte-order mark skipped.
   *
   * @throws ProblemException naming the line and byte of the first sequence that is not UTF-8
   */
  public static String decode(byte[] bytes, String name) {
    int start = startsWithBom(bytes) ? BOM.length : 0;
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer input = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer output = CharBuffer.allocate(bytes.length - start);
    CoderResult result = decoder.decode(input, output, true);
    if (result.isError()) {
      throw new ProblemException(List.of(notUtf8(bytes, input.position(), name)));
    }
    result = decoder.flush(output);
    if (result.isError()) {
      throw new ProblemException(List.of(notUtf8(bytes, input.position(), name)));
    }
    return output.flip().toString();
  }

  /** Whether {@code bytes} begin with the UTF-8 byte-order mark. */
  public static boolean startsWithBom(byte[] bytes) {
    return startsWithBom(bytes, bytes.length);
  }

  /** Whether the first {@code length} of {@code bytes} begin with the UTF-8 byte-order mark. */
  static boolean startsWithBom(byte[] bytes, int length) {
    return length >= BOM.length && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2];
  }

  /** How many bytes the byte-order mark takes. */
  static int bomLength() {
    return BOM.length;
  }

  /**
   * {@code text} without a leading byte-order mark: for a text that was decoded elsewhere (javac's file
   * manager, a caller's string), which keeps the mark as a character.
   */
  public static String withoutByteOrderMark(String text) {
    return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
  }

  private static Problem notUtf8(byte[] bytes, int offset, String name) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      boolean crAlone = bytes[i] == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n');
      if (bytes[i] == '\n' || crAlone) {
        line++;
        lineStart = i + 1;
      }
    }
    int value = offset < bytes.length ? bytes[offset] & 0xFF : 0;
    return InputProblem.NOT_UTF8.at(name, line, "", offset - lineStart + 1, offset + 1, value);
  }
}
