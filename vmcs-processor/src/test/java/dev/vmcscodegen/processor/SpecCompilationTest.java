package dev.vmcscodegen.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vmcscodegen.processor.model.Message;
import dev.vmcscodegen.processor.model.Problem;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpecCompilationTest {

  private static final String CLEAN = "[guest natural] SDM Vol. 3D, B.4.3\nRIP 0x681E Guest RIP";

  private static List<Message> messages(SpecCompilation compilation) {
    return compilation.problems().stream().map(Problem::message).toList();
  }

  @Test
  void cleanSpecGeneratesItsEnumsAndCatalog() {
    SpecCompilation compilation = SpecCompilation.compile("t.spec", CLEAN, Optional.empty(), "p", "Vmcs");
    assertEquals(List.of(), compilation.problems());
    assertEquals(List.of("VmcsGuestNW", "VmcsFields", "VmcsEncodings"),
        compilation.files().stream().map(file -> file.typeSpec().name()).toList());
  }

  @Test
  void anyProblemOfAnyPhaseStopsGeneration() {
    // reader problem (malformed line 3) and check problem (reserved bit 12 on line 2) are both reported
    SpecCompilation compilation = SpecCompilation.compile("t.spec",
        "[guest natural] r\nRIP 0x781E Guest RIP\nRSP zz", Optional.empty(), "p", "Vmcs");
    assertEquals(List.of(Message.RESERVED_ENCODING_BITS, Message.MALFORMED_LINE), messages(compilation));
    assertEquals(List.of(), compilation.files());
  }

  @Test
  void extendingTheBaseChecksCollisions() {
    SpecCompilation compilation = SpecCompilation.compile("t.spec", CLEAN, Optional.of(CLEAN), "p", "Ext");
    assertEquals(List.of(Message.BASE_ENCODING_COLLISION, Message.BASE_NAME_COLLISION), messages(compilation));
  }

  @Test
  void prefixMustMakeJavaNames() {
    assertEquals(List.of(Message.INVALID_PREFIX),
        messages(SpecCompilation.compile("t.spec", CLEAN, Optional.empty(), "p", "my-prefix")));
    assertEquals(List.of(), SpecCompilation.compile("t.spec", CLEAN, Optional.empty(), "p", "").problems());
  }
}
