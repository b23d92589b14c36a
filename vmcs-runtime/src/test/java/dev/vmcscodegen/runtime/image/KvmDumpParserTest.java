package dev.vmcscodegen.runtime.image;

import static dev.vmcscodegen.runtime.fields.VmcsEncodings.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.problem.Parsed;
import dev.vmcscodegen.problem.Problem;
import dev.vmcscodegen.problem.ProblemException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every line shape of Linux KVM's {@code vmx_dump_vmcs} (arch/x86/kvm/vmx/vmx.c), field by field. The
 * known answers are the numbers printed in the project's sample dump ({@code kvm-dump-sample.txt}); the
 * field each printed item stands for is the one KVM passes to {@code vmcs_read*} for it. Every test
 * parses inside the test method (not in a static field), so the parse runs on the code under test.
 */
class KvmDumpParserTest {

  private static Parsed<VmcsImage> sample() {
    return KvmDumpParser.parse(KvmDumpSample.text(), "dump.txt");
  }

  /** Every problem of {@code text} read as {@code dump.txt}, rendered, when it is unusable. */
  private static List<String> errors(String text) {
    ProblemException e = assertThrows(ProblemException.class, () -> KvmDumpParser.parse(text, "dump.txt"));
    return e.problems().stream().map(Problem::render).toList();
  }

  /** The warnings of a usable {@code text} read as {@code dump.txt}, rendered. */
  private static List<String> warnings(String text) {
    return KvmDumpParser.parse(text, "dump.txt").problems().stream().map(Problem::render).toList();
  }

  /** A segment line's four numbers: selector, access rights, limit, base (SDM Vol. 3C 25.4.1). */
  private static void segment(Map<Integer, Long> expected, int selectorField, int accessRightsField,
      int limitField, int baseField, long selector, long attr, long limit, long base) {
    expected.put(selectorField, selector);
    expected.put(accessRightsField, attr);
    expected.put(limitField, limit);
    expected.put(baseField, base);
  }

