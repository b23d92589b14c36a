package dev.vmcscodegen.runtime.image;

import java.util.regex.Pattern;

/**
 * What a log, a terminal and a mailer put around a line a hypervisor printed, and how to take it off. Each
 * is optional and they nest (a syslog line holds a dmesg timestamp; a quoted mail holds either), so
 * {@link #strip} takes them off the front until none is left:
 *
 * <ul>
 *   <li>mail quoting: {@code > }, {@code >> }, {@code >>>> }, {@code > > };
 *   <li>syslog and {@code journalctl}: {@code Jun 24 17:25:51 host kernel: }, with a tag and PID
 *       ({@code host qemu-kvm[1234]: }), or an ISO time ({@code 2025-06-24T17:25:51+0200 host kernel: });
 *   <li>{@code dmesg}: {@code [ 2311.499067] }, with the printk caller {@code [28041.676235][T78789] };
 *       {@code dmesg -T}: {@code [Tue Jun 24 17:25:51 2025] }; Xen's time stamp {@code [2019-11-02 14:09:46] };
 *       a time stamp a poster elided, {@code […] } (any bracketed head of at most 40 characters);
 *   <li>a kernel log level {@code <3>};
 *   <li>the module: {@code kvm_intel: }, {@code kvm: }, {@code kvm [1234]: } (a vCPU's messages);
 *   <li>Xen's console: {@code (XEN) }.
 * </ul>
 *
 * <p>A web page or an HTML mail may turn blanks into no-break spaces (U+00A0, also U+2007 and U+202F):
 * they are blanks here, before any prefix comes off.
 */
final class LogLine {

  private static final Pattern QUOTE = Pattern.compile("^(?:[ \\t]*>)+[ \\t]?");
  private static final Pattern SYSLOG = Pattern.compile("^(?:[A-Z][a-z]{2}[ \\t]+\\d{1,2}[ \\t]+\\d{2}:\\d{2}:\\d{2}"
      + "|\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?)(?:\\.\\d+)?"
      + "[ \\t]+\\S+[ \\t]+[\\w./@-]+(?:\\[\\d+\\])?:[ \\t]?");
  private static final Pattern BRACKET = Pattern.compile("^\\[[^\\]\\[]{1,40}\\][ \\t]?");
  private static final Pattern LEVEL = Pattern.compile("^<\\d>");
  private static final Pattern MODULE = Pattern.compile("^(?:kvm_intel|kvm-intel|kvm)(?:[ \\t]*\\[\\d+\\])?:[ \\t]?");
  private static final Pattern XEN = Pattern.compile("^\\(XEN\\)[ \\t]?");
  private static final Pattern[] PREFIXES = {QUOTE, SYSLOG, BRACKET, LEVEL, MODULE, XEN};

  private LogLine() {}

  /** The line without its log, console and mail prefixes and without surrounding blanks. */
  static String strip(String line) {
    String rest = blanks(line).stripLeading();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Pattern prefix : PREFIXES) {
        if (rest.isEmpty() || !mayStart(prefix, rest.charAt(0))) {
          continue;
        }
        var matcher = prefix.matcher(rest);
        if (matcher.lookingAt() && matcher.end() > 0) {
          rest = rest.substring(matcher.end()).stripLeading();
          changed = true;
        }
      }
    }
    return rest.strip();
  }

  /**
   * Whether a prefix can start with {@code first} (the line is stripped of leading blanks): a cheap test
   * that spares the regular expressions on most lines of a large log, which carry at most a prefix or two.
   */
  private static boolean mayStart(Pattern prefix, char first) {
    if (prefix == QUOTE) {
      return first == '>';
    }
    if (prefix == SYSLOG) {
      return first >= 'A' && first <= 'Z' || first >= '0' && first <= '9';
    }
    if (prefix == BRACKET) {
      return first == '[';
    }
    if (prefix == LEVEL) {
      return first == '<';
    }
    if (prefix == MODULE) {
      return first == 'k';
    }
    return first == '(';
  }

  /** The line with every no-break space made a plain blank. */
  private static String blanks(String line) {
    return line.replace('\u00A0', ' ').replace('\u2007', ' ').replace('\u202F', ' ');
  }
}
