package dev.vmcscodegen.runtime.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Quoted-printable lines (RFC 2045 6.7: "=XX" is the octet XX, a final '=' a soft line break). */
class MailLinesTest {

  private static List<String> lines(String text) {
    MailLines lines = new MailLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "mail.txt");
    List<String> out = new ArrayList<>();
    for (String line = lines.next(); line != null; line = lines.next()) {
      out.add(lines.number() + ":" + line);
    }
    assertNull(lines.next());
    return out;
  }

  @Test
  void escapesAreOctetsOfUtf8AndSoftBreaksJoinLines() {
    // "=3D" is '=' (0x3D); "=C2=A0" the UTF-8 octets of U+00A0; a line ending in '=' goes on on the next.
    assertEquals(List.of("1:(XEN) RSP = 0xffff960c962d1af8\u00A0 RIP =", "2:0xfffff80676dc29d0",
        "3:CR0: actual=0x30, shadow=0x60000010", "5:done"),
        lines("(XEN) RSP =3D 0xffff960c962d1af8=C2=A0 RIP =3D\n0xfffff80676dc29d0\nCR0: actual=3D0x30, =\n"
            + "shadow=3D0x60000010\ndone\n"));
  }

  @Test
  void linesWithoutAnEncodedEqualsSignOrNoBreakSpaceAreLeftAlone() {
    // A hypervisor's own '=' followed by two hex digits ("CS=0010", "=e0"), and a line a mailer broke after
    // "DR7 =": plain text, not quoted-printable.
    assertEquals(List.of("1:CS=0010 SS=0018 TR=e040", "2:RFLAGS=0x00000187 (0x00000187)  DR7 =",
        "3:0x0000000000000400"),
        lines("CS=0010 SS=0018 TR=e040\nRFLAGS=0x00000187 (0x00000187)  DR7 =\n0x0000000000000400\n"));
  }

  @Test
  void aSoftBreakInsideAnEscapeAndAtTheEndOfTheTextAreJoined() {
    // "=C2=" / "=A0": the break falls between the two octets of one character.
    assertEquals(List.of("1:GDTR:\u00A0\u00A0 00000057"), lines("GDTR:=C2=A0=C2=\n=A0 00000057"));
    assertEquals(List.of("1:x = 1"), lines("x =3D 1="));
  }
}
