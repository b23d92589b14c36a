package dev.vmcscodegen.runtime.capability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.problem.Problem;
import dev.vmcscodegen.problem.ProblemException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VmxCapabilitiesParserFuzzTest {

  private static final List<String> TOKENS = List.of("0x480", "480", "IA32_VMX_BASIC", "ia32_vmx_misc", "0x493",
      "0x494", "0x47F", "0xFFFFFFFFFFFFFFFF", "0x1FFFFFFFFFFFFFFFF", "0x", "#", "# c", "zz", "-1", "0x00DA040000000004",
      "\t", "  ", "0X48b", "0x48A#x");

  @Test
  void anyTextParsesOrFailsWithLineNumberedProblems() {
    String sample = VmxCapabilities.sample().toProfileText();
    List<String> sampleLines = sample.lines().toList();
    Random random = new Random(0xF022_0480L);
    for (int round = 0; round < 2_000; round++) {
      StringBuilder text = new StringBuilder();
      int lines = random.nextInt(25);
      for (int line = 0; line < lines; line++) {
        if (random.nextInt(3) == 0) {
          text.append(sampleLines.get(random.nextInt(sampleLines.size())));
        } else {
          int tokens = random.nextInt(4);
          for (int token = 0; token < tokens; token++) {
            text.append(TOKENS.get(random.nextInt(TOKENS.size()))).append(random.nextBoolean() ? " " : "");
          }
        }
        text.append(random.nextInt(5) == 0 ? "\r\n" : "\n");
      }
      try {
        VmxCapabilities caps = VmxCapabilities.parse(text.toString());
        assertEquals(caps, VmxCapabilities.parse(caps.toProfileText()));
      } catch (ProblemException e) {
        assertFalse(e.problems().isEmpty());
        for (Problem problem : e.problems()) {
          assertTrue(problem.kind() instanceof CapabilityProblem, problem::render);
          assertTrue(problem.line() <= lines, () -> problem + " beyond the text's " + lines + " lines");
        }
      }
    }
  }
}
