package dev.vmcscodegen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.vmcscodegen.processor.internal.model.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One javac run per diagnostic of {@link Message}: the message, with its {@code file:line} where it has
 * one, reported as an error on the {@code @VmcsSpec} annotation's value (its own line here). The switch in {@link #caseOf} has no default,
 * so a new message does not compile without its case here.
 */
class DiagnosticsTest {

  @TempDir
  Path specRoot;

  /**
   * A javac run: the spec text written to {@code case.spec} under {@code -Avmcs.specRoot}, the
   * annotation's arguments, and the text the error must contain.
   */
  private record Case(String spec, String annotation, String expected, List<String> alsoExpected) {
    Case(String spec, String expected) {
      this(spec, "\"case.spec\"", expected, List.of());
    }
  }

  @ParameterizedTest
  @EnumSource(Message.class)
  void everyMessageIsReportedOnTheAnnotation(Message message) throws IOException {
    Case test = caseOf(message);
    if (test.spec() != null) {
      Files.writeString(specRoot.resolve("case.spec"), test.spec(), StandardCharsets.UTF_8);
    }
    String secondLine = message == Message.WRITE_FAILED ? "@VmcsSpec(\"case.spec\") final class Second {}" : "";
    JavaFileObject source = JavaFileObjects.forSourceLines("test.vmcs.Anchor",
        "package test.vmcs;",
        "import dev.vmcscodegen.annotations.VmcsSpec;",
        "@VmcsSpec(",
        "    " + test.annotation() + ")",
        "final class Anchor {}",
        secondLine);
    VmcsProcessor processor = message == Message.INTERNAL_ERROR
        ? new VmcsProcessor((name, content, base, pkg, prefix) -> {
          throw new IllegalStateException("boom");
        })
        : new VmcsProcessor();
    List<JavaFileObject> sources = new ArrayList<>(RuntimeSources.core());
    sources.add(source);
    Compilation compilation = Compiler.javac()
        .withProcessors(processor)
        .withOptions("-Avmcs.specRoot=" + specRoot)
        .compile(sources);
    assertThat(compilation).failed();
    // on the annotation's value (the spec path), where an IDE then lands
    String line = message == Message.WRITE_FAILED ? "class Second" : test.annotation();
    assertThat(compilation).hadErrorContaining(test.expected()).inFile(source).onLineContaining(line);
    assertTrue(test.expected().contains("[" + message.id() + "]"), "the case checks the message's id");
    for (String also : test.alsoExpected()) {
      assertThat(compilation).hadErrorContaining(also);
    }
  }

