package dev.vmcscodegen.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.encoding.VmcsCategory;
import dev.vmcscodegen.encoding.VmcsWidth;
import dev.vmcscodegen.problem.Problem;
import dev.vmcscodegen.problem.ProblemKind;
import dev.vmcscodegen.processor.internal.model.Message;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The façade every caller goes through: javac's processor, the CLI, tools. */
class SpecCompilerTest {

  private static final String CLEAN = "[guest natural] SDM Vol. 3D, B.4.3\nRIP 0x681E Guest RIP";

  private static List<ProblemKind> kinds(SpecCompilation compilation) {
    return compilation.problems().stream().map(Problem::kind).toList();
  }

  @Test
  void cleanSpecGeneratesItsEnumsCatalogAndEncodings() {
    SpecCompilation compilation = SpecCompiler.compile("t.spec", CLEAN, false, "p", "Vmcs");
    assertTrue(compilation.succeeded());
    assertEquals(List.of("p.VmcsGuestNW", "p.VmcsFields", "p.VmcsEncodings"),
        compilation.sources().stream().map(GeneratedSource::qualifiedName).toList());
    assertTrue(compilation.sources().get(0).text().startsWith("package p;"));
    assertEquals(List.of("VmcsEncodings"), SpecCompiler.compile("t.spec", CLEAN, false, "", "Vmcs").sources()
        .stream().map(GeneratedSource::qualifiedName).filter(name -> name.endsWith("Encodings")).toList());
  }

  @Test
  void checkReadsTheFieldsAndGeneratesNothing() {
    SpecCompilation checked = SpecCompiler.check("t.spec", CLEAN, false, "Vmcs");
    assertTrue(checked.succeeded());
    assertEquals(List.of(), checked.sources());
    // SDM Vol. 3D B.4.3: guest RIP is natural-width, encoding 0x681E
    assertEquals(List.of(new SpecField("RIP", 0x681E, VmcsCategory.GUEST, VmcsWidth.NATURAL, "VmcsGuestNW",
        "GUEST_RIP", "Guest RIP", "SDM Vol. 3D, B.4.3", 2)), checked.fields());
  }

  @Test
  void anyProblemOfAnyPhaseStopsGeneration() {
    // reader problem (malformed line 3) and check problem (reserved bit 12 on line 2) are both reported
    String broken = "[guest natural] r\nRIP 0x781E Guest RIP\nRSP zz";
    SpecCompilation compilation = SpecCompiler.compile("t.spec", broken, false, "p", "Vmcs");
    assertFalse(compilation.succeeded());
    assertEquals(List.of(Message.RESERVED_ENCODING_BITS, Message.MALFORMED_LINE), kinds(compilation));
    assertEquals(List.of(), compilation.sources());
    assertEquals(compilation.problems(), SpecCompiler.check("t.spec", broken, false, "Vmcs").problems(),
        "check and compile word a problem alike");
  }

  @Test
  void extendingTheBaseChecksCollisionsWithTheShippedBaseSpec() {
    // the base spec has guest RIP at 0x681E (SDM Vol. 3D B.4.3): same encoding, same group and name
    SpecCompilation compilation = SpecCompiler.compile("t.spec", CLEAN, true, "p", "Ext");
    assertEquals(List.of(Message.BASE_ENCODING_COLLISION, Message.BASE_NAME_COLLISION), kinds(compilation));
    assertTrue(compilation.problems().get(0).render().contains(SpecCompiler.BASE_NAME),
        compilation.problems().get(0).render());
  }

  @Test
  void prefixMustMakeJavaNames() {
    assertEquals(List.of(Message.INVALID_PREFIX),
        kinds(SpecCompiler.compile("t.spec", CLEAN, false, "p", "my-prefix")));
    assertEquals(List.of(), SpecCompiler.compile("t.spec", CLEAN, false, "p", "").problems());
  }

  @Test
  void anUnreadableSpecIsOneProblemNamingItAndWhy() {
    Problem problem = SpecCompiler.unreadable("/p/x.spec", "no such file");
    assertEquals(Message.SPEC_UNREADABLE, problem.kind());
    assertEquals("/p/x.spec: [VmcsSpecUnreadable] cannot read spec file /p/x.spec: no such file", problem.render());
  }

  @Test
  void recoverySourcesLeaveOutTheLinesWithProblems() {
    // SDM Vol. 3D B.4.3: guest RIP 0x681E, RSP 0x681C; 0x681F is RIP's (non-existent) high access
    String spec = "[guest natural] SDM Vol. 3D, B.4.3\nRIP 0x681F Guest RIP\nRSP 0x681C Guest RSP\n";
    assertFalse(SpecCompiler.compile("t.spec", spec, false, "p", "Vmcs").succeeded());
    List<GeneratedSource> recovered = SpecCompiler.recoverySources("t.spec", spec, false, "p", "Vmcs");
    assertEquals(List.of("p.VmcsGuestNW", "p.VmcsFields", "p.VmcsEncodings"),
        recovered.stream().map(GeneratedSource::qualifiedName).toList());
    assertTrue(recovered.get(0).text().contains("RSP("));
    assertFalse(recovered.get(0).text().contains("RIP("));
  }

  @Test
  void recoverySourcesAreTheRealOnesForACleanSpecAndNoneForAWholeSpecProblem() {
    assertEquals(SpecCompiler.compile("t.spec", CLEAN, false, "p", "Vmcs").sources(),
        SpecCompiler.recoverySources("t.spec", CLEAN, false, "p", "Vmcs"));
    assertEquals(List.of(), SpecCompiler.recoverySources("t.spec", CLEAN, false, "p", "1x"));
    assertEquals(List.of(), SpecCompiler.recoverySources("t.spec", "# nothing\n", false, "p", "Vmcs"));
  }

  @Test
  void recoverySourcesKeepTheFirstOfTwoNamesAndOnlyCatalogAndConstantsWhenNoLineIsClean() {
    // two RIPs: the second is the duplicate; dropping it leaves a clean spec
    String duplicate = "[guest natural] SDM Vol. 3D, B.4.3\nRIP 0x681E Guest RIP\nRIP 0x681C Guest RSP\n";
    assertTrue(SpecCompiler.recoverySources("t.spec", duplicate, false, "p", "Vmcs").get(0).text()
        .contains("0x681E"));
    // every field line broken: no group type, an empty catalog and constants class
    String allBroken = "[guest natural] SDM Vol. 3D, B.4.3\nRIP 0x681F Guest RIP\n";
    assertEquals(List.of("p.VmcsFields", "p.VmcsEncodings"), SpecCompiler.recoverySources("t.spec", allBroken,
        false, "p", "Vmcs").stream().map(GeneratedSource::qualifiedName).toList());
  }
}
