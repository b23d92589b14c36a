package dev.vmcscodegen.processor.internal.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpecLineTest {

  @Test
  void splitsAtEveryLineTerminatorAndNumbersFromOne() {
    List<SpecLine> lines = SpecLine.split("a\nb\r\nc\rd");
    assertEquals(List.of(new SpecLine(1, "a"), new SpecLine(2, "b"), new SpecLine(3, "c"), new SpecLine(4, "d")),
        lines);
  }

  @Test
  void finalTerminatorStartsNoLineButBlankLinesCount() {
    assertEquals(List.of(new SpecLine(1, "a"), new SpecLine(2, ""), new SpecLine(3, "b")),
        SpecLine.split("a\n\nb\n"));
    assertEquals(List.of(), SpecLine.split(""));
  }

  @Test
  void commentStartsAtLineStartOrAfterWhiteSpace() {
    assertEquals("", new SpecLine(1, "# all comment").withoutComment());
    assertEquals("RIP 0x681E Guest RIP ", new SpecLine(1, "RIP 0x681E Guest RIP # note").withoutComment());
    assertEquals("RIP 0x681E Guest\t", new SpecLine(1, "RIP 0x681E Guest\t#tab").withoutComment());
  }

  @Test
  void hashInsideAWordIsText() {
    assertEquals("X 0x0 C# and a#b", new SpecLine(1, "X 0x0 C# and a#b").withoutComment());
    assertEquals("X 0x0 C# and ", new SpecLine(1, "X 0x0 C# and #1").withoutComment());
    assertEquals("X 0x0 C#", new SpecLine(1, "X 0x0 C#").withoutComment());
  }
}
