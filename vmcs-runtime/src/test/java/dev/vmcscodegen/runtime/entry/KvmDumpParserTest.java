package dev.vmcscodegen.runtime.entry;

import static dev.vmcscodegen.runtime.fields.VmcsEncodings.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.runtime.fields.VmcsFields;
import dev.vmcscodegen.runtime.fields.VmcsControl32;
import dev.vmcscodegen.runtime.fields.VmcsControl64;
import dev.vmcscodegen.runtime.fields.VmcsControlNW;
import dev.vmcscodegen.runtime.fields.VmcsGuest16;
import dev.vmcscodegen.runtime.fields.VmcsGuest32;
import dev.vmcscodegen.runtime.fields.VmcsReadOnly32;
import dev.vmcscodegen.runtime.fields.VmcsReadOnlyNW;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every line shape of Linux KVM's {@code vmx_dump_vmcs} (arch/x86/kvm/vmx/vmx.c), field by field. The
 * known answers are the numbers printed in the project's sample dump ({@code kvm-dump-sample.txt}); the
 * field each printed item stands for is the one KVM passes to {@code vmcs_read*} for it. Every test
 * parses inside the test method (not in a static field), so the parse runs on the code under test.
 */
class KvmDumpParserTest {

  private static KvmDump sample() {
    return KvmDumpParser.parse(KvmDumpTest.resource("kvm-dump-sample.txt"));
  }

  private static void segment(Map<Integer, Long> expected, GuestSegment register, long selector, long attr,
      long limit, long base) {
    expected.put(register.selector(), selector);
    expected.put(register.accessRights(), attr);
    expected.put(register.limit(), limit);
    expected.put(register.base(), base);
  }

  /** The fields and values the sample prints, line by line in the sample's order. */
  private static Map<Integer, Long> sampleFields() {
    Map<Integer, Long> expected = new TreeMap<>();
    // *** Guest State ***
    // CR0: actual=0x0000000080050033, shadow=0x0000000080050033, gh_mask=fffffffffffefff7
    expected.put(GUEST_CR0, 0x8005_0033L);
    expected.put(VmcsControlNW.CR0_READ_SHADOW.encoding(), 0x8005_0033L);
    expected.put(VmcsControlNW.CR0_GUEST_HOST_MASK.encoding(), 0xFFFF_FFFF_FFFE_FFF7L);
    // CR4: actual=0x0000000000752ef0, shadow=0x0000000000750ef0, gh_mask=fffffffffffef871
    expected.put(GUEST_CR4, 0x75_2EF0L);
    expected.put(VmcsControlNW.CR4_READ_SHADOW.encoding(), 0x75_0EF0L);
    expected.put(VmcsControlNW.CR4_GUEST_HOST_MASK.encoding(), 0xFFFF_FFFF_FFFE_F871L);
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
    expected.put(VmcsGuest32.IA32_SYSENTER_CS.encoding(), 0x10L);
    expected.put(GUEST_IA32_SYSENTER_EIP, 0xFFFF_FFFF_82A0_1E60L);
    // The segment table: "XX: sel=, attr=, limit=, base=".
    segment(expected, GuestSegment.CS, 0x10, 0xA09B, 0xFFFF_FFFFL, 0);
    segment(expected, GuestSegment.DS, 0, 0x1_C001, 0xFFFF_FFFFL, 0);
    segment(expected, GuestSegment.SS, 0, 0x1_C000, 0xFFFF_FFFFL, 0);
    segment(expected, GuestSegment.ES, 0, 0x1_C001, 0xFFFF_FFFFL, 0);
    segment(expected, GuestSegment.FS, 0, 0x1_C000, 0xFFFF_FFFFL, 0);
    segment(expected, GuestSegment.GS, 0, 0x1_C001, 0xFFFF_FFFFL, 0xFFFF_8882_36E0_0000L);
    // GDTR:                           limit=0x0000007f, base=0xfffffe0000001000
    expected.put(GUEST_GDTR_LIMIT, 0x7FL);
    expected.put(GUEST_GDTR_BASE, 0xFFFF_FE00_0000_1000L);
    segment(expected, GuestSegment.LDTR, 0, 0x1_C000, 0xFFFF_FFFFL, 0);
    // IDTR:                           limit=0x00000fff, base=0xfffffe0000000000
    expected.put(GUEST_IDTR_LIMIT, 0xFFFL);
    expected.put(GUEST_IDTR_BASE, 0xFFFF_FE00_0000_0000L);
    segment(expected, GuestSegment.TR, 0x40, 0x8B, 0x4087, 0xFFFF_FE00_0000_3000L);
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
    expected.put(VmcsGuest16.INTERRUPT_STATUS.encoding(), 0xEC00L);
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
    expected.put(VmcsControl32.EXCEPTION_BITMAP.encoding(), 0x6_0042L);
    expected.put(VmcsControl32.PAGE_FAULT_ERROR_CODE_MASK.encoding(), 0L);
    expected.put(VmcsControl32.PAGE_FAULT_ERROR_CODE_MATCH.encoding(), 0L);
    // VMEntry: intr_info=000000ec errcode=00000000 ilen=00000002
    expected.put(VM_ENTRY_INTERRUPTION_INFORMATION, 0xECL);
    expected.put(VM_ENTRY_EXCEPTION_ERROR_CODE, 0L);
    expected.put(VM_ENTRY_INSTRUCTION_LENGTH, 2L);
    // VMExit: intr_info=00000000 errcode=00000000 ilen=00000003
    expected.put(VmcsReadOnly32.VM_EXIT_INTERRUPTION_INFORMATION.encoding(), 0L);
    expected.put(VmcsReadOnly32.VM_EXIT_INTERRUPTION_ERROR_CODE.encoding(), 0L);
    expected.put(VmcsReadOnly32.VM_EXIT_INSTRUCTION_LENGTH.encoding(), 3L);
    // reason=00000030 qualification=0000000000000981
    expected.put(VmcsReadOnly32.EXIT_REASON.encoding(), 0x30L);
    expected.put(VmcsReadOnlyNW.EXIT_QUALIFICATION.encoding(), 0x981L);
    // IDTVectoring: info=800000ec errcode=00000000
    expected.put(VmcsReadOnly32.IDT_VECTORING_INFORMATION.encoding(), 0x8000_00ECL);
    expected.put(VmcsReadOnly32.IDT_VECTORING_ERROR_CODE.encoding(), 0L);
    // TSC Offset = 0xfffff9be78c9dd49
    expected.put(VmcsControl64.TSC_OFFSET.encoding(), 0xFFFF_F9BE_78C9_DD49L);
    // TSC Multiplier = 0x0001000000000000
    expected.put(VmcsControl64.TSC_MULTIPLIER.encoding(), 0x0001_0000_0000_0000L);
    // SVI|RVI = ec|00 TPR Threshold = 0x00
    expected.put(TPR_THRESHOLD, 0L);
    // virt-APIC addr = 0x0000000360524000 (printed without the kvm_intel: prefix)
    expected.put(VIRTUAL_APIC_ADDRESS, 0x3_6052_4000L);
    // PostedIntrVec = 0xf2
    expected.put(POSTED_INTERRUPT_NOTIFICATION_VECTOR, 0xF2L);
    // EPT pointer = 0x0000000299e9305e
    expected.put(EPT_POINTER, 0x2_99E9_305EL);
    // PLE Gap=00000080 Window=00001000
    expected.put(VmcsControl32.PLE_GAP.encoding(), 0x80L);
    expected.put(VmcsControl32.PLE_WINDOW.encoding(), 0x1000L);
    // Virtual processor ID = 0x0001 (the last line of the sample)
    expected.put(VIRTUAL_PROCESSOR_ID, 1L);
    return expected;
  }

