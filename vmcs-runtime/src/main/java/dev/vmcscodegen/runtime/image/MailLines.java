package dev.vmcscodegen.runtime.image;

import dev.vmcscodegen.problem.Problem;
import dev.vmcscodegen.problem.TextLines;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The lines of a text as a mail reader would show them: a dump saved from a mailbox or a list archive's raw
 * message may still be quoted-printable (RFC 2045 6.7), every {@code =} written {@code =3D}, a no-break
 * space {@code =C2=A0}, and a line longer than 76 characters broken by a soft line break, a {@code =} at
 * its end. A line is taken for quoted-printable when it holds {@code =3D} or {@code =C2=A0}: no hypervisor
 * prints either (KVM and Xen print hexadecimal in lower case), and every quoted-printable dump line that
 * has an {@code =} holds the first. Such a line ending in {@code =} is joined with the lines after it, then
 * its escapes are decoded as UTF-8; every other line is left as it is. The lines come from {@link TextLines}.
 */
final class MailLines {

  /** How many soft line breaks one line may have (a 200-character line at 76 columns has two). */
  private static final int MAX_SOFT_BREAKS = 8;

  private final TextLines lines;
  private int number;
  private Optional<Problem> notUtf8 = Optional.empty();

  /** The lines of {@code text}; {@code name} is the file name {@link TextLines} gives its problems. */
  MailLines(InputStream text, String name) {
    this.lines = new TextLines(text, name);
  }

  /** The 1-based number of the first line of the text {@link #next} returned last. */
  int number() {
    return number;
  }

  /** The first byte sequence that is not UTF-8 in the lines {@link #next} returned last, if any. */
  Optional<Problem> notUtf8() {
    return notUtf8;
  }

  /** The next line, its soft line breaks joined and its escapes decoded; {@code null} at the end. */
  String next() {
    String line = lines.next();
    number = lines.number();
    notUtf8 = lines.notUtf8();
    if (line == null || !encoded(line)) {
      return line;
    }
    StringBuilder joined = new StringBuilder(line);
    for (int breaks = 0; breaks < MAX_SOFT_BREAKS && joined.toString().endsWith("="); breaks++) {
      String more = lines.next();
      if (more == null) {
        break;
      }
      if (notUtf8.isEmpty()) {
        notUtf8 = lines.notUtf8();
      }
      joined.setLength(joined.length() - 1);
      joined.append(more);
    }
    return decode(joined.toString());
  }

  /** Whether a line is quoted-printable; see the class comment. */
  static boolean encoded(String line) {
    return line.contains("=3D") || line.contains("=C2=A0");
  }

  /** The text of a quoted-printable line: {@code =XX} as the byte XX, the bytes read as UTF-8. */
  static String decode(String line) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(line.length());
    int i = 0;
    while (i < line.length()) {
      int c = line.codePointAt(i);
      if (c == '=' && i + 2 < line.length() && hex(line.charAt(i + 1)) >= 0 && hex(line.charAt(i + 2)) >= 0) {
        bytes.write(hex(line.charAt(i + 1)) * 16 + hex(line.charAt(i + 2)));
        i += 3;
      } else if (c == '=' && i == line.length() - 1) {
        i++; // a soft line break the text ended in
      } else {
        byte[] utf8 = Character.toString(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(utf8, 0, utf8.length);
        i += Character.charCount(c);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** The value of an ASCII hexadecimal digit, else -1. */
  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
  }
}
