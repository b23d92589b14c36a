package dev.vmcscodegen.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.problem.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Generation} without Maven: when it regenerates, what it writes, keeps and deletes. */
class GenerationTest {

  /** Two groups; encodings per SDM Vol. 3C 25.11.2, Table 25-21 (index 0x1F0, no base field). */
  private static final String TWO_GROUPS = """
      [control 16]   Vendor (SDM Vol. 3C 25.11.2)
      VENDOR_SELECT   0x03E0  Vendor select word
      [guest 32]     Vendor (SDM Vol. 3C 25.11.2)
      VENDOR_STATE    0x4BE0  Vendor state word
      """;
  private static final String ONE_GROUP = TWO_GROUPS.substring(0, TWO_GROUPS.indexOf("[guest 32]"));
  private static final String CONTROL = "com/example/ExtControl16.java";
  private static final String GUEST = "com/example/ExtGuest32.java";

  @TempDir Path dir;

  private Generation generation(String identity) {
    return new Generation(dir.resolve("gen"), dir.resolve("classes"), dir.resolve("state/default.state"), identity);
  }

  private static List<SpecInput> spec(String text) {
    return List.of(SpecInput.read("vendor.spec", text, "com.example", "Ext", true));
  }

  @Nested
  class FirstRun {
    @Test
    void writesOneSourcePerGroupPlusCatalogAndConstantsAndRemembersThem() throws IOException {
      Generation.Outcome outcome = generation("p1").run(spec(TWO_GROUPS));
      assertEquals(List.of(), outcome.problems());
      assertFalse(outcome.upToDate());
      assertEquals(List.of(CONTROL, GUEST, "com/example/ExtFields.java", "com/example/ExtEncodings.java"),
          outcome.written());
      assertTrue(Files.readString(dir.resolve("gen").resolve(GUEST)).contains("VENDOR_STATE("));
      GenerationState state = GenerationState.read(dir.resolve("state/default.state")).orElseThrow();
      assertEquals(outcome.written(), state.outputs());
    }
  }

  @Nested
  class NextRuns {
    @Test
    void sameInputsAreUpToDateAndTouchNothing() throws IOException {
      generation("p1").run(spec(TWO_GROUPS));
      Files.writeString(dir.resolve("gen").resolve(GUEST), "edited by hand");
      Generation.Outcome again = generation("p1").run(spec(TWO_GROUPS));
      assertTrue(again.upToDate());
      assertEquals(4, again.unchanged().size());
      assertEquals("edited by hand", Files.readString(dir.resolve("gen").resolve(GUEST)));
    }

    @Test
    void aDeletedOutputRegeneratesEvenWithSameInputs() throws IOException {
      generation("p1").run(spec(TWO_GROUPS));
      Files.delete(dir.resolve("gen").resolve(GUEST));
      Generation.Outcome again = generation("p1").run(spec(TWO_GROUPS));
      assertFalse(again.upToDate());
      assertEquals(List.of(GUEST), again.written());
      assertEquals(3, again.unchanged().size());
    }

    @Test
    void anotherPluginIdentityRegeneratesKeepingEqualFilesUntouched() throws IOException {
      generation("p1").run(spec(TWO_GROUPS));
      Generation.Outcome again = generation("p2").run(spec(TWO_GROUPS));
      assertFalse(again.upToDate());
      assertEquals(List.of(), again.written());
      assertEquals(4, again.unchanged().size());
    }

    @Test
    void aRemovedGroupLosesItsSourceAndClasses() throws IOException {
      generation("p1").run(spec(TWO_GROUPS));
      Path classes = Files.createDirectories(dir.resolve("classes/com/example"));
      for (String name : List.of("ExtGuest32.class", "ExtGuest32$1.class", "ExtGuest32x.class", "ExtControl16.class")) {
        Files.writeString(classes.resolve(name), "");
      }
      Generation.Outcome outcome = generation("p1").run(spec(ONE_GROUP));
      assertEquals(List.of(GUEST), outcome.removed());
      assertFalse(Files.exists(dir.resolve("gen").resolve(GUEST)));
      assertFalse(Files.exists(classes.resolve("ExtGuest32.class")));
      assertFalse(Files.exists(classes.resolve("ExtGuest32$1.class")));
      assertTrue(Files.exists(classes.resolve("ExtGuest32x.class")), "another type's class stays");
      assertTrue(Files.exists(classes.resolve("ExtControl16.class")));
      assertEquals(List.of(CONTROL), outcome.unchanged());
    }

    @Test
    void aRemovedGroupWithoutClassesYetIsStillRemoved() throws IOException {
      generation("p1").run(spec(TWO_GROUPS));
      assertEquals(List.of(GUEST), generation("p1").run(spec(ONE_GROUP)).removed());
    }
  }

  @Nested
  class Problems {
    @Test
    void aBrokenSpecWritesNothingReportsEveryLineAndForgetsTheState() throws IOException {
      generation("p1").run(spec(TWO_GROUPS));
      String broken = TWO_GROUPS.replace("0x4BE0", "0x4BE1").replace("0x03E0", "0x13E0");
      Generation.Outcome outcome = generation("p1").run(spec(broken));
      assertEquals(List.of(2, 4), outcome.problems().stream().map(Problem::line).toList());
      assertEquals("vendor.spec:4: [VmcsHighAccessEncoding] field VENDOR_STATE: encoding 0x4BE1 has access type"
          + " bit 0 set (the high half of a 64-bit field); list the full-access encoding 0x4BE0, the high half"
          + " follows from it (SDM Vol. 3C 25.11.2 / Table 25-21)", outcome.problems().get(1).render());
      assertFalse(Files.exists(dir.resolve("state/default.state")));
      assertTrue(Files.readString(dir.resolve("gen").resolve(GUEST)).contains("0x4BE0"), "old output kept");
      assertFalse(generation("p1").run(spec(TWO_GROUPS)).upToDate(), "the fixed spec is checked again");
    }