  /** The fields and values the sample prints, line by line in the sample's order. */
  private static Map<Integer, Long> sampleFields() {
    Map<Integer, Long> expected = new TreeMap<>();
    // *** Guest State ***
    // CR0: actual=0x0000000080050033, shadow=0x0000000080050033, gh_mask=fffffffffffefff7
    expected.put(GUEST_CR0, 0x8005_0033L);
    expected.put(CR0_READ_SHADOW, 0x8005_0033L);
    expected.put(CR0_GUEST_HOST_MASK, 0xFFFF_FFFF_FFFE_FFF7L);
    // CR4: actual=0x0000000000752ef0, shadow=0x0000000000750ef0, gh_mask=fffffffffffef871
    expected.put(GUEST_CR4, 0x75_2EF0L);
    expected.put(CR4_READ_SHADOW, 0x75_0EF0L);
    expected.put(CR4_GUEST_HOST_MASK, 0xFFFF_FFFF_FFFE_F871L);
    // CR3 = 0x0000000004442000
    expected.put(GUEST_CR3, 0x444_2000L);
    // PDPTR0 = 0x000000005f18a001  PDPTR1 = 0x000000005f189001 (and PDPTR2/PDPTR3)
    expected.put(GUEST_PDPTE0, 0x5F18_A001L);
    expected.put(GUEST_PDPTE1, 0x5F18_9001L);
    expected.put(GUEST_PDPTE2, 0x5F18_8001L);
    expected.put(GUEST_PDPTE3, 0x5F18_7001L);
    // RSP = 0xffffc90000017418  RIP = 0xffffffff828e3a0c
    expected.put(GUEST_RSP, 0xFFFF_C900_0001_7418L);
    expected.put(GUEST_RIP, 0xFFFF_FFFF_828E_3A0CL);
    // RFLAGS=0x00000286         DR7 = 0x000000000000060a
    expected.put(GUEST_RFLAGS, 0x286L);
    expected.put(GUEST_DR7, 0x60AL);
    // Sysenter RSP=fffffe0000003000 CS:RIP=0010:ffffffff82a01e60
    expected.put(GUEST_IA32_SYSENTER_ESP, 0xFFFF_FE00_0000_3000L);
    expected.put(GUEST_IA32_SYSENTER_CS, 0x10L);
    expected.put(GUEST_IA32_SYSENTER_EIP, 0xFFFF_FFFF_82A0_1E60L);
    // The segment table: "XX: sel=, attr=, limit=, base=".
    segment(expected, GUEST_CS_SELECTOR, GUEST_CS_ACCESS_RIGHTS, GUEST_CS_LIMIT,
        GUEST_CS_BASE, 0x10, 0xA09B, 0xFFFF_FFFFL, 0);
    segment(expected, GUEST_DS_SELECTOR, GUEST_DS_ACCESS_RIGHTS, GUEST_DS_LIMIT,
        GUEST_DS_BASE, 0, 0x1_C001, 0xFFFF_FFFFL, 0);
    segment(expected, GUEST_SS_SELECTOR, GUEST_SS_ACCESS_RIGHTS, GUEST_SS_LIMIT,
        GUEST_SS_BASE, 0, 0x1_C000, 0xFFFF_FFFFL, 0);
    segment(expected, GUEST_ES_SELECTOR, GUEST_ES_ACCESS_RIGHTS, GUEST_ES_LIMIT,
        GUEST_ES_BASE, 0, 0x1_C001, 0xFFFF_FFFFL, 0);
    segment(expected, GUEST_FS_SELECTOR, GUEST_FS_ACCESS_RIGHTS, GUEST_FS_LIMIT,
        GUEST_FS_BASE, 0, 0x1_C000, 0xFFFF_FFFFL, 0);
    segment(expected, GUEST_GS_SELECTOR, GUEST_GS_ACCESS_RIGHTS, GUEST_GS_LIMIT,
        GUEST_GS_BASE, 0, 0x1_C001, 0xFFFF_FFFFL, 0xFFFF_8882_36E0_0000L);
    // GDTR:                           limit=0x0000007f, base=0xfffffe0000001000
    expected.put(GUEST_GDTR_LIMIT, 0x7FL);
    expected.put(GUEST_GDTR_BASE, 0xFFFF_FE00_0000_1000L);
    segment(expected, GUEST_LDTR_SELECTOR, GUEST_LDTR_ACCESS_RIGHTS, GUEST_LDTR_LIMIT,
        GUEST_LDTR_BASE, 0, 0x1_C000, 0xFFFF_FFFFL, 0);
    // IDTR:                           limit=0x00000fff, base=0xfffffe0000000000
    expected.put(GUEST_IDTR_LIMIT, 0xFFFL);
    expected.put(GUEST_IDTR_BASE, 0xFFFF_FE00_0000_0000L);
    segment(expected, GUEST_TR_SELECTOR, GUEST_TR_ACCESS_RIGHTS, GUEST_TR_LIMIT,
        GUEST_TR_BASE, 0x40, 0x8B, 0x4087, 0xFFFF_FE00_0000_3000L);
    // EFER= 0x0000000000000d01 (effective): skipped, not a VMCS field.
    // PAT = 0x0407050600070106
    expected.put(GUEST_IA32_PAT, 0x0407_0506_0007_0106L);
    // DebugCtl = 0x0000000000000000  DebugExceptions = 0x0000000000000000
    expected.put(GUEST_IA32_DEBUGCTL, 0L);
    expected.put(GUEST_PENDING_DEBUG_EXCEPTIONS, 0L);
    // Interruptibility = 00000000  ActivityState = 00000000
    expected.put(GUEST_INTERRUPTIBILITY_STATE, 0L);
    expected.put(GUEST_ACTIVITY_STATE, 0L);
    // InterruptStatus = ec00
    expected.put(GUEST_INTERRUPT_STATUS, 0xEC00L);
    // *** Host State ***
    // RIP = 0xffffffffc11accb0  RSP = 0xffffacd087de7d28
    expected.put(HOST_RIP, 0xFFFF_FFFF_C11A_CCB0L);
    expected.put(HOST_RSP, 0xFFFF_ACD0_87DE_7D28L);
    // CS=0010 SS=0018 DS=0000 ES=0000 FS=0000 GS=0000 TR=0040
    expected.put(HOST_CS_SELECTOR, 0x10L);
    expected.put(HOST_SS_SELECTOR, 0x18L);
    expected.put(HOST_DS_SELECTOR, 0L);
    expected.put(HOST_ES_SELECTOR, 0L);
    expected.put(HOST_FS_SELECTOR, 0L);
    expected.put(HOST_GS_SELECTOR, 0L);
    expected.put(HOST_TR_SELECTOR, 0x40L);
    // FSBase=00007f5088e006c0 GSBase=ffff90ecbec00000 TRBase=fffffe4d122bd000
    expected.put(HOST_FS_BASE, 0x7F50_88E0_06C0L);
    expected.put(HOST_GS_BASE, 0xFFFF_90EC_BEC0_0000L);
    expected.put(HOST_TR_BASE, 0xFFFF_FE4D_122B_D000L);
    // GDTBase=fffffe4d122bb000 IDTBase=fffffe0000000000
    expected.put(HOST_GDTR_BASE, 0xFFFF_FE4D_122B_B000L);
    expected.put(HOST_IDTR_BASE, 0xFFFF_FE00_0000_0000L);
    // CR0=0000000080050033 CR3=000000035dde6000 CR4=0000000000f52ef0
    expected.put(HOST_CR0, 0x8005_0033L);
    expected.put(HOST_CR3, 0x3_5DDE_6000L);
    expected.put(HOST_CR4, 0xF5_2EF0L);
    // Sysenter RSP=fffffe4d122bd000 CS:RIP=0010:ffffffffa7e02020
    expected.put(HOST_IA32_SYSENTER_ESP, 0xFFFF_FE4D_122B_D000L);
    expected.put(HOST_IA32_SYSENTER_CS, 0x10L);
    expected.put(HOST_IA32_SYSENTER_EIP, 0xFFFF_FFFF_A7E0_2020L);
    // PAT = 0x0407050600070106
    expected.put(HOST_IA32_PAT, 0x0407_0506_0007_0106L);
    // *** Control State ***
    // CPUBased=0xb5a26dfa SecondaryExec=0x061017fa TertiaryExec=0x0000000000000000
    expected.put(PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS, 0xB5A2_6DFAL);
    expected.put(SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS, 0x0610_17FAL);
    expected.put(TERTIARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS, 0L);
    // PinBased=0x000000ff EntryControls=000053ff ExitControls=000befff
    expected.put(PIN_BASED_VM_EXECUTION_CONTROLS, 0xFFL);
    expected.put(VM_ENTRY_CONTROLS, 0x53FFL);
    expected.put(PRIMARY_VM_EXIT_CONTROLS, 0xB_EFFFL);
    // ExceptionBitmap=00060042 PFECmask=00000000 PFECmatch=00000000
    expected.put(EXCEPTION_BITMAP, 0x6_0042L);
    expected.put(PAGE_FAULT_ERROR_CODE_MASK, 0L);
    expected.put(PAGE_FAULT_ERROR_CODE_MATCH, 0L);
    // VMEntry: intr_info=000000ec errcode=00000000 ilen=00000002
    expected.put(VM_ENTRY_INTERRUPTION_INFORMATION, 0xECL);
    expected.put(VM_ENTRY_EXCEPTION_ERROR_CODE, 0L);
    expected.put(VM_ENTRY_INSTRUCTION_LENGTH, 2L);
    // VMExit: intr_info=00000000 errcode=00000000 ilen=00000003
    expected.put(VM_EXIT_INTERRUPTION_INFORMATION, 0L);
    expected.put(VM_EXIT_INTERRUPTION_ERROR_CODE, 0L);
    expected.put(VM_EXIT_INSTRUCTION_LENGTH, 3L);
    // reason=00000030 qualification=0000000000000981
    expected.put(EXIT_REASON, 0x30L);
    expected.put(EXIT_QUALIFICATION, 0x981L);
    // IDTVectoring: info=800000ec errcode=00000000
    expected.put(IDT_VECTORING_INFORMATION, 0x8000_00ECL);
    expected.put(IDT_VECTORING_ERROR_CODE, 0L);
    // TSC Offset = 0xfffff9be78c9dd49
    expected.put(TSC_OFFSET, 0xFFFF_F9BE_78C9_DD49L);
    // TSC Multiplier = 0x0001000000000000
    expected.put(TSC_MULTIPLIER, 0x0001_0000_0000_0000L);
    // SVI|RVI = ec|00 TPR Threshold = 0x00
    expected.put(TPR_THRESHOLD, 0L);
    // virt-APIC addr = 0x0000000360524000 (printed without the kvm_intel: prefix)
    expected.put(VIRTUAL_APIC_ADDRESS, 0x3_6052_4000L);
    // PostedIntrVec = 0xf2
    expected.put(POSTED_INTERRUPT_NOTIFICATION_VECTOR, 0xF2L);
    // EPT pointer = 0x0000000299e9305e
    expected.put(EPT_POINTER, 0x2_99E9_305EL);
    // PLE Gap=00000080 Window=00001000
    expected.put(PLE_GAP, 0x80L);
    expected.put(PLE_WINDOW, 0x1000L);
    // Virtual processor ID = 0x0001 (the last line of the sample)
    expected.put(VIRTUAL_PROCESSOR_ID, 1L);
    return expected;
  }

