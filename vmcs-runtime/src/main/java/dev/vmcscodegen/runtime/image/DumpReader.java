package dev.vmcscodegen.runtime.image;

import dev.vmcscodegen.problem.Parsed;
import dev.vmcscodegen.problem.Problem;
import dev.vmcscodegen.problem.Problems;
import dev.vmcscodegen.problem.TextLines;
import dev.vmcscodegen.runtime.VmcsField;
import dev.vmcscodegen.runtime.image.DumpDialect.Rule;
import dev.vmcscodegen.runtime.image.DumpDialect.Section;
import dev.vmcscodegen.runtime.image.DumpDialect.Target;
import dev.vmcscodegen.runtime.image.DumpTemplate.Kind;
import dev.vmcscodegen.runtime.image.DumpTemplate.Match;
import dev.vmcscodegen.runtime.image.DumpTemplate.Value;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the dumps of one {@link DumpDialect} from a text of any size, line by line (nothing but the dump
 * being read and the last complete one is kept):
 *
 * <ul>
 *   <li>a quoted-printable mail is decoded ({@link MailLines}), and log, console and mail prefixes come off
 *       each line ({@link LogLine});
 *   <li>a dump starts at its opening line or at a section header ({@code *** Guest State ***}) that does
 *       not continue the dump before it; lines outside a dump are not read or reported, and unmapped lines
 *       after a dump's last field are text after the dump, not reported either;
 *   <li>a line that stops inside its layout is joined with the next ones (a mailer re-wrapped it) when
 *       that completes it, else it is reported as cut and only its whole values are read;
 *   <li>a field printed twice with different values is reported and not read;
 *   <li>of several dumps, the last complete one (all three sections) is read, never a mix, and a warning
 *       says so;
 *   <li>bytes that are not UTF-8 are read as U+FFFD ({@link TextLines}) and reported on a line of the dump
 *       read, up to its last field, not elsewhere (a log holds other bytes too).
 * </ul>
 */
final class DumpReader {

  /** More unmapped lines in a row than this, and the dump has ended. */
  private static final int MAX_UNMAPPED_RUN = 64;
  /** How many lines a mailer may have spread one line over. */
  private static final int MAX_JOINED = 4;
  /** How many dump starts a warning lists. */
  private static final int MAX_LISTED_STARTS = 20;

  private final DumpDialect dialect;
  private final String file;

  private Dump current;
  private Dump lastComplete;
  private int dumps;
  private final List<Integer> starts = new ArrayList<>();

  private String held;
  private int heldLine;
  private int heldParts;
  private boolean heldHeader;
  private Found heldWhole;
  private Choice choice;

  /** A whole line and the start of the next, which may also be one wrapped line ({@code together}). */
  private record Choice(Found whole, String wholeText, int line, String startText, int startLine,
      Found together) {}

  private DumpReader(DumpDialect dialect, String file) {
    this.dialect = dialect;
    this.file = file;
  }

  /** Reads the dump of {@code text}; see the class comment. */
  static DumpReading read(DumpDialect dialect, InputStream text, String file) {
    return new DumpReader(dialect, file).readAll(text);
  }

  private DumpReading readAll(InputStream text) {
    MailLines lines = new MailLines(text, file);
    for (String raw = lines.next(); raw != null; raw = lines.next()) {
      accept(LogLine.strip(raw), lines.number());
      if (current != null && !current.ended) {
        lines.notUtf8().ifPresent(current.notUtf8::add);
      }
    }
    flushHeld();
    return finish();
  }