  @Test
  void sampleGivesExactlyThePrintedFieldsWithThePrintedValues() {
    KvmDump dump = sample();
    Map<Integer, Long> expected = sampleFields();
    for (Map.Entry<Integer, Long> field : expected.entrySet()) {
      assertEquals(field.getValue(), dump.image().values().get(field.getKey()),
          () -> "field " + VmcsFields.CATALOG.nameOf(field.getKey()));
    }
    assertEquals(expected, dump.image().values());
  }

  @Test
  void sampleSkipsOnlyTheHeaderAndTheEffectiveEferEachWithItsReason() {
    // Line 1 is the "VMCS <pointer>, last attempted VM-entry on CPU 8" header; line 21 is
    // "EFER= 0x0000000000000d01 (effective)", KVM's idea of EFER with "load IA32_EFER" 0.
    assertEquals(List.of(
        "line 1: VMCS 00000000336523a9, last attempted VM-entry on CPU 8 (header)",
        "line 21: EFER= 0x0000000000000d01 (effective)"
            + " (KVM's effective EFER, not the VMCS field: \"load IA32_EFER\" is 0)"),
        sample().skipped());
  }

  @Test
  void unknownLineIsSkippedAsUnknownAndTheParsedLinesAroundItStay() {
    KvmDump dump = KvmDumpParser.parse("""
        kvm_intel: *** Guest State ***
        kvm_intel: CR3 = 0x0000000004442000
        kvm_intel: S_CET = 0x0000000000000000
        kvm_intel: PAT = 0x0407050600070106""");
    assertEquals(List.of("line 3: S_CET = 0x0000000000000000 (not a VMCS field this parser knows)"), dump.skipped());
    assertEquals(Map.of(GUEST_CR3, 0x444_2000L, GUEST_IA32_PAT, 0x0407_0506_0007_0106L), dump.image().values());
  }