  @Test
  void sampleGivesExactlyThePrintedFieldsWithThePrintedValues() {
    VmcsImage dump = sample().value();
    Map<Integer, Long> expected = sampleFields();
    for (Map.Entry<Integer, Long> field : expected.entrySet()) {
      assertEquals(field.getValue(), dump.values().get(field.getKey()),
          () -> String.format("field 0x%04X", field.getKey()));
    }
    assertEquals(expected, dump.values());
  }

  @Test
  void sampleSkipsOnlyTheHeaderAndTheEffectiveEferEachWithItsReason() {
    // Line 1 is the "VMCS <pointer>, last attempted VM-entry on CPU 8" header; line 21 is
    // "EFER= 0x0000000000000d01 (effective)", KVM's idea of EFER with "load IA32_EFER" 0.
    assertEquals(List.of(
        "dump.txt:1: warning: [DumpHeaderLine] skipped, the dump's header: 'VMCS 00000000336523a9, last"
            + " attempted VM-entry on CPU 8'",
        "dump.txt:21: warning: [DumpEffectiveEfer] skipped, KVM's effective EFER, not the VMCS field (\"load"
            + " IA32_EFER\" is 0): 'EFER= 0x0000000000000d01 (effective)'"),
        sample().problems().stream().map(Problem::render).toList());
  }