  private Case caseOf(Message message) {
    return switch (message) {
      // SDM Vol. 3C 25.11.2, Table 25-21: bit 12 is reserved; 0x781E is guest RIP 0x681E with bit 12 set
      case RESERVED_ENCODING_BITS -> new Case("[guest natural] r\nRIP 0x781E Guest RIP",
          "case.spec:2: [VmcsReservedEncodingBits] field RIP: encoding 0x781E sets reserved bits 12");
      // Table 25-21: bit 0 = 1 is the high access; guest IA32_EFER is 0x2806 (SDM Vol. 3D B.2.3)
      case HIGH_ACCESS_ENCODING -> new Case("[guest 64] r\nIA32_EFER 0x2807 Guest IA32_EFER",
          "case.spec:2: [VmcsHighAccessEncoding] field IA32_EFER: encoding 0x2807 has access type bit 0 set");
      // Table 25-21: 0x681E has width bits 14:13 = 3 (natural)
      case WIDTH_MISMATCH -> new Case("[guest 32] r\nRIP 0x681E Guest RIP",
          "case.spec:2: [VmcsWidthMismatch] field RIP: encoding 0x681E has width bits 14:13 = 3 (natural)");
      // Table 25-21: 0x6C16 has type bits 11:10 = 3 (host state)
      case TYPE_MISMATCH -> new Case("[guest natural] r\nRIP 0x6C16 Host RIP",
          "case.spec:2: [VmcsTypeMismatch] field RIP: encoding 0x6C16 has type bits 11:10 = 3 (host)");
      case INVALID_NAME -> new Case("[guest natural] r\nnew 0x681E Guest RIP",
          "case.spec:2: [VmcsInvalidName] field new: \"new\": a field name must be a Java identifier");
      case DUPLICATE_NAME -> new Case("[guest natural] r\nRIP 0x681E Guest RIP\nRIP 0x681C Guest RSP",
          "case.spec:3: [VmcsDuplicateName] field RIP: the name is used twice in group [guest natural]"
              + " (first at case.spec:2)");
      // SDM Vol. 3D B.4.3: guest CR0 is 0x6800; a control field named GUEST_CR0 would take its constant name
      case DUPLICATE_ENCODING_CONSTANT -> new Case("[guest natural] r\nCR0 0x6800 Guest CR0\n[control 32] r\n"
          + "GUEST_CR0 0x4020 Mine",
          "case.spec:4: [VmcsDuplicateEncodingConstant] field GUEST_CR0: its encoding constant GUEST_CR0 is"
              + " already that of field CR0 in group [guest natural] (case.spec:2)");
      case DUPLICATE_ENCODING -> new Case("[guest natural] r\nRIP 0x681E Guest RIP\nRSP 0x681E Guest RSP",
          "case.spec:3: [VmcsDuplicateEncoding] field RSP: encoding 0x681E is already field RIP (case.spec:2)");
      case MISSING_DOC -> new Case("[guest natural] r\nRIP 0x681E",
          "case.spec:2: [VmcsMissingDoc] field RIP: no doc text");
      case MISSING_SDM_REFERENCE -> new Case("[guest natural]\nRIP 0x681E Guest RIP",
          "case.spec:2: [VmcsMissingSdmReference] field RIP: no SDM reference");
      case UNKNOWN_GROUP -> new Case("[guest 128] r\nRIP 0x681E Guest RIP",
          "case.spec:1: [VmcsUnknownGroup] unknown group header [guest 128]");
      case FIELD_OUTSIDE_GROUP -> new Case("RIP 0x681E Guest RIP\n[guest natural] r\nRSP 0x681C Guest RSP",
          "case.spec:1: [VmcsFieldOutsideGroup] field RIP: the field comes before any group header");
      case MALFORMED_LINE -> new Case("[guest natural] r\nRIP 0x68_1E Guest RIP",
          "case.spec:2: [VmcsMalformedLine] encoding \"0x68_1E\" is not a hex number");
      case EMPTY_SPEC -> new Case("# nothing here\n", "case.spec:1: [VmcsEmptySpec] the spec defines no fields");
      // JLS 3.8: U+200B (zero width space) is identifier-ignorable, so R\u200BIP would be RIP to javac.
      case IGNORABLE_IN_NAME -> new Case("[guest natural] r\nR\u200BIP 0x681E Guest RIP",
          "\"case.spec\"", "case.spec:2: [VmcsIgnorableInName]", List.of("contains U+200B"));
      // JVMS 4.4.7: a CONSTANT_Utf8_info holds at most 65535 bytes.
      case CONSTANT_TOO_LONG -> new Case("[guest natural] r\nRIP 0x681E " + "d".repeat(70_000),
          "case.spec:2: [VmcsConstantTooLong] field RIP: the doc is 70000 bytes as a class-file constant");
      // SDM Vol. 3D B.4.3: 0x681E is guest RIP in the base spec
      case BASE_ENCODING_COLLISION -> new Case("[guest natural] r\nMY_RIP 0x681E My RIP",
          "value = \"case.spec\", extendsBase = true",
          "case.spec:2: [VmcsBaseEncodingCollision] field MY_RIP: encoding 0x681E is already base field"
              + " VmcsGuestNW.RIP (vmcs-fields.spec (base, in vmcs-processor):", List.of());
      case BASE_NAME_COLLISION -> new Case("[guest natural] r\nRIP 0x68FE My RIP",
          "value = \"case.spec\", extendsBase = true",
          "case.spec:2: [VmcsBaseNameCollision] field RIP: the base spec already has RIP in group"
              + " [guest natural] (vmcs-fields.spec (base, in vmcs-processor):", List.of());
      case INVALID_PREFIX -> new Case("[guest natural] r\nRIP 0x681E Guest RIP",
          "value = \"case.spec\", prefix = \"9\"",
          "case.spec: [VmcsInvalidPrefix] prefix \"9\" does not make Java type names such as 9GuestNW", List.of());
      case SPEC_NOT_FOUND -> new Case(null, "\"missing.spec\"",
          "[VmcsSpecNotFound] spec file \"missing.spec\" not found; looked in:",
          List.of(specRoot.resolve("missing.spec").toString(), "SOURCE_PATH resource missing.spec",
              "CLASS_PATH resource missing.spec"));
      case SPEC_UNREADABLE -> unreadable();
      case WRITE_FAILED -> new Case("[guest natural] r\nRIP 0x681E Guest RIP",
          "[VmcsWriteFailed] cannot write generated type test.vmcs.VmcsGuestNW");
      case INTERNAL_ERROR -> new Case("[guest natural] r\nRIP 0x681E Guest RIP", "\"case.spec\"",
          "[VmcsInternalError] vmcs-processor failed unexpectedly",
          List.of("java.lang.IllegalStateException: boom", "at dev.vmcscodegen.processor.DiagnosticsTest"));
    };
  }

  private Case unreadable() {
    // A regular file every read of which fails, even for root: this process's memory at address 0, which
    // it does not map (Linux proc(5), /proc/pid/mem). Text that is not UTF-8 is no longer unreadable but
    // [InputNotUtf8] at its line (SpecTextTest).
    Path memory = Path.of("/proc/self/mem");
    Assumptions.assumeTrue(Files.isRegularFile(memory), "needs Linux /proc");
    return new Case(null, "\"" + memory + "\"", "[VmcsSpecUnreadable] cannot read spec file " + memory, List.of());
  }
}
