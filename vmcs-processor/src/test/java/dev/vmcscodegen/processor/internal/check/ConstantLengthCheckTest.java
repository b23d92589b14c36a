package dev.vmcscodegen.processor.internal.check;

import static dev.vmcscodegen.processor.internal.check.TestSpecs.rendered;
import static dev.vmcscodegen.processor.internal.check.TestSpecs.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