  @Test
  void segmentLinesGiveSelectorAccessRightsLimitBase() {
    VmcsImage sample = sample().value();
    // Sample line: "CS:   sel=0x0010, attr=0x0a09b, limit=0xffffffff, base=0x0000000000000000".
    assertEquals(OptionalLong.of(0x10), sample.value(GUEST_CS_SELECTOR));
    assertEquals(OptionalLong.of(0xA09B), sample.value(GUEST_CS_ACCESS_RIGHTS));
    assertEquals(OptionalLong.of(0xFFFF_FFFFL), sample.value(GUEST_CS_LIMIT));
    assertEquals(OptionalLong.of(0xFFFF_8882_36E0_0000L), sample.value(GUEST_GS_BASE));
    assertEquals(OptionalLong.of(0x7F), sample.value(GUEST_GDTR_LIMIT));
    assertEquals(OptionalLong.of(0x4087), sample.value(GUEST_TR_LIMIT));
  }

  @Test
  void effectiveEferIsNotTheVmcsField() {
    assertFalse(sample().value().contains(GUEST_IA32_EFER));
  }

  @Test
  void unknownLineIsSkippedAsUnknownAndTheParsedLinesAroundItStay() {
    Parsed<VmcsImage> dump = KvmDumpParser.parse("""
        kvm_intel: *** Guest State ***
        kvm_intel: CR3 = 0x0000000004442000
        kvm_intel: FooCtl = 0x0000000000000000
        kvm_intel: PAT = 0x0407050600070106""", "dump.txt");
    assertEquals(List.of("dump.txt:3: warning: [DumpUnknownLine] skipped, not a VMCS field this parser knows:"
        + " 'FooCtl = 0x0000000000000000'"), dump.problems().stream().map(Problem::render).toList());
    assertEquals(Map.of(GUEST_CR3, 0x444_2000L, GUEST_IA32_PAT, 0x0407_0506_0007_0106L), dump.value().values());
  }

