package dev.vmcscodegen.runtime.image;

import dev.vmcscodegen.runtime.VmcsField;
import java.util.Arrays;
import java.util.List;

/**
 * What one hypervisor prints when it dumps a VMCS: its name, the layouts it printed over its history (each
 * with the versions that print it), the line that opens a dump, and every line shape with the section it
 * is printed in, the field of each number and the layouts that print it. {@link DumpReader} reads any
 * dialect the same way; {@link KvmDumpParser} and {@link XenDumpParser} hold the two dialects.
 */
final class DumpDialect {

  /** The three sections of a dump, in the order printed; {@code NONE} before the first. */
  enum Section { NONE, GUEST, HOST, CONTROL }

  /** A layout of a dump: the first version that prints it and the last ({@code later}: still printed). */
  record Layout(String from, String to) {}

  /**
   * Where a printed number goes: a field, shifted left ({@code SVI|RVI} print the two bytes of the guest
   * interrupt status); nothing ({@code field} null: a pointer or a value that is no VMCS field); or, for
   * {@code choices}, a decimal index choosing the field of the next number ({@code CR3 target1=}).
   */
  record Target(VmcsField field, int shift, List<VmcsField> choices) {

    static Target of(VmcsField field) {
      return new Target(field, 0, null);
    }

    static Target shifted(VmcsField field, int shift) {
      return new Target(field, shift, null);
    }

    static Target ignored() {
      return new Target(null, 0, null);
    }

    static Target index(VmcsField... choices) {
      return new Target(null, 0, List.of(choices));
    }
  }

  /**
   * A line shape: the section it is printed in, its template, where each number goes, the layouts (bit
   * {@code i} for layout {@code i}) that print it, and the warning its line always gets (null: none).
   */
  record Rule(Section section, DumpTemplate template, List<Target> targets, long layouts, DumpProblem note) {

    Rule {
      if (targets.size() != template.slots().size()) {
        throw new IllegalArgumentException(template + ": " + targets.size() + " targets for "
            + template.slots().size() + " numbers");
      }
      targets = List.copyOf(targets);
    }

    /** A line whose numbers go to {@code fields} in order (a null field: that number is read past). */
    static Rule fields(Section section, long layouts, String format, VmcsField... fields) {
      return new Rule(section, new DumpTemplate(format),
          Arrays.stream(fields).map(field -> field == null ? Target.ignored() : Target.of(field)).toList(), layouts,
          null);
    }

    /** A line that holds no VMCS field: every number read past, the line always noted with {@code note}. */
    static Rule skipped(Section section, long layouts, String format, DumpProblem note) {
      DumpTemplate template = new DumpTemplate(format);
      return new Rule(section, template, java.util.Collections.nCopies(template.slots().size(), Target.ignored()),
          layouts, note);
    }
  }

  private final String name;
  private final String example;
  private final List<Layout> layouts;
  private final List<Rule> openers;
  private final List<Rule> rules;

  /**
   * @param name what the dumps are called in messages ({@code KVM dump_vmcs})
   * @param example a line of it, for the message when no line is found
   * @param layouts the layouts in the order the hypervisor printed them
   * @param openers lines that open a dump before its first section (a header), with the layouts that print
   *     them
   * @param rules every line shape
   */
  DumpDialect(String name, String example, List<Layout> layouts, List<Rule> openers, List<Rule> rules) {
    this.name = name;
    this.example = example;
    this.layouts = List.copyOf(layouts);
    this.openers = List.copyOf(openers);
    this.rules = List.copyOf(rules);
  }

  String name() {
    return name;
  }

  String example() {
    return example;
  }

  List<Rule> rules() {
    return rules;
  }

  List<Rule> openers() {
    return openers;
  }

  /** Every layout. */
  long allLayouts() {
    return (1L << layouts.size()) - 1;
  }

  /**
   * The layouts of a set as the versions that print them all: {@code Linux 5.13 to 5.18},
   * {@code Linux 5.19 and later}; {@code unknown} for none.
   */
  String describe(long set) {
    if (set == 0) {
      return "unknown";
    }
    Layout first = layouts.get(Long.numberOfTrailingZeros(set));
    Layout last = layouts.get(63 - Long.numberOfLeadingZeros(set));
    return first.from() + (last.to().equals("later") ? " and later" : " to " + last.to());
  }

  /** A bit set of layouts by index. */
  static long layouts(int... indexes) {
    return Arrays.stream(indexes).mapToLong(i -> 1L << i).reduce(0, (a, b) -> a | b);
  }

  /** The layouts from index {@code first} to {@code last}, both included. */
  static long range(int first, int last) {
    return ((1L << (last + 1)) - 1) & ~((1L << first) - 1);
  }
}
