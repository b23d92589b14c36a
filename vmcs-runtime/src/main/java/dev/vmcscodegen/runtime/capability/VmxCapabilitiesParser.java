package dev.vmcscodegen.runtime.capability;

import dev.vmcscodegen.problem.Problem;
import dev.vmcscodegen.problem.Problems;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the text form of a capability profile: one {@code MSR VALUE} pair a line, both hexadecimal
 * ({@code 0x} optional), the MSR also by name ({@code IA32_VMX_BASIC}); {@code #} at the start of a line
 * or after white space starts a comment; blank lines are ignored. Reports every problem of the lines at
 * once, each with its line and a {@link CapabilityProblem} id; the MSR presence rules are checked when
 * every line could be read.
 */
final class VmxCapabilitiesParser {

  private static final Pattern HEX = Pattern.compile("(?:0[xX])?[0-9a-fA-F]{1,16}");
  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

  private VmxCapabilitiesParser() {}

  /**
   * Parses a profile.
   *
   * @param file the name problems carry ({@code FILE:LINE})
   * @throws dev.vmcscodegen.problem.ProblemException with every problem
   */
  static VmxCapabilities parse(String text, String file) {
    Map<VmxCapabilityMsr, Long> values = new EnumMap<>(VmxCapabilityMsr.class);
    Map<VmxCapabilityMsr, Integer> lines = new EnumMap<>(VmxCapabilityMsr.class);
    Problems problems = new Problems();
    String[] textLines = text.split("\r?\n|\r", -1);
    for (int index = 0; index < textLines.length; index++) {
      int line = index + 1;
      String content = stripComment(textLines[index]).strip();
      if (content.isEmpty()) {
        continue;
      }
      String[] tokens = WHITE_SPACE.split(content);
      if (tokens.length != 2) {
        problems.add(CapabilityProblem.MALFORMED_LINE.at(file, line, "", tokens.length, Problem.excerpt(content)));
        continue;
      }
      Optional<VmxCapabilityMsr> msr = msr(tokens[0]);
      if (msr.isEmpty()) {
        problems.add(CapabilityProblem.UNKNOWN_MSR.at(file, line, "", Problem.excerpt(tokens[0])));
        continue;
      }
      if (!HEX.matcher(tokens[1]).matches()) {
        problems.add(CapabilityProblem.BAD_NUMBER.at(file, line, msr.get().describe(), Problem.excerpt(tokens[1])));
        continue;
      }
      Integer first = lines.putIfAbsent(msr.get(), line);
      if (first != null) {
        problems.add(CapabilityProblem.DUPLICATE_MSR.at(file, line, msr.get().describe(), first));
        continue;
      }
      values.put(msr.get(), Long.parseUnsignedLong(withoutPrefix(tokens[1]), 16));
    }
    if (problems.isEmpty()) {
      problems.addAll(MsrPresence.problems(values, lines, file));
    }
    problems.throwIfErrors();
    return VmxCapabilities.ofChecked(values);
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
    try {
      return Optional.of(VmxCapabilityMsr.valueOf(token.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException notAName) {
      return Optional.empty();
    }
  }

  private static String withoutPrefix(String hex) {
    return hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
  }
}