  @Test
  void lastLineIsParsedWithoutATrailingNewline() {
    Parsed<VmcsImage> dump = KvmDumpParser.parse("*** Control State ***\nVirtual processor ID = 0x0001");
    assertEquals(Map.of(VIRTUAL_PROCESSOR_ID, 1L), dump.value().values());
    assertEquals(List.of(), dump.problems());
  }

  @Test
  void sameTextMapsToTheFieldOfItsSection() {
    // "PAT = ..." and "Sysenter RSP=... CS:RIP=..." are printed in both the guest and the host section.
    String lines = "PAT = 0x0000000000000006\nSysenter RSP=0000000000001000 CS:RIP=0008:0000000000002000\n";
    VmcsImage guest = KvmDumpParser.parse("*** Guest State ***\n" + lines).value();
    assertEquals(Map.of(GUEST_IA32_PAT, 6L, GUEST_IA32_SYSENTER_ESP, 0x1000L,
        GUEST_IA32_SYSENTER_CS, 8L, GUEST_IA32_SYSENTER_EIP, 0x2000L), guest.values());
    VmcsImage host = KvmDumpParser.parse("*** Host State ***\n" + lines).value();
    assertEquals(Map.of(HOST_IA32_PAT, 6L, HOST_IA32_SYSENTER_ESP, 0x1000L, HOST_IA32_SYSENTER_CS, 8L,
        HOST_IA32_SYSENTER_EIP, 0x2000L), host.values());
    // Before any section header no line is a field, and text outside a dump is not reported.
    assertEquals(List.of(
        "dump.txt: [DumpNoFields] no KVM dump_vmcs line found: expected lines such as 'CS:   sel=0x0010,"
            + " attr=0x0a09b, limit=0xffffffff, base=0x0' after '*** Guest State ***'"), errors(lines));
  }

  @Test
  void bareEferLinesAreTheVmcsFields() {
    // vmx_dump_vmcs prints "EFER= 0x%016llx" without a suffix when "load IA32_EFER" (entry control 15)
    // is 1, and always for the host.
    Parsed<VmcsImage> dump = KvmDumpParser.parse("""
        *** Guest State ***
        EFER= 0x0000000000000d01
        *** Host State ***
        EFER= 0x0000000000000d01
        """);
    assertEquals(Map.of(GUEST_IA32_EFER, 0xD01L, HOST_IA32_EFER, 0xD01L), dump.value().values());
    assertEquals(List.of(), dump.problems());
  }

