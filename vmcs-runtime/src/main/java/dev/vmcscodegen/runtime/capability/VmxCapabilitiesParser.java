package dev.vmcscodegen.runtime.capability;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the text form of a capability profile: one {@code MSR VALUE} pair a line, both hexadecimal
 * ({@code 0x} optional), the MSR also by name ({@code IA32_VMX_BASIC}); {@code #} at the start of a line
 * or after white space starts a comment; blank lines are ignored. Reports every problem with its line.
 */
final class VmxCapabilitiesParser {

  private static final Pattern HEX = Pattern.compile("(?:0[xX])?[0-9a-fA-F]{1,16}");
  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

  private VmxCapabilitiesParser() {}

  static VmxCapabilities parse(String text, String source) {
    Map<VmxCapabilityMsr, Long> values = new EnumMap<>(VmxCapabilityMsr.class);
    Map<VmxCapabilityMsr, Integer> lines = new EnumMap<>(VmxCapabilityMsr.class);
    List<VmxCapabilitiesException.Problem> problems = new ArrayList<>();
    String[] textLines = text.split("\r?\n|\r", -1);
    for (int index = 0; index < textLines.length; index++) {
      int line = index + 1;
      String content = stripComment(textLines[index]).strip();
      if (content.isEmpty()) {
        continue;
      }
      String[] tokens = WHITE_SPACE.split(content);
      if (tokens.length != 2) {
        problems.add(new VmxCapabilitiesException.Problem(line,
            "expected 'MSR VALUE' (two hexadecimal numbers), found " + tokens.length + " fields: '" + content + "'"));
        continue;
      }
      Optional<VmxCapabilityMsr> msr = msr(tokens[0]);
      if (msr.isEmpty()) {
        problems.add(new VmxCapabilitiesException.Problem(line, "'" + tokens[0]
            + "' is not a VMX capability MSR (0x480 to 0x493, or a name such as IA32_VMX_BASIC; SDM Vol. 3D Appendix A)"));
        continue;
      }
      if (!HEX.matcher(tokens[1]).matches()) {
        problems.add(new VmxCapabilitiesException.Problem(line, "value '" + tokens[1] + "' of "
            + msr.get().describe() + " is not a hexadecimal number of 1 to 16 digits"));
        continue;
      }
      Integer first = lines.putIfAbsent(msr.get(), line);
      if (first != null) {
        problems.add(new VmxCapabilitiesException.Problem(line,
            msr.get().describe() + " is listed twice (first on line " + first + ")"));
        continue;
      }
      values.put(msr.get(), Long.parseUnsignedLong(withoutPrefix(tokens[1]), 16));
    }
    if (problems.isEmpty()) {
      problems.addAll(MsrPresence.problems(values, lines));
    }
    if (!problems.isEmpty()) {
      List<VmxCapabilitiesException.Problem> sorted = new ArrayList<>(problems);
      sorted.sort((a, b) -> Integer.compare(a.line() == 0 ? Integer.MAX_VALUE : a.line(),
          b.line() == 0 ? Integer.MAX_VALUE : b.line()));
      throw new VmxCapabilitiesException(source, sorted);
    }
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
