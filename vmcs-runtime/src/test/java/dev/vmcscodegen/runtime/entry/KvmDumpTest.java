package dev.vmcscodegen.runtime.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.runtime.fields.VmcsEncodings;
import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.fields.VmcsControlNW;
import dev.vmcscodegen.runtime.fields.VmcsFields;
import dev.vmcscodegen.runtime.fields.VmcsReadOnly32;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The KVM dump parser on the project's sample, and the text image format. */
class KvmDumpTest {

  static String resource(String name) {
    try (InputStream in = KvmDumpTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final KvmDump SAMPLE = KvmDumpParser.parse(resource("kvm-dump-sample.txt"));

  private static long value(int encoding) {
    return SAMPLE.image().value(encoding).orElseThrow();
  }

  @Test
  void segmentLinesGiveSelectorAccessRightsLimitBase() {
    // Sample line: "CS:   sel=0x0010, attr=0x0a09b, limit=0xffffffff, base=0x0000000000000000".
    assertEquals(0x10, value(VmcsEncodings.GUEST_CS_SELECTOR));
    assertEquals(0xA09B, value(VmcsEncodings.GUEST_CS_ACCESS_RIGHTS));
    assertEquals(0xFFFF_FFFFL, value(VmcsEncodings.GUEST_CS_LIMIT));
    assertEquals(0xFFFF_8882_36E0_0000L, value(VmcsEncodings.GUEST_GS_BASE));
    assertEquals(0x7F, value(VmcsEncodings.GUEST_GDTR_LIMIT));
    assertEquals(0x4087, value(VmcsEncodings.GUEST_TR_LIMIT));
  }

  @Test
  void controlRegisterLinesGiveValueShadowAndMask() {
    // "CR0: actual=0x0000000080050033, shadow=0x0000000080050033, gh_mask=fffffffffffefff7".
    assertEquals(0x8005_0033L, value(VmcsEncodings.GUEST_CR0));
    assertEquals(0x8005_0033L, value(VmcsControlNW.CR0_READ_SHADOW.encoding()));
    assertEquals(0xFFFF_FFFF_FFFE_FFF7L, value(VmcsControlNW.CR0_GUEST_HOST_MASK.encoding()));
    assertEquals(0x75_0EF0L, value(VmcsControlNW.CR4_READ_SHADOW.encoding()));
  }

  @Test
  void hostAndControlSectionsMapToTheirOwnFields() {
    // Host "RIP = 0xffffffffc11accb0  RSP = ..." versus guest "RSP = ...  RIP = 0xffffffff828e3a0c".
    assertEquals(0xFFFF_FFFF_C11A_CCB0L, value(VmcsEncodings.HOST_RIP));
    assertEquals(0xFFFF_FFFF_828E_3A0CL, value(VmcsEncodings.GUEST_RIP));
    assertEquals(0x40, value(VmcsEncodings.HOST_TR_SELECTOR));
    assertEquals(0xB5A2_6DFAL, value(VmcsEncodings.PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS));
    assertEquals(0x53FF, value(VmcsEncodings.VM_ENTRY_CONTROLS));
    assertEquals(0xEC, value(VmcsEncodings.VM_ENTRY_INTERRUPTION_INFORMATION));
    assertEquals(0x30, value(VmcsReadOnly32.EXIT_REASON.encoding()));
    assertEquals(0x3_6052_4000L, value(VmcsEncodings.VIRTUAL_APIC_ADDRESS));
    assertEquals(1, value(VmcsEncodings.VIRTUAL_PROCESSOR_ID));
  }

  @Test
  void effectiveEferIsNotTheVmcsField() {
    assertFalse(SAMPLE.image().contains(VmcsEncodings.GUEST_IA32_EFER));
    assertTrue(SAMPLE.skipped().stream().anyMatch(line -> line.contains("EFER= 0x0000000000000d01")
        && line.contains("not the VMCS field")), SAMPLE.skipped().toString());
  }

  @Test
  void sampleEntersOnAMatchingProfileWithUnprintedFieldsNotVerifiable() {
    EntryCapabilities capabilities = EntryCapabilities.of(VmxCapabilities.parse(resource("kvm-dump-sample.msr")));
    EntryReport report = EntryChecker.standard().check(SAMPLE.image(), capabilities, ProcessorFacts.defaults());
    assertTrue(report.enters(), report.diagnosis());
    // KVM prints neither the MSR-bitmap address nor the VMCS link pointer (vmx_dump_vmcs).
    assertTrue(report.notVerifiableIds().contains("ctl-msr-bitmap-addr"));
    assertTrue(report.notVerifiableIds().contains("guest-link-ptr-align"));
  }

  @Test
  void unusableTrInTheDumpIsReported() {
    String broken = resource("kvm-dump-sample.txt").replace("attr=0x0008b", "attr=0x1008b");
    EntryCapabilities capabilities = EntryCapabilities.of(VmxCapabilities.parse(resource("kvm-dump-sample.msr")));
    EntryReport report = EntryChecker.standard().check(KvmDumpParser.parse(broken).image(), capabilities,
        ProcessorFacts.defaults());
    assertEquals(java.util.List.of("guest-tr-usable"), report.violatedIds());
  }

  @Test
  void textWithoutDumpIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> KvmDumpParser.parse("hello\nworld\n"));
  }

  @Test
  void textImageTakesEncodingsQualifiedAndUniqueBareNames() {
    VmcsImage image = VmcsImageText.parse("""
        # a comment
        0x681E 0xFFF0          # RIP by encoding
        VmcsGuestNW.CR0 0x30
        VIRTUAL_PROCESSOR_ID 1
        """, VmcsFields.CATALOG);
    assertEquals(OptionalLong.of(0xFFF0), image.value(VmcsEncodings.GUEST_RIP));
    assertEquals(OptionalLong.of(0x30), image.value(VmcsEncodings.GUEST_CR0));
    assertEquals(OptionalLong.of(1), image.value(VmcsEncodings.VIRTUAL_PROCESSOR_ID));
    assertEquals(image, VmcsImageText.parse(VmcsImageText.format(image, VmcsFields.CATALOG), VmcsFields.CATALOG));
  }

  @Test
  void textImageErrorsNameTheLine() {
    IllegalArgumentException ambiguous = assertThrows(IllegalArgumentException.class,
        () -> VmcsImageText.parse("\nCR0 0x30\n", VmcsFields.CATALOG));
    assertTrue(ambiguous.getMessage().startsWith("line 2: 'CR0' names several fields"), ambiguous.getMessage());
    assertThrows(IllegalArgumentException.class, () -> VmcsImageText.parse("RIP 0x1\nRIP 0x2", VmcsFields.CATALOG));
    assertThrows(IllegalArgumentException.class, () -> VmcsImageText.parse("RIP zz", VmcsFields.CATALOG));
    assertThrows(IllegalArgumentException.class,
        () -> VmcsImageText.parse("VmcsGuest16.CS_SELECTOR 0x10000", VmcsFields.CATALOG));
  }
}