  @Test
  void optionalGuestAndHostMsrLinesMapToTheirFields() {
    VmcsImage dump = KvmDumpParser.parse("""
        [    1.000000] kvm: *** Guest State ***
        [    1.000000] kvm: PerfGlobCtl = 0x000000070000000f
        [    1.000000] kvm: BndCfgS = 0x0000000000000000
        [    1.000000] kvm: *** Host State ***
        [    1.000000] kvm: PerfGlobCtl = 0x0000000000000003
        """).value();
    assertEquals(Map.of(GUEST_IA32_PERF_GLOBAL_CTRL, 0x7_0000_000FL, GUEST_IA32_BNDCFGS, 0L,
        HOST_IA32_PERF_GLOBAL_CTRL, 3L), dump.values());
  }

  @Test
  void controlLinesWithoutTertiaryControlsGiveTwoFields() {
    // Kernels before tertiary controls print "CPUBased=0x%08x SecondaryExec=0x%08x".
    VmcsImage dump = KvmDumpParser.parse("""
        *** Control State ***
        CPUBased=0xb5a26dfa SecondaryExec=0x061017fa
        PinBased=0x000000ff EntryControls=000053ff ExitControls=000befff
        APIC-access addr = 0x00000000fee00000
        """).value();
    assertEquals(Map.of(PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS, 0xB5A2_6DFAL,
        SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS, 0x0610_17FAL, PIN_BASED_VM_EXECUTION_CONTROLS, 0xFFL,
        VM_ENTRY_CONTROLS, 0x53FFL, PRIMARY_VM_EXIT_CONTROLS, 0xB_EFFFL, APIC_ACCESS_ADDRESS, 0xFEE0_0000L),
        dump.values());
  }

  @Test
  void problemsWithoutAFileNameCarryTheDefault() {
    ProblemException e = assertThrows(ProblemException.class, () -> KvmDumpParser.parse("hello\nworld\n"));
    assertEquals("<text>", e.problems().get(0).file());
  }

  /** One test a problem id of {@link DumpProblem}. */
  @Nested
  class ProblemIds {

    @Test
    void dumpNoFields() {
      assertEquals(List.of("dump.txt: [DumpNoFields] no KVM dump_vmcs line found: expected lines such as"
          + " 'CS:   sel=0x0010, attr=0x0a09b, limit=0xffffffff, base=0x0' after '*** Guest State ***'"),
          errors("\n\n"));
    }

    @Test
    void dumpNotFound() {
      // what DumpFormat.detect calls NONE: no KVM or Xen dump line, no FIELD VALUE line
      assertEquals(DumpFormat.NONE, DumpFormat.detect(KvmDumpLayoutTest.utf8(
          "Jun 24 17:25:51 host kernel: usb 1-1: new high-speed USB device number 2\n")));
      assertEquals(DumpFormat.NONE, DumpFormat.detect(KvmDumpLayoutTest.utf8("")));
      assertEquals(DumpFormat.IMAGE, DumpFormat.detect(KvmDumpLayoutTest.utf8("# pasted\nVmcsGuestNW.RIP 0xfff0\n")));
      assertEquals("dump.txt: [DumpNotFound] no VMCS dump in the text: no line of a Linux KVM dump_vmcs or a Xen"
          + " vmcs_dump_vcpu dump, and no FIELD VALUE line", DumpProblem.NO_DUMP.at("dump.txt", 0, "").render());
    }

    @Test
    void dumpNumberTooLong() {
      assertEquals(List.of("dump.txt:2: [DumpNumberTooLong] field VmcsGuestNW.CR3: 10000000000000000 has more"
          + " than 64 bits"), errors("*** Guest State ***\nCR3 = 0x10000000000000000\n"));
    }

    @Test
    void dumpValueTooWide() {
      // The guest CS selector is a 16-bit field (encoding bits 14:13 = 0, SDM Vol. 3C Table 25-21).
      assertEquals(List.of("dump.txt:2: [DumpValueTooWide] field VmcsGuest16.CS_SELECTOR: value 0x10000 does not"
          + " fit the field's 16 bits (SDM Vol. 3C 25.11.2, Table 25-21)"),
          errors("*** Guest State ***\nCS:   sel=0x10000, attr=0x0a09b, limit=0xffffffff, base=0x0000000000000000\n"));
    }

