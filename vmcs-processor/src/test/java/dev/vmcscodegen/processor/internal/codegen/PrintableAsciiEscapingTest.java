package dev.vmcscodegen.processor.internal.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The printable-ASCII boundaries of the two escapers: 0x1F and 0x7F are control characters (escaped),
 * 0x20 (space) and 0x7E (tilde) are printable (kept), 0x80 is the first non-ASCII character.
 */
class PrintableAsciiEscapingTest {

  @Test
  void javadocKeepsSpaceAndTildeAndEscapesTheControlCharactersAroundThem() {
    assertEquals("&#x1F; ~&#x7F;&#x80;", Javadoc.escape("\u001F ~\u007F\u0080"));
  }

  @Test
  void javadocWritesEachBraceAsItsOwnCharacterReference() {
    // HTML character references: 123 is '{', 125 is '}' (so no inline tag such as {@code can start)
    assertEquals("&#123;&#125;", Javadoc.escape("{}"));
  }

  @Test
  void literalKeepsSpaceAndTildeAndEscapesTheControlCharactersAroundThem() {
    // JLS 3.10.7: octal escapes for the control characters, a unicode escape beyond ASCII
    assertEquals("\"\\037 ~\\177\\u0080\"", Literals.string("\u001F ~\u007F\u0080"));
  }

  @Test
  void literalEscapesQuoteBackslashAndTab() {
    assertEquals("\"a\\\"b\\\\c\\td\"", Literals.string("a\"b\\c\td"));
  }
}
