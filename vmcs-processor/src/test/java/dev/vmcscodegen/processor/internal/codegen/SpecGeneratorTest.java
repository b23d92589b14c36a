package dev.vmcscodegen.processor.internal.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.vmcscodegen.processor.internal.model.SpecFile;
import dev.vmcscodegen.processor.internal.spec.ReadResult;
import dev.vmcscodegen.processor.internal.spec.SpecReader;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SpecGeneratorTest {

  private static SpecFile spec(String... lines) {
    ReadResult result = SpecReader.read("t.spec", String.join("\n", lines));
    assertEquals(List.of(), result.problems());
    return result.spec();
  }

  private static Map<String, TypeSpec> types(List<JavaFile> files) {
    return files.stream().map(JavaFile::typeSpec).collect(Collectors.toMap(TypeSpec::name, Function.identity()));
  }

  private static List<String> methods(TypeSpec type) {
    return type.methodSpecs().stream().filter(method -> !method.isConstructor()).map(MethodSpec::name).toList();
  }

  @Test
  void oneEnumPerCategoryAndWidthWithFieldsInFirstUseOrderThenTheCatalogAndEncodings() {
    List<JavaFile> files = SpecGenerator.generate(spec("[guest natural] r", "RIP 0x681E d", "[control 16] r",
        "VPID 0x0000 d", "[guest natural] r", "RSP 0x681C d"), "p.q", "Vmcs");
    assertEquals(List.of("VmcsGuestNW", "VmcsControl16", "VmcsFields", "VmcsEncodings"),
        files.stream().map(file -> file.typeSpec().name()).toList());
    assertEquals(List.of("RIP", "RSP"), List.copyOf(types(files).get("VmcsGuestNW").enumConstants().keySet()));
    assertTrue(files.stream().allMatch(file -> file.packageName().equals("p.q")));
  }

  @Test
  void groupHeaderWithoutSdmReferenceStillGeneratesItsTypeJavadoc() {
    // A header's SDM reference is optional (docs/USING.md); the fuzz found the empty case crashing codegen
    List<JavaFile> files = SpecGenerator.generate(spec("[guest 16]", "ES_SELECTOR 0x0800 d"), "p", "Vmcs");
    String javadoc = types(files).get("VmcsGuest16").javadoc().toString();
    assertTrue(javadoc.contains("<p>Group {@code [guest 16]} at t.spec:1.\n"), javadoc);
  }

  @Test
  void prefixNamesEveryType() {
    List<JavaFile> files = SpecGenerator.generate(spec("[host 32] r", "X 0x4C00 d"), "", "Ext");
    assertEquals(List.of("ExtHost32", "ExtFields", "ExtEncodings"),
        files.stream().map(file -> file.typeSpec().name()).toList());
  }

  @Test
  void encodingConstantsAreCompileTimeIntsNamedByCategory() {
    // SDM Vol. 3D B.4.3 / B.4.4: guest CR0 0x6800, host CR0 0x6C00; B.3.1: pin-based controls 0x4000;
    // B.3.2: exit reason 0x4402.
    List<JavaFile> files = SpecGenerator.generate(spec("[guest natural] r", "CR0 0x6800 d", "[host natural] r",
        "CR0 0x6C00 d", "[control 32] r", "PIN_BASED_VM_EXECUTION_CONTROLS 0x4000 d", "[read-only 32] r",
        "EXIT_REASON 0x4402 d"), "p", "Vmcs");
    TypeSpec encodings = types(files).get("VmcsEncodings");
    assertEquals(List.of("GUEST_CR0", "HOST_CR0", "PIN_BASED_VM_EXECUTION_CONTROLS", "EXIT_REASON"),
        encodings.fieldSpecs().stream().map(field -> field.name()).toList());
    assertEquals(List.of("0x6800", "0x6C00", "0x4000", "0x4402"),
        encodings.fieldSpecs().stream().map(field -> field.initializer().toString()).toList());
    assertTrue(encodings.fieldSpecs().stream().allMatch(field -> field.modifiers().containsAll(
        java.util.Set.of(javax.lang.model.element.Modifier.PUBLIC, javax.lang.model.element.Modifier.STATIC,
            javax.lang.model.element.Modifier.FINAL)) && field.type().equals(com.palantir.javapoet.TypeName.INT)));
    assertTrue(encodings.fieldSpecs().get(0).javadoc().toString().contains("Field {@code VmcsGuestNW.CR0}"));
  }

  @Test
  void readOnlyFieldsHaveNoWriteAndSixtyFourBitFieldsHaveHighHalves() {
    // DESIGN.md "Generated code": write only on writable categories; 64-bit adds readHigh (and writeHigh);
    // 16- and 32-bit add readUnsigned (and writeUnsigned)
    Map<String, TypeSpec> types = types(SpecGenerator.generate(spec(
        "[read-only 64] r", "GUEST_PHYSICAL_ADDRESS 0x2400 d",
        "[read-only 32] r", "EXIT_REASON 0x4402 d",
        "[guest 64] r", "IA32_EFER 0x2806 d",
        "[host 16] r", "ES_SELECTOR 0x0C00 d"), "p", "Vmcs"));
    List<String> common = List.of("group", "encoding", "category", "width", "doc", "sdmReference");
    assertEquals(concat(common, List.of("read", "readHigh")), methods(types.get("VmcsReadOnly64")));
    assertEquals(concat(common, List.of("read", "readUnsigned")), methods(types.get("VmcsReadOnly32")));
    assertEquals(concat(common, List.of("read", "write", "readHigh", "writeHigh")), methods(types.get("VmcsGuest64")));
    assertEquals(concat(common, List.of("read", "write", "readUnsigned", "writeUnsigned")),
        methods(types.get("VmcsHost16")));
    assertTrue(types.get("VmcsReadOnly32").superinterfaces().toString().contains("runtime.VmcsField"));
    assertTrue(types.get("VmcsHost16").superinterfaces().toString().contains("runtime.WritableVmcsField"));
  }

  @Test
  void readAndWriteTypesFollowTheWidth() {
    String source = SpecGenerator.generate(spec("[guest 16] r", "A 0x0800 d", "[guest 32] r", "B 0x4800 d",
        "[guest natural] r", "C 0x6800 d"), "p", "Vmcs").toString();
    assertTrue(source.contains("public short read(VmxInstructions vmx)"));
    assertTrue(source.contains("VmcsAccess.write16(vmx, encoding, value)"));
    assertTrue(source.contains("public int read(VmxInstructions vmx)"));
    assertTrue(source.contains("public void write(VmxInstructions vmx, int value)"));
    assertTrue(source.contains("VmcsAccess.writeNatural(vmx, encoding, value, name())"));
    assertTrue(source.contains("public int readUnsigned(VmxInstructions vmx)"));
    assertTrue(source.contains("VmcsAccess.write16Unsigned(vmx, encoding, value, name())"));
    assertTrue(source.contains("public long readUnsigned(VmxInstructions vmx)"));
    assertTrue(source.contains("public void writeUnsigned(VmxInstructions vmx, long value)"));
    assertTrue(source.contains("VmcsAccess.read32Unsigned(vmx, encoding)"));
  }

  @Test
  void specTextCannotBreakOutOfJavadocOrStringLiterals() {
    String doc = "ends */ with <b> & {@code x} \\u002A/ $L \"quoted\" @see";
    String source = SpecGenerator.generate(spec("[guest 16] ref */ @x", "A 0x0800 " + doc), "p", "Vmcs")
        .get(0).toString();
    String javadoc = source.substring(source.indexOf("/**", source.indexOf("enum")), source.indexOf("A(0x0800"));
    assertFalse(javadoc.substring(3, javadoc.lastIndexOf("*/")).contains("*/"), javadoc);
    assertFalse(javadoc.contains("{@code x}"), javadoc);
    assertFalse(javadoc.contains("\\u"), javadoc);
    assertTrue(source.contains("A(0x0800, \"ends */ with <b> & {@code x} \\\\u002A/ $L \\\"quoted\\\" @see\""), source);
  }

  @Test
  void sameSpecGivesTheSameSource() {
    SpecFile spec = spec("[guest natural] r", "RIP 0x681E d", "[host 64] r", "IA32_PAT 0x2C00 d");
    assertEquals(SpecGenerator.generate(spec, "p", "Vmcs").toString(), SpecGenerator.generate(spec, "p", "Vmcs").toString());
  }

  private static List<String> concat(List<String> first, List<String> second) {
    return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
  }
}