  private void accept(String line, int number) {
    if (choice != null) {
      // A whole line, then the start of another: the start and this line make a whole line (the whole
      // line stands alone), else the whole line and the start were one line a mailer wrapped.
      Choice pending = choice;
      choice = null;
      Found continued = line.isEmpty() ? null : find(pending.startText() + " " + line);
      if (continued != null && continued.match().kind() == Kind.FULL) {
        apply(pending.whole(), pending.line(), pending.wholeText());
        apply(continued, pending.startLine(), pending.startText() + " " + line);
        return;
      }
      apply(pending.together(), pending.line(), pending.wholeText() + " " + pending.startText());
    }
    if (held != null && heldHeader) {
      String joined = held + " " + line;
      held = null;
      heldHeader = false;
      if (header(joined) != null) {
        enter(header(joined), heldLine);
        return;
      }
    } else if (held != null && heldWhole != null) {
      // A whole line waits one line: a mailer may have moved its last words ("(effective)") to the next.
      String joined = held + " " + line;
      Found alone = line.isEmpty() || header(line) != null ? null : find(line);
      Found together = (alone == null || alone.match().kind() != Kind.FULL) && !line.isEmpty() ? find(joined)
          : null;
      Found whole = heldWhole;
      int wholeLine = heldLine;
      String wholeText = held;
      held = null;
      heldWhole = null;
      if (together != null && together.match().kind() == Kind.FULL) {
        if (alone == null) {
          apply(together, wholeLine, joined);
        } else {
          choice = new Choice(whole, wholeText, wholeLine, line, number, together);
        }
        return;
      }
      apply(whole, wholeLine, wholeText);
    } else if (held != null) {
      String joined = held + " " + line;
      Found found = find(joined);
      if (found != null && found.match().kind() == Kind.FULL) {
        apply(found, heldLine, joined);
        held = null;
        return;
      }
      if (found != null && found.match().kind() == Kind.PARTIAL && heldParts < MAX_JOINED && !line.isEmpty()) {
        held = joined;
        heldParts++;
        return;
      }
      flushHeld();
    }
    if (line.isEmpty()) {
      return;
    }
    Section header = header(line);
    if (header != null) {
      enter(header, number);
      return;
    }
    if (line.startsWith("***") && HEADERS.stream().anyMatch(h -> h.startsWith(line))) {
      held = line;
      heldLine = number;
      heldHeader = true;
      return;
    }
    Found found = find(line);
    if (found == null) {
      if (current != null && !current.ended) {
        current.unmapped(line, number);
      }
    } else if (found.match().kind() == Kind.FULL) {
      held = line;
      heldLine = number;
      heldWhole = found;
    } else {
      held = line;
      heldLine = number;
      heldParts = 1;
    }
  }

  /** The held start of a line that no following line completed: a cut line. */
  private void flushHeld() {
    if (choice != null) {
      apply(choice.together(), choice.line(), choice.wholeText() + " " + choice.startText());
      choice = null;
    }
    if (heldWhole != null) {
      apply(heldWhole, heldLine, held);
      heldWhole = null;
      held = null;
      return;
    }
    if (held == null || heldHeader) {
      held = null;
      heldHeader = false;
      return;
    }
    Found found = find(held);
    if (found != null && !isOpener(found.rule())) {
      current.flushUnmapped();
      current.problem(DumpProblem.LINE_CUT.at(file, heldLine, "", Problem.excerpt(found.rule().template().format()),
          "values read: " + wholeValues(found), Problem.excerpt(held)));
      apply(found, heldLine, held);
    }
    held = null;
  }

  private static long wholeValues(Found found) {
    return found.match().values().stream().filter(Value::complete).count();
  }

  /** The section headers KVM and Xen print, in section order. */
  private static final List<String> HEADERS = List.of("*** Guest State ***", "*** Host State ***",
      "*** Control State ***");

  private static Section header(String line) {
    if (!line.startsWith("***")) {
      return null; // most lines of a log: spare them the regular expression
    }
    String words = line.replaceAll("\\s+", " ");
    for (int i = 0; i < HEADERS.size(); i++) {
      if (words.startsWith(HEADERS.get(i))) {
        return Section.values()[i + 1];
      }
    }
    return null;
  }

  private void enter(Section section, int number) {
    if (current == null || current.ended || section.ordinal() <= current.section.ordinal()
        && !(current.section == Section.NONE)) {
      startDump(number);
    }
    current.section = section;
    current.seen[section.ordinal()] = true;
    current.flushUnmapped();
  }

  private void startDump(int number) {
    if (current != null && current.isComplete()) {
      lastComplete = current;
    }
    current = new Dump(number, dialect.allLayouts());
    dumps++;
    if (starts.size() < MAX_LISTED_STARTS) {
      starts.add(number);
    }
  }

  private record Found(Rule rule, Match match) {}