    @Test
    void anUnreadableSpecIsAProblemAtItsName() throws IOException {
      Generation.Outcome outcome = generation("p1").run(List.of(
          SpecInput.load(dir.resolve("missing.spec"), "/p/missing.spec", "com.example", "Ext", false)));
      assertEquals(List.of("/p/missing.spec: [VmcsSpecUnreadable] cannot read spec file /p/missing.spec: no such file"),
          outcome.problems().stream().map(Problem::render).toList());
    }

    @Test
    void aByteOrderMarkIsNoPartOfTheSpec() throws IOException {
      // EF BB BF: U+FEFF in UTF-8, what an editor's "UTF-8 with BOM" writes first (Unicode 15, section 23.8).
      Path file = dir.resolve("bom.spec");
      Files.write(file, ("\uFEFF" + TWO_GROUPS).getBytes(StandardCharsets.UTF_8));
      Generation.Outcome outcome = generation("p1").run(List.of(
          SpecInput.load(file, "bom.spec", "com.example", "Ext", true)));
      assertEquals(List.of(), outcome.problems());
      assertEquals(4, outcome.written().size());
    }

    @Test
    void aSpecThatIsNotUtf8IsAProblemAtItsLineAndByte() throws IOException {
      // Latin-1 writes é as the one byte 0xE9, which in UTF-8 starts a three-byte sequence that "l" (0x6C)
      // cannot continue (RFC 3629, section 3): line 2, byte 33 of the line, byte 44 + 33 = 77 of the file.
      Path file = dir.resolve("latin1.spec");
      Files.write(file, TWO_GROUPS.replace("select", "s\u00e9lect").getBytes(StandardCharsets.ISO_8859_1));
      Generation.Outcome outcome = generation("p1").run(List.of(
          SpecInput.load(file, "latin1.spec", "com.example", "Ext", true)));
      assertEquals(List.of("latin1.spec:2: [InputNotUtf8] byte 33 of the line (byte 77 of the file) is not UTF-8:"
          + " 0xE9"), outcome.problems().stream().map(Problem::render).toList());
      assertFalse(Files.exists(dir.resolve("gen")), "nothing generated");
    }

    @Test
    void failureMessageListsEveryProblemOnItsOwnLine() throws IOException {
      Generation.Outcome outcome = generation("p1").run(spec(TWO_GROUPS.replace("0x4BE0", "0x4BE1")));
      String message = GenerateMojo.failureMessage(outcome.problems());
      assertTrue(message.startsWith("1 problem in VMCS spec files; nothing generated:" + System.lineSeparator()
          + "vendor.spec:4: [VmcsHighAccessEncoding] field VENDOR_STATE:"), message);
    }
  }

  @Nested
  class InputHash {
    @Test
    void changesWithEveryInputPart() {
      Generation base = generation("p1");
      String hash = base.inputHash(spec(TWO_GROUPS));
      assertEquals(64, hash.length());
      assertEquals(hash, generation("p1").inputHash(spec(TWO_GROUPS)));
      assertNotEquals(hash, generation("p2").inputHash(spec(TWO_GROUPS)));
      assertNotEquals(hash, base.inputHash(spec(ONE_GROUP)));
      assertNotEquals(hash, base.inputHash(List.of(SpecInput.read("vendor.spec", TWO_GROUPS, "com.other", "Ext", true))));
      assertNotEquals(hash, base.inputHash(List.of(SpecInput.read("vendor.spec", TWO_GROUPS, "com.example", "Own", true))));
      assertNotEquals(hash, base.inputHash(List.of(SpecInput.read("vendor.spec", TWO_GROUPS, "com.example", "Ext", false))));
      assertNotEquals(hash, base.inputHash(List.of(SpecInput.read("other.spec", TWO_GROUPS, "com.example", "Ext", true))));
      assertNotEquals(hash, new Generation(dir.resolve("gen2"), dir, dir.resolve("s"), "p1").inputHash(spec(TWO_GROUPS)));
    }
  }

  @Nested
  class StateFile {
    @Test
    void roundTripsAndIgnoresWhatItDidNotWrite() throws IOException {
      Path file = dir.resolve("a/b.state");
      new GenerationState("abc", List.of("x/Y.java", "Z.java")).write(file);
      assertEquals(Optional.of(new GenerationState("abc", List.of("x/Y.java", "Z.java"))), GenerationState.read(file));
      Files.writeString(file, "something else\n", StandardCharsets.UTF_8);
      assertEquals(Optional.empty(), GenerationState.read(file));
      assertEquals(Optional.empty(), GenerationState.read(dir.resolve("none.state")));
    }

    @Test
    void specInputHasContentOrAReasonNeverBoth() {
      List<Problem> why = List.of(dev.vmcscodegen.processor.SpecCompiler.unreadable("s", "why"));
      assertThrows(IllegalArgumentException.class, () -> new SpecInput("s", "text", why, "p", "V", false));
      assertThrows(IllegalArgumentException.class, () -> new SpecInput("s", null, List.of(), "p", "V", false));
    }
  }
}
