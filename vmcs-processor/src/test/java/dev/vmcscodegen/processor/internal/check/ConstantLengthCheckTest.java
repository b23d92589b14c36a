package dev.vmcscodegen.processor.internal.check;

import static dev.vmcscodegen.processor.internal.check.TestSpecs.rendered;
import static dev.vmcscodegen.processor.internal.check.TestSpecs.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** JVMS 4.4.7: a CONSTANT_Utf8_info's length is a u2, so a string constant holds at most 65535 bytes. */
class ConstantLengthCheckTest {

  private final ConstantLengthCheck check = new ConstantLengthCheck();

  @Test
  void aDocOfExactly65535BytesFitsAndOneMoreDoesNot() {
    assertEquals(List.of(), check.check(spec("[guest 16] r", "ES_SELECTOR 0x0800 " + "d".repeat(65_535))));
    assertEquals(List.of("t.spec:2: [VmcsConstantTooLong] field ES_SELECTOR: the doc is 65536 bytes as a"
            + " class-file constant (modified UTF-8); at most 65535 fit (JVMS 4.4.7)"),
        rendered(check.check(spec("[guest 16] r", "ES_SELECTOR 0x0800 " + "d".repeat(65_536)))));
  }

  @Test
  void bytesAreCountedInModifiedUtf8() {
    // JVMS 4.4.7: U+0000 takes 2 bytes, U+0080..U+07FF 2, U+0800..U+FFFF 3 (a supplementary character is
    // two surrogates of 3 bytes each).
    assertEquals(1, ConstantLengthCheck.modifiedUtf8Length("a"));
    assertEquals(2, ConstantLengthCheck.modifiedUtf8Length("\u0000"));
    assertEquals(2, ConstantLengthCheck.modifiedUtf8Length("\u00E9"));
    assertEquals(3, ConstantLengthCheck.modifiedUtf8Length("\u20AC"));
    assertEquals(6, ConstantLengthCheck.modifiedUtf8Length("\uD83D\uDE00"));
    // 21,846 euro signs are 65,538 bytes although only 21,846 characters.
    assertEquals(1, check.check(spec("[guest 16] r", "ES_SELECTOR 0x0800 " + "\u20AC".repeat(21_846))).size());
  }

  @Test
  void theEdgesOfEachByteCountAreWhereJvmsPutsThem() {
    // JVMS 4.4.7: U+0001..U+007F one byte; U+0000 and U+0080..U+07FF two; U+0800..U+FFFF three
    assertEquals(1, ConstantLengthCheck.modifiedUtf8Length("\u0001"));
    assertEquals(1, ConstantLengthCheck.modifiedUtf8Length("\u007F"));
    assertEquals(2, ConstantLengthCheck.modifiedUtf8Length("\u0080"));
    assertEquals(2, ConstantLengthCheck.modifiedUtf8Length("\u07FF"));
    assertEquals(3, ConstantLengthCheck.modifiedUtf8Length("\u0800"));
  }

  @Test
  void theNameAndTheSdmReferenceAreConstantsToo() {
    // each becomes a string constant of the generated enum (its name, its sdmReference())
    List<String> name = rendered(check.check(spec("[guest 16] r", "A".repeat(65_536) + " 0x0800 d")));
    assertEquals(1, name.size());
    assertTrue(name.get(0).contains("the name is 65536 bytes"), name.get(0));
    List<String> reference = rendered(check.check(spec("[guest 16] r", "ES_SELECTOR 0x0800 d | " + "S".repeat(65_536))));
    assertEquals(1, reference.size());
    assertTrue(reference.get(0).contains("the SDM reference is 65536 bytes"), reference.get(0));
  }
}
