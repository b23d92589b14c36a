package dev.vmcscodegen.runtime.image;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * The lines of a text read from a {@link Reader} one at a time, so a log of any size is read in bounded
 * memory: a line ends at LF, CR LF or CR; a line longer than {@link #MAX_LINE} characters keeps its first
 * {@link #MAX_LINE} (no dump line is near that long) and the rest is read past. A byte-order mark before
 * the first line is dropped.
 */
final class DumpLines {

  /** The longest line kept whole. */
  static final int MAX_LINE = 4096;

  private final Reader reader;
  private final char[] buffer = new char[8192];
  private int position;
  private int limit;
  private int number;
  private boolean pendingCr;
  private boolean atStart = true;

  DumpLines(Reader reader) {
    this.reader = reader;
  }

  /** The 1-based number of the line {@link #next} returned last. */
  int number() {
    return number;
  }

  /** The next line without its end, or {@code null} at the end of the text. */
  String next() {
    StringBuilder line = new StringBuilder();
    boolean any = false;
    while (true) {
      if (position == limit && !fill()) {
        if (!any) {
          return null;
        }
        break;
      }
      char c = buffer[position++];
      if (pendingCr) {
        pendingCr = false;
        if (c == '\n') {
          continue;
        }
      }
      if (atStart) {
        atStart = false;
        if (c == '\uFEFF') {
          continue;
        }
      }
      any = true;
      if (c == '\n') {
        break;
      }
      if (c == '\r') {
        pendingCr = true;
        break;
      }
      if (line.length() < MAX_LINE) {
        line.append(c);
      }
    }
    number++;
    return line.toString();
  }

  private boolean fill() {
    try {
      int read = reader.read(buffer, 0, buffer.length);
      while (read == 0) {
        read = reader.read(buffer, 0, buffer.length);
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