    @Test
    void dumpHeaderLine() {
      assertEquals(List.of("dump.txt:1: warning: [DumpHeaderLine] skipped, the dump's header: 'VMCS"
          + " 00000000336523a9, last attempted VM-entry on CPU 8'"),
          warnings("kvm_intel: VMCS 00000000336523a9, last attempted VM-entry on CPU 8\n"
              + "kvm_intel: *** Guest State ***\nkvm_intel: CR3 = 0x0000000004442000\n"));
    }

    @Test
    void dumpEffectiveEfer() {
      assertEquals(List.of("dump.txt:2: warning: [DumpEffectiveEfer] skipped, KVM's effective EFER, not the VMCS"
          + " field (\"load IA32_EFER\" is 0): 'EFER= 0x0000000000000d01 (autoload)'"),
          warnings("*** Guest State ***\nEFER= 0x0000000000000d01 (autoload)\nCR3 = 0x0000000004442000\n"));
    }

    @Test
    void dumpUnknownLine() {
      assertEquals(List.of("dump.txt:3: warning: [DumpUnknownLine] skipped, not a VMCS field this parser knows:"
          + " 'FooCtl = 0x0000000000000000'"),
          warnings("*** Guest State ***\nCR3 = 0x0000000004442000\nFooCtl = 0x0000000000000000\n"
              + "PAT = 0x0000000000000006\n"));
    }

    @Test
    void dumpLineCut() {
      assertEquals(List.of("dump.txt:2: warning: [DumpLineCut] line cut short, 'PDPTR0 = 0x%016llx  PDPTR1 ="
          + " 0x%016llx' expected; values read: 1: 'PDPTR0 = 0x000000005f18a001  PDPT'"),
          warnings("*** Guest State ***\nPDPTR0 = 0x000000005f18a001  PDPT\n"));
    }

    @Test
    void dumpValueCut() {
      assertEquals(List.of("dump.txt:2: warning: [DumpValueCut] field VmcsGuestNW.CR3: '0' has 1 digits where the"
          + " dump prints at least 16: cut short, not read"),
          warnings("*** Guest State ***\nCR3 = 0x0\nPAT = 0x0000000000000006\n"));
    }

    @Test
    void dumpConflictingValues() {
      assertEquals(List.of("dump.txt:3: warning: [DumpConflictingValues] field VmcsGuestNW.CR3: printed as 0x1000"
          + " on line 2 and as 0x2000 here: neither is read"),
          warnings("*** Guest State ***\nCR3 = 0x0000000000001000\nCR3 = 0x0000000000002000\n"
              + "PAT = 0x0000000000000006\n"));
    }

    @Test
    void dumpSeveral() {
      assertEquals(List.of("dump.txt:3: warning: [DumpSeveral] 2 dumps in the text (starting at lines 1, 3); read"
          + " the last one, starting at line 3"),
          warnings("*** Guest State ***\nCR3 = 0x0000000000001000\n*** Guest State ***\n"
              + "CR3 = 0x0000000000002000\n"));
    }

    @Test
    void dumpMsrAreaLine() {
      assertEquals(List.of("dump.txt:2: warning: [DumpMsrAreaLine] skipped, an MSR area listing, not a VMCS"
          + " field: 'MSR guest autoload:'", "dump.txt:3: warning: [DumpMsrAreaLine] skipped, an MSR area"
          + " listing, not a VMCS field: '0: msr=0x00000600 value=0x0000000000000000'"),
          warnings("*** Guest State ***\nMSR guest autoload:\n   0: msr=0x00000600 value=0x0000000000000000\n"
              + "PAT = 0x0000000000000006\n"));
    }