  private boolean isOpener(Rule rule) {
    return dialect.openers().contains(rule);
  }

  /**
   * The rule the line matches whole, else one it starts, else null: the openers, then (inside a dump) the
   * rules of the current section. Of several rules the line matches whole (one text, two layouts: Xen before
   * 4.6 printed the VM-entry instruction length on its {@code VMExit} line), the first of a layout of the
   * lines before and with every value whole is taken, else the first of such a layout, else the first.
   */
  private Found find(String line) {
    Found partial = null;
    Found best = null;
    int bestScore = -1;
    boolean inDump = current != null && !current.ended;
    for (Rule rule : inDump ? concat(dialect.openers(), dialect.rules()) : dialect.openers()) {
      if (rule.section() != Section.NONE && rule.section() != current.section) {
        continue;
      }
      Match match = rule.template().match(line);
      if (match.kind() == Kind.FULL) {
        boolean sameLayout = !inDump || (rule.layouts() & current.layouts) != 0;
        boolean whole = match.values().stream().allMatch(Value::complete);
        int score = (sameLayout ? 2 : 0) + (whole ? 1 : 0);
        if (score > bestScore) {
          best = new Found(rule, match);
          bestScore = score;
        }
        if (score == 3) {
          return best;
        }
      }
      if (match.kind() == Kind.PARTIAL && partial == null && line.length() >= rule.template().lead().length()) {
        partial = new Found(rule, match);
      }
    }
    return best != null ? best : partial;
  }

