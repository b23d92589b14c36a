package dev.vmcscodegen.processor.internal.check;

import static dev.vmcscodegen.processor.internal.check.TestSpecs.rendered;
import static dev.vmcscodegen.processor.internal.check.TestSpecs.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class JavaNameCheckTest {

  private final JavaNameCheck check = new JavaNameCheck();

  @Test
  void identifiersPass() {
    for (String name : List.of("RIP", "IA32_EFER", "PDPTE0", "_X", "CR3_TARGET_VALUE_0", "$X", "ÉCHO")) {
      assertTrue(JavaNameCheck.isJavaName(name), name);
    }
  }

  @Test
  void nonIdentifiersKeywordsAndLiteralsFail() {
    for (String name : List.of("0X", "A-B", "A.B", "class", "enum", "_", "true", "null", "", "goto", "A\u00A0B")) {
      assertFalse(JavaNameCheck.isJavaName(name), name);
    }
  }

  @Test
  void reportsTheName() {
    assertEquals(List.of("t.spec:2: [VmcsInvalidName] field class: \"class\": a field name must be a Java"
            + " identifier that is not a keyword, nor a field the generated enum declares (encoding, doc,"
            + " sdmReference)"),
        rendered(check.check(spec("[guest 16] r", "class 0x0800 d"))));
  }

  @Test
  void namesOfTheGeneratedEnumsOwnFieldsFail() {
    // a constant named encoding would clash with the enum's private field of that name
    for (String name : JavaNameCheck.GENERATED_FIELDS) {
      assertEquals(1, check.check(spec("[guest 16] r", name + " 0x0800 d")).size(), name);
    }
    assertEquals(List.of(), check.check(spec("[guest 16] r", "ENCODING 0x0800 d")));
  }

  @Test
  void namesWithCodePointsJavacIgnoresFail() {
    // JLS 3.8: U+200B and U+00AD are identifier-ignorable; javac would see ES\u200B_SELECTOR as ES_SELECTOR.
    assertEquals(List.of("t.spec:2: [VmcsIgnorableInName] field ES\u200B_SELECTOR: \"ES\u200B_SELECTOR\" contains"
            + " U+200B, which javac ignores in identifiers, so names differing only by it are one name; remove it"
            + " (JLS 3.8, Character.isIdentifierIgnorable)"),
        rendered(check.check(spec("[guest 16] r", "ES\u200B_SELECTOR 0x0800 d"))));
    assertEquals(1, check.check(spec("[guest 16] r", "E\u00ADS 0x0800 d")).size());
  }
}