  @Test
  void lastLineIsParsedWithoutATrailingNewline() {
    KvmDump dump = KvmDumpParser.parse("*** Control State ***\nVirtual processor ID = 0x0001");
    assertEquals(Map.of(VIRTUAL_PROCESSOR_ID, 1L), dump.image().values());
    assertEquals(List.of(), dump.skipped());
  }

  @Test
  void sameTextMapsToTheFieldOfItsSection() {
    // "PAT = ..." and "Sysenter RSP=... CS:RIP=..." are printed in both the guest and the host section.
    String lines = "PAT = 0x0000000000000006\nSysenter RSP=0000000000001000 CS:RIP=0008:0000000000002000\n";
    KvmDump guest = KvmDumpParser.parse("*** Guest State ***\n" + lines);
    assertEquals(Map.of(GUEST_IA32_PAT, 6L, GUEST_IA32_SYSENTER_ESP, 0x1000L,
        VmcsGuest32.IA32_SYSENTER_CS.encoding(), 8L, GUEST_IA32_SYSENTER_EIP, 0x2000L), guest.image().values());
    KvmDump host = KvmDumpParser.parse("*** Host State ***\n" + lines);
    assertEquals(Map.of(HOST_IA32_PAT, 6L, HOST_IA32_SYSENTER_ESP, 0x1000L, HOST_IA32_SYSENTER_CS, 8L,
        HOST_IA32_SYSENTER_EIP, 0x2000L), host.image().values());
    // Before any section header no line is a field.
    assertThrows(IllegalArgumentException.class, () -> KvmDumpParser.parse(lines));
  }

  @Test
  void bareEferLinesAreTheVmcsFields() {
    // vmx_dump_vmcs prints "EFER= 0x%016llx" without a suffix when "load IA32_EFER" (entry control 15)
    // is 1, and always for the host.
    KvmDump dump = KvmDumpParser.parse("""
        *** Guest State ***
        EFER= 0x0000000000000d01
        *** Host State ***
        EFER= 0x0000000000000d01
        """);
    assertEquals(Map.of(GUEST_IA32_EFER, 0xD01L, HOST_IA32_EFER, 0xD01L), dump.image().values());
    assertEquals(List.of(), dump.skipped());
  }

  @Test
  void optionalGuestAndHostMsrLinesMapToTheirFields() {
    KvmDump dump = KvmDumpParser.parse("""
        [    1.000000] kvm: *** Guest State ***
        [    1.000000] kvm: PerfGlobCtl = 0x000000070000000f
        [    1.000000] kvm: BndCfgS = 0x0000000000000000
        [    1.000000] kvm: *** Host State ***
        [    1.000000] kvm: PerfGlobCtl = 0x0000000000000003
        """);
    assertEquals(Map.of(GUEST_IA32_PERF_GLOBAL_CTRL, 0x7_0000_000FL, GUEST_IA32_BNDCFGS, 0L,
        HOST_IA32_PERF_GLOBAL_CTRL, 3L), dump.image().values());
  }

  @Test
  void controlLinesWithoutTertiaryControlsGiveTwoFields() {
    // Kernels before tertiary controls print "CPUBased=0x%08x SecondaryExec=0x%08x".
    KvmDump dump = KvmDumpParser.parse("""
        *** Control State ***
        CPUBased=0xb5a26dfa SecondaryExec=0x061017fa
        PinBased=0x000000ff EntryControls=000053ff ExitControls=000befff
        APIC-access addr = 0x00000000fee00000
        """);
    assertEquals(Map.of(PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS, 0xB5A2_6DFAL,
        SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS, 0x0610_17FAL, PIN_BASED_VM_EXECUTION_CONTROLS, 0xFFL,
        VM_ENTRY_CONTROLS, 0x53FFL, PRIMARY_VM_EXIT_CONTROLS, 0xB_EFFFL, APIC_ACCESS_ADDRESS, 0xFEE0_0000L),
        dump.image().values());
  }

  @Test
  void valueWiderThanItsFieldNamesTheLine() {
    // The guest CS selector is a 16-bit field (encoding bits 14:13 = 0, SDM Vol. 3C Table 25-21).
    IllegalArgumentException wide = assertThrows(IllegalArgumentException.class, () -> KvmDumpParser.parse(
        "*** Guest State ***\nCS:   sel=0x10000, attr=0x0a09b, limit=0xffffffff, base=0x0\n"));
    assertTrue(wide.getMessage().startsWith("line 2: "), wide.getMessage());
    IllegalArgumentException long65 = assertThrows(IllegalArgumentException.class, () -> KvmDumpParser.parse(
        "*** Guest State ***\nCR3 = 0x10000000000000000\n"));
    assertEquals("line 2: 10000000000000000 has more than 64 bits", long65.getMessage());
  }
}
