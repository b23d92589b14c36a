package dev.vmcscodegen.runtime.capability;

import dev.vmcscodegen.problem.Problem;
import dev.vmcscodegen.problem.ProblemException;
import dev.vmcscodegen.problem.Problems;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a capability profile in one of three forms, told apart by its lines:
 * <ul>
 *   <li>a VirtualBox release log ({@code VBox.log}): every capability line of {@link VirtualBoxLogLine},
 *       whatever precedes it and whatever other lines there are;</li>
 *   <li>the output of QEMU's {@code vmxcap} ({@link VmxcapOutput}): its {@code Hex:} values; its decoded
 *       sections stay unknown;</li>
 *   <li>otherwise our own text form: one {@code MSR VALUE} pair a line, both hexadecimal ({@code 0x}
 *       optional), the MSR also by name ({@code IA32_VMX_BASIC}); {@code #} at the start of a line or after
 *       white space starts a comment; blank lines are ignored.</li>
 * </ul>
 * A line it cannot read is a warning and is skipped; the MSR presence rules then report what is missing
 * (a warning naming what it decides) and what cannot exist (a warning; ignored), and
 * {@link CapabilityRules} what contradicts the SDM. Only a profile without IA32_VMX_BASIC, or without any
 * line that reads, is an error.
 */
final class VmxCapabilitiesParser {

  private static final Pattern HEX = Pattern.compile("(?:0[xX])?[0-9a-fA-F]{1,16}");
  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

  /** The MSR values read and every problem found. */
  record Result(Map<VmxCapabilityMsr, Long> values, Problems problems) {}

  private VmxCapabilitiesParser() {}

  /**
   * Reads a profile strictly, as before profiles degraded: the problems of the lines if any, else the
   * presence problems of their values ({@link MsrPresence#problems}); no SDM contradictions.
   *
   * @throws ProblemException with those problems, if any
   */
  static Map<VmxCapabilityMsr, Long> parseStrict(String text, String file) {
    Reading reading = read(text, file);
    if (reading.problems.isEmpty()) {
      reading.problems.addAll(MsrPresence.problems(reading.values, reading.lines, file));
    }
    if (!reading.problems.isEmpty()) {
      throw new ProblemException(reading.problems.list());
    }
    return reading.values;
  }

  /**
   * Reads a profile's lines.
   *
   * @param file the name problems carry ({@code FILE:LINE})
   */
  static Result parse(String text, String file) {
    return read(text, file).finish();
  }

  private static Reading read(String text, String file) {
    String[] textLines = text.split("\r?\n|\r", -1);
    Reading reading = new Reading(file);
    if (VirtualBoxLogLine.isLog(textLines)) {
      for (int index = 0; index < textLines.length; index++) {
        reading.virtualBoxLine(textLines[index], index + 1);
      }
    } else if (VmxcapOutput.isOutput(textLines)) {
      VmxcapOutput.read(textLines, reading);
    } else {
      for (int index = 0; index < textLines.length; index++) {
        reading.profileLine(textLines[index], index + 1);
      }
    }
    return reading;
  }

  /** The MSR values of {@code values} that the presence rules keep, with their problems and the SDM's. */
  static Result check(Map<VmxCapabilityMsr, Long> values, Map<VmxCapabilityMsr, Integer> lines, String file,
      Problems problems, Set<VmxCapabilityMsr> unsettled) {
    Map<VmxCapabilityMsr, Long> kept = new EnumMap<>(VmxCapabilityMsr.class);
    if (!values.containsKey(VmxCapabilityMsr.IA32_VMX_BASIC)) {
      problems.add(values.isEmpty() && unsettled.isEmpty()
          ? CapabilityProblem.NOTHING_READ.at(file, 0, "")
          : CapabilityProblem.NO_BASIC.at(file, 0, ""));
      return new Result(kept, problems);
    }
    for (VmxCapabilityMsr msr : VmxCapabilityMsr.values()) {
      MsrPresence.Status status = MsrPresence.status(msr, kept);
      Long value = values.get(msr);
      if (value != null && status == MsrPresence.Status.ABSENT) {
        problems.add(MsrPresence.impossible(msr, lines.getOrDefault(msr, 0), file));
      } else if (value != null) {
        kept.put(msr, value);
      } else if (status == MsrPresence.Status.EXISTS && !unsettled.contains(msr)) {
        problems.add(MsrPresence.missing(msr, kept, file));
      }
    }
    problems.addAll(CapabilityRules.problems(kept, lines, file));
    return new Result(kept, problems);
  }

  /**
   * The state of one reading: values, their lines, the MSRs left unknown with a warning of their own
   * (given two values, or printed without one), the problems.
   */
  static final class Reading {
    private final String file;
    private final Map<VmxCapabilityMsr, Long> values = new EnumMap<>(VmxCapabilityMsr.class);
    private final Map<VmxCapabilityMsr, Integer> lines = new EnumMap<>(VmxCapabilityMsr.class);
    private final Set<VmxCapabilityMsr> unsettled = EnumSet.noneOf(VmxCapabilityMsr.class);
    private final Problems problems = new Problems();

    Reading(String file) {
      this.file = file;
    }

    /** The name problems carry. */
    String file() {
      return file;
    }

    void profileLine(String text, int line) {
      String content = stripComment(text).strip();
      if (content.isEmpty()) {
        return;
      }
      String[] tokens = WHITE_SPACE.split(content);
      if (tokens.length != 2) {
        problems.add(CapabilityProblem.MALFORMED_LINE.at(file, line, "", tokens.length, Problem.excerpt(content)));
        return;
      }
      Optional<VmxCapabilityMsr> msr = msr(tokens[0]);
      if (msr.isEmpty()) {
        problems.add(CapabilityProblem.UNKNOWN_MSR.at(file, line, "", Problem.excerpt(tokens[0])));
        return;
      }
      value(msr.get(), tokens[1], line);
    }

    void virtualBoxLine(String text, int line) {
      VirtualBoxLogLine.of(text).ifPresent(logged -> logged.msr().ifPresentOrElse(
          msr -> value(msr, logged.value(), line),
          () -> problems.add(CapabilityProblem.UNKNOWN_MSR.at(file, line, "", Problem.excerpt(logged.loggedName())))));
    }

    /** {@code msrs} are unknown for the reason {@code problem} gives, whatever else the input says. */
    void unsettled(List<VmxCapabilityMsr> msrs, Problem problem) {
      problems.add(problem);
      for (VmxCapabilityMsr msr : msrs) {
        values.remove(msr);
        unsettled.add(msr);
      }
    }

    /** Reads {@code token} as the value of {@code msr}, given at {@code line}. */
    void value(VmxCapabilityMsr msr, String token, int line) {
      if (!HEX.matcher(token).matches()) {
        problems.add(CapabilityProblem.BAD_NUMBER.at(file, line, msr.describe(), Problem.excerpt(token)));
        return;
      }
      long value = Long.parseUnsignedLong(withoutPrefix(token), 16);
      if (unsettled.contains(msr)) {
        return;
      }
      Long first = values.get(msr);
      if (first == null) {
        values.put(msr, value);
        lines.put(msr, line);
      } else if (first != value) {
        problems.add(CapabilityProblem.CONFLICTING_MSR.at(file, line, msr.describe(), hex(first), lines.get(msr),
            hex(value)));
        values.remove(msr);
        unsettled.add(msr);
      }
    }

    Result finish() {
      return check(values, lines, file, problems, unsettled);
    }
  }

  private static String hex(long value) {
    return "0x" + Long.toHexString(value);
  }

  private static String stripComment(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  private static Optional<VmxCapabilityMsr> msr(String token) {
    if (HEX.matcher(token).matches()) {
      long address = Long.parseUnsignedLong(withoutPrefix(token), 16);
      return address > Integer.MAX_VALUE ? Optional.empty() : VmxCapabilityMsr.fromAddress((int) address);
    }
    return byName(token.toUpperCase(Locale.ROOT));
  }

  private static Optional<VmxCapabilityMsr> byName(String name) {
    try {
      return Optional.of(VmxCapabilityMsr.valueOf(name));
    } catch (IllegalArgumentException notAName) {
      return Optional.empty();
    }
  }

  private static String withoutPrefix(String hex) {
    return hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
  }
}
