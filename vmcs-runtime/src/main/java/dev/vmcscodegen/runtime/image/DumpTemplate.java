package dev.vmcscodegen.runtime.image;

import java.util.ArrayList;
import java.util.List;

/**
 * One line a hypervisor prints in a VMCS dump, written as the {@code printf} format the hypervisor's source
 * uses ({@code "PinBased=%08x CPUBased=%08x SecondaryExec=%08x"}), matched against a pasted line the way
 * people and their tools change it: any run of blanks for a blank, {@code 0x} optional before every
 * number (kernels printed the same value with and without it), hexadecimal digits in either case.
 *
 * <p>{@code %0Nx} (and {@code %0Nlx}, {@code %0Nllx}, {@code %0Nlx} with {@code PRIx64}) is a hexadecimal
 * value printed with at least {@code N} digits: a value with fewer digits was cut (by a terminal, a mailer
 * or a copy), never a smaller number. {@code %u} and {@code %d} are decimal; {@code %p} a pointer (hex,
 * read and ignored); {@code %s} and {@code %ps} text (a name, a symbol), read up to the template's next
 * character and ignored. A line that ends inside the template is a {@link Kind#PARTIAL} match: the start of a
 * line a mailer wrapped onto the next one, or a line cut short.
 */
final class DumpTemplate {

  /** How far a line matched. */
  enum Kind { FULL, PARTIAL, NONE }

  /** A number the template prints: hexadecimal with a minimum width, or decimal. */
  record Slot(boolean hex, int width) {}

  /**
   * A printed number as read: its digits, and whether it is complete (text of the template followed it,
   * or it ends the line and has the digits its format prints).
   */
  record Value(String digits, boolean complete) {

    /** The value; only for a complete value of at most 16 hexadecimal digits. */
    long parse(boolean hex) {
      return hex ? Long.parseUnsignedLong(digits, 16) : Long.parseLong(digits);
    }
  }

  /** The outcome of matching a line: how far, and the numbers read in template order. */
  record Match(Kind kind, List<Value> values) {}

  private static final Match NONE = new Match(Kind.NONE, List.of());

  /** A token of the template: literal text, a blank run, a number, or text ({@code %s}, read and ignored). */
  private record Token(char literal, boolean blank, Slot slot, boolean text) {

    Token(char literal, boolean blank, Slot slot) {
      this(literal, blank, slot, false);
    }
  }

  private final String format;
  private final List<Token> tokens;
  private final List<Slot> slots;

  DumpTemplate(String format) {
    this.format = format;
    List<Token> parsed = new ArrayList<>();
    List<Slot> numbers = new ArrayList<>();
    int i = 0;
    while (i < format.length()) {
      char c = format.charAt(i);
      if (c == ' ') {
        while (i < format.length() && format.charAt(i) == ' ') {
          i++;
        }
        parsed.add(new Token('\0', true, null));
      } else if (c == '0' && format.startsWith("0x%", i)) {
        i += 2; // "0x" before a number: optional in the input, read with the number
      } else if (format.startsWith("%s", i) || format.startsWith("%ps", i)) {
        parsed.add(new Token('\0', false, null, true));
        i += format.startsWith("%s", i) ? 2 : 3;
      } else if (c == '%') {
        int end = i + 1;
        while (end < format.length() && "0123456789l".indexOf(format.charAt(end)) >= 0) {
          end++;
        }
        char conversion = format.charAt(end);
        String width = format.substring(i + 1, end).replace("l", "");
        width = width.startsWith("0") ? width : "";
        Slot slot = switch (conversion) {
          case 'x', 'p' -> new Slot(true, width.isEmpty() ? 1 : Integer.parseInt(width));
          case 'u', 'd' -> new Slot(false, 1);
          default -> throw new IllegalArgumentException("conversion %" + conversion + " in " + format);
        };
        parsed.add(new Token('\0', false, slot));
        numbers.add(slot);
        i = end + 1;
      } else {
        parsed.add(new Token(c, false, null));
        i++;
      }
    }
    this.tokens = List.copyOf(parsed);
    this.slots = List.copyOf(numbers);
  }

  /** The format as the hypervisor's source writes it. */
  String format() {
    return format;
  }

  /** The numbers the template prints, in order. */
  List<Slot> slots() {
    return slots;
  }

  /** The literal text the template starts with, up to its first number or blank. */
  String lead() {
    StringBuilder out = new StringBuilder();
    for (Token token : tokens) {
      if (token.blank() || token.slot() != null || token.text()) {
        break;
      }
      out.append(token.literal());
    }
    return out.toString();
  }

  /** Matches a line from which log prefixes and surrounding blanks are gone. */
  Match match(String line) {
    List<Value> values = new ArrayList<>();
    int at = 0;
    int length = line.length();
    for (int t = 0; t < tokens.size(); t++) {
      Token token = tokens.get(t);
      if (at == length) {
        return new Match(Kind.PARTIAL, values);
      }
      if (token.blank()) {
        int start = at;
        while (at < length && Character.isWhitespace(line.charAt(at))) {
          at++;
        }
        if (at == start) {
          return NONE;
        }
      } else if (token.text()) {
        char stop = t + 1 < tokens.size() && !tokens.get(t + 1).blank() && tokens.get(t + 1).slot() == null
            ? tokens.get(t + 1).literal() : ' ';
        int start = at;
        while (at < length && line.charAt(at) != stop) {
          at++;
        }
        if (at == start) {
          return NONE;
        }
      } else if (token.slot() == null) {
        if (line.charAt(at) != token.literal()) {
          return NONE;
        }
        at++;
      } else {
        Slot slot = token.slot();
        if (slot.hex() && line.charAt(at) == '0' && at + 1 < length
            && (line.charAt(at + 1) == 'x' || line.charAt(at + 1) == 'X')) {
          at += 2;
          if (at == length) {
            return new Match(Kind.PARTIAL, values);
          }
        }
        int start = at;
        while (at < length && digit(line.charAt(at), slot.hex())) {
          at++;
        }
        if (at == start) {
          return NONE;
        }
        String digits = line.substring(start, at);
        boolean last = t == tokens.size() - 1;
        boolean followed = at < length;
        values.add(new Value(digits, (followed || last) && digits.length() >= slot.width()));
        if (!followed && !last) {
          return new Match(Kind.PARTIAL, values);
        }
      }
    }
    while (at < length && Character.isWhitespace(line.charAt(at))) {
      at++;
    }
    return at == length ? new Match(Kind.FULL, values) : NONE;
  }

  private static boolean digit(char c, boolean hex) {
    return (c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
  }

  @Override
  public String toString() {
    return format;
  }
}