  private static List<Rule> concat(List<Rule> first, List<Rule> second) {
    List<Rule> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private void apply(Found found, int number, String text) {
    if (isOpener(found.rule())) {
      startDump(number);
    }
    Dump dump = current;
    dump.flushUnmapped();
    Rule rule = found.rule();
    long narrowed = dump.layouts & rule.layouts();
    if (narrowed == 0) {
      dump.problem(DumpProblem.MIXED_LAYOUT.at(file, number, "", dialect.describe(dump.layouts),
          Problem.excerpt(rule.template().format())));
    } else {
      dump.layouts = narrowed;
    }
    if (rule.note() != null) {
      dump.problem(rule.note().at(file, number, "", Problem.excerpt(text)));
    }
    Map<VmcsField, Long> values = new LinkedHashMap<>();
    boolean indexed = false;
    VmcsField chosen = null;
    List<Value> read = found.match().values();
    for (int i = 0; i < read.size(); i++) {
      Target target = rule.targets().get(i);
      DumpTemplate.Slot slot = rule.template().slots().get(i);
      Value value = read.get(i);
      if (target.choices() != null) {
        indexed = true;
        long index = value.complete() && value.digits().length() < 10 ? value.parse(false) : -1;
        chosen = index >= 0 && index < target.choices().size() ? target.choices().get((int) index) : null;
        continue;
      }
      VmcsField field = indexed ? chosen : target.field();
      indexed = false;
      if (field == null) {
        continue;
      }
      String subject = "field " + field.qualifiedName();
      if (!value.complete()) {
        if (value.digits().length() < slot.width()) {
          dump.problem(DumpProblem.VALUE_CUT.at(file, number, subject, Problem.excerpt(value.digits()),
              value.digits().length(), slot.width()));
        }
        values.put(field, null);
        continue;
      }
      if (value.digits().length() > 16) {
        dump.problem(DumpProblem.NUMBER_TOO_LONG.at(file, number, subject, Problem.excerpt(value.digits())));
        values.put(field, null);
        continue;
      }
      long parsed = value.parse(slot.hex()) << target.shift();
      if (values.containsKey(field)) {
        Long before = values.get(field);
        values.put(field, before == null ? null : before | parsed);
      } else {
        values.put(field, parsed);
      }
    }
    for (Map.Entry<VmcsField, Long> entry : values.entrySet()) {
      if (entry.getValue() != null) {
        dump.put(entry.getKey(), entry.getValue(), number);
      }
    }
  }

  private DumpReading finish() {
    Problems problems = new Problems();
    Dump chosen = current;
    if (current != null && !current.isComplete() && lastComplete != null) {
      chosen = lastComplete;
    }
    if (chosen == null || chosen.fields.isEmpty() && !Problems.hasErrors(chosen.problems)) {
      if (chosen != null) {
        problems.addAll(chosen.problems);
      }
      problems.add(DumpProblem.NO_FIELDS.at(file, 0, "", dialect.name(), dialect.example()));
      problems.throwIfErrors();
    }
    if (dumps > 1) {
      String listed = starts.stream().map(String::valueOf).collect(Collectors.joining(", "))
          + (dumps > starts.size() ? ", ..." : "");
      problems.add(DumpProblem.SEVERAL_DUMPS.at(file, chosen.start, "", dumps, listed,
          chosen == current ? "last" : "last complete", chosen.start));
    }
    problems.addAll(chosen.problems);
    int lastFieldLine = chosen.lastFieldLine;
    chosen.notUtf8.stream().filter(problem -> problem.line() <= lastFieldLine).forEach(problems::add);
    VmcsImage image = VmcsImage.empty();
    for (Map.Entry<VmcsField, Field> entry : chosen.fields.entrySet()) {
      VmcsField field = entry.getKey();
      Field value = entry.getValue();
      if (value.conflicting) {
        continue;
      }
      if (!image.fits(field.encoding(), value.value)) {
        problems.add(DumpProblem.VALUE_TOO_WIDE.at(file, value.line, "field " + field.qualifiedName(), value.value,
            image.bits(field.encoding())));
        continue;
      }
      image = image.with(field.encoding(), value.value);
    }
    problems.throwIfErrors();
    return new DumpReading(dialect.name(), dialect.describe(chosen.layouts), new Parsed<>(image, problems.list()));
  }

  /** A field's value in a dump, the line that printed it, and whether another line printed another value. */
  private static final class Field {
    final long value;
    final int line;
    boolean conflicting;

    Field(long value, int line) {
      this.value = value;
      this.line = line;
    }
  }

  /** One dump as it is read. */
  private final class Dump {
    final int start;
    long layouts;
    Section section = Section.NONE;
    final boolean[] seen = new boolean[Section.values().length];
    boolean ended;
    final Map<VmcsField, Field> fields = new LinkedHashMap<>();
    final List<Problem> problems = new ArrayList<>();
    final List<Problem> unmapped = new ArrayList<>();
    /** Lines with bytes that are not UTF-8: reported if a field of the dump is on or after them. */
    final List<Problem> notUtf8 = new ArrayList<>();
    int lastFieldLine;
    boolean controlField;

    Dump(int start, long layouts) {
      this.start = start;
      this.layouts = layouts;
    }

    boolean isComplete() {
      return seen[Section.GUEST.ordinal()] && seen[Section.HOST.ordinal()] && controlField;
    }

    void problem(Problem problem) {
      problems.add(problem);
    }

    /** An unmapped line: reported only if a field of this dump follows it. */
    void unmapped(String line, int number) {
      if (unmapped.size() == MAX_UNMAPPED_RUN) {
        ended = true;
        unmapped.clear();
        return;
      }
      unmapped.add(skipped(line).at(file, number, "", Problem.excerpt(line)));
    }

    void flushUnmapped() {
      problems.addAll(unmapped);
      unmapped.clear();
    }

    void put(VmcsField field, long value, int line) {
      lastFieldLine = Math.max(lastFieldLine, line);
      if (section == Section.CONTROL) {
        controlField = true;
      }
      Field before = fields.get(field);
      if (before == null) {
        fields.put(field, new Field(value, line));
      } else if (before.value != value && !before.conflicting) {
        before.conflicting = true;
        problems.add(DumpProblem.CONFLICTING_VALUES.at(file, line, "field " + field.qualifiedName(), before.value,
            before.line, value));
      }
    }
  }

  private static DumpProblem skipped(String line) {
    if (line.startsWith("EFER") && (line.contains("(effective)") || line.contains("(autoload)"))) {
      return DumpProblem.EFFECTIVE_EFER;
    }
    if (line.startsWith("MSR ") || line.matches("\\d+: msr=.*")) {
      return DumpProblem.MSR_AREA;
    }
    return DumpProblem.UNKNOWN_LINE;
  }
}