    @Test
    void dumpMixedLayout() {
      // "EFER =     ...  PAT = ..." is printed up to 5.12, the header from 5.13 on.
      assertEquals(List.of("dump.txt:1: warning: [DumpHeaderLine] skipped, the dump's header: 'VMCS"
          + " 00000000336523a9, last attempted VM-entry on CPU 8'", "dump.txt:3: warning: [DumpMixedLayout] this"
          + " line's layout is not the one of the lines before (Linux 5.13 and later): 'EFER =     0x%016llx  PAT"
          + " = 0x%016llx'"),
          warnings("VMCS 00000000336523a9, last attempted VM-entry on CPU 8\n*** Guest State ***\n"
              + "EFER =     0x0000000000000000  PAT = 0x0007040600070406\n"));
    }

    @Test
    void dumpVeInfoArea() {
      // Linux 6.10 vmx.c dump_vmcs: pr_err("ve_info: 0x%08x 0x%08x 0x%016llx 0x%016llx 0x%016llx 0x%04x\n", ...)
      assertEquals(List.of("dump.txt:3: warning: [DumpVeInfoArea] skipped, the #VE information page KVM read from"
          + " memory, not a VMCS field: 've_info: 0x00000030 0xffffffff 0x00000000000006ab 0xffffffff80000000"
          + " 0x000000000...'"),
          warnings("*** Control State ***\nVE info address = 0x0000000135a04000\nve_info: 0x00000030 0xffffffff"
              + " 0x00000000000006ab 0xffffffff80000000 0x000000000109fff8 0x0000\n"));
    }

    @Test
    void dumpMsrListEfer() {
      assertEquals(List.of("xen.txt:2: warning: [DumpMsrListEfer] EFER skipped, Xen's MSR-load list value, not"
          + " the VMCS field: 'EFER(MSR LL) = 0x0000000000000500  PAT = 0x0007040600070406'"),
          XenDumpParser.read(KvmDumpLayoutTest.utf8("(XEN) *** Guest State ***\n"
              + "(XEN) EFER(MSR LL) = 0x0000000000000500  PAT = 0x0007040600070406\n"), "xen.txt").parsed()
              .problems().stream().map(Problem::render).toList());
    }

    @Test
    void everyIdIsTestedHere() {
      List<String> tested = Arrays.stream(ProblemIds.class.getDeclaredMethods())
          .filter(method -> method.isAnnotationPresent(Test.class)).map(method -> method.getName()).toList();
      for (DumpProblem kind : DumpProblem.values()) {
        String method = Character.toLowerCase(kind.id().charAt(0)) + kind.id().substring(1);
        assertTrue(tested.contains(method), kind.id() + " has no test named " + method);
      }
    }
  }

  @Test
  void everyProblemOfTheDumpIsReportedAtOnceErrorsAndWarningsByLine() {
    // Two values too wide on one line and a 65-bit number on another: all three, with the warnings between.
    assertEquals(List.of(
        "dump.txt:2: [DumpValueTooWide] field VmcsGuest16.CS_SELECTOR: value 0x10000 does not fit the field's 16"
            + " bits (SDM Vol. 3C 25.11.2, Table 25-21)",
        "dump.txt:2: [DumpValueTooWide] field VmcsGuest32.CS_ACCESS_RIGHTS: value 0x100000000 does not fit the"
            + " field's 32 bits (SDM Vol. 3C 25.11.2, Table 25-21)",
        "dump.txt:3: warning: [DumpUnknownLine] skipped, not a VMCS field this parser knows: 'FooCtl = 0x0'",
        "dump.txt:4: [DumpNumberTooLong] field VmcsGuestNW.CR3: 10000000000000000 has more than 64 bits"),
        errors("""
            *** Guest State ***
            CS:   sel=0x10000, attr=0x100000000, limit=0xffffffff, base=0x0000000000000000
            FooCtl = 0x0
            CR3 = 0x10000000000000000
            """));
  }
}
