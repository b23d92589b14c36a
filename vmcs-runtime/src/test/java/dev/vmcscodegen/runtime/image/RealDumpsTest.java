package dev.vmcscodegen.runtime.image;

import static dev.vmcscodegen.runtime.fields.VmcsEncodings.*;
import static dev.vmcscodegen.runtime.image.KvmDumpLayoutTest.difference;
import static dev.vmcscodegen.runtime.image.KvmDumpLayoutTest.fixture;
import static dev.vmcscodegen.runtime.image.KvmDumpLayoutTest.ids;
import static dev.vmcscodegen.runtime.image.KvmDumpLayoutTest.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Dumps people posted, read as they were posted ({@code dumps/*-real-*.txt}, each file's header names the
 * message): the posted form and a cleaner form of the same dump (another post of it, an independent decoder's
 * output, or the text with its prefixes taken off by {@code String.replace}) give one image. Known answers are
 * the numbers in the posted text, mapped to the field the hypervisor printed there.
 */
class RealDumpsTest {

  private static DumpReading kvm(String text) {
    return KvmDumpParser.read(utf8(text), "dump.txt");
  }

  private static DumpReading xen(String text) {
    return XenDumpParser.read(utf8(text), "xen.txt");
  }

  private static void assertSameImage(DumpReading expected, DumpReading actual) {
    assertEquals(expected.image(), actual.image(), () -> difference(expected.image(), actual.image()));
  }

  @Test
  void aQuotedPrintableMailAndAReplyQuotingItGiveOneImage() {
    // Qian Cai's raw message (quoted-printable, Apple Mail's soft line breaks) and Sean Christopherson's
    // reply quoting it ("> ", decoded): two posts of one dump.
    DumpReading raw = kvm(fixture("kvm-real-qiancai-qp.txt"));
    DumpReading quoted = kvm(fixture("kvm-real-qiancai-quoted.txt"));
    assertSameImage(quoted, raw);
    assertEquals(List.of(), ids(raw));
    assertEquals(List.of(), ids(quoted));
    assertEquals("Linux 4.1 to 5.12", raw.layout());
    VmcsImage image = raw.image();
    // "RSP =3D 0x0000000000000000  RIP =3D =" / "0x000000000000fff0": a soft break before the value.
    assertEquals(OptionalLong.of(0xFFF0), image.value(GUEST_RIP));
    // "DebugCtl =3D 0x0000000000000000  DebugExceptions =" / "=3D 0x0000000000000000"
    assertEquals(OptionalLong.of(0), image.value(GUEST_PENDING_DEBUG_EXCEPTIONS));
    // "APIC-access addr =3D 0x0000000e5dfc0000 virt-APIC =" / "addr =3D 0x0000000d2e76c000"
    assertEquals(OptionalLong.of(0xD_2E76_C000L), image.value(VIRTUAL_APIC_ADDRESS));
    // "reason=3D00000030 =" / "qualification=3D0000000000000184"
    assertEquals(OptionalLong.of(0x30), image.value(EXIT_REASON));
    assertEquals(OptionalLong.of(0x184), image.value(EXIT_QUALIFICATION));
    assertEquals(DumpFormat.KVM, DumpFormat.detect(utf8(fixture("kvm-real-qiancai-qp.txt"))));
  }

  @Test
  void aQuotedPrintableXenDumpReadsAsItsDecodedTextWithOrWithoutNoBreakSpaces() {
    // Killick's raw message, the same decoded by Python's quopri (no-break spaces between fields), and that
    // text with plain blanks for the no-break spaces.
    DumpReading raw = xen(fixture("xen-real-4.8-killick-qp.txt"));
    String decoded = fixture("xen-real-4.8-killick-decoded.txt");
    DumpReading withNoBreakSpaces = xen(decoded);
    DumpReading withBlanks = xen(decoded.replace('\u00A0', ' '));
    assertSameImage(withBlanks, withNoBreakSpaces);
    assertSameImage(withBlanks, raw);
    assertEquals(List.of(), ids(raw));
    assertEquals(List.of(), ids(withNoBreakSpaces));
    assertEquals("Xen 4.6 to 4.18", raw.layout());
    VmcsImage image = raw.image();
    // "RIP =3D" / "0xfffff80676dc29d0 (0xfffff80676dc29d0)": a line the mailer broke at a blank.
    assertEquals(OptionalLong.of(0xFFFF_F806_76DC_29D0L), image.value(GUEST_RIP));
    // "DebugCtl =3D 0x0000000000000001=C2=A0 DebugExceptions =3D 0x000000000=" / "0000000"
    assertEquals(OptionalLong.of(1), image.value(GUEST_IA32_DEBUGCTL));
    assertEquals(OptionalLong.of(0), image.value(GUEST_PENDING_DEBUG_EXCEPTIONS));
    // "reason=3D80000022 qua=" / "lification=3D0000000000000002": VM-entry failure due to MSR loading.
    assertEquals(OptionalLong.of(0x8000_0022L), image.value(EXIT_REASON));
    assertEquals(OptionalLong.of(2), image.value(EXIT_QUALIFICATION));
    // "GDTR:=C2=A0...=C2=" / "=A0 00000057 ffffb181c2d15fb0": a soft break inside an escape.
    assertEquals(OptionalLong.of(0x57), image.value(GUEST_GDTR_LIMIT));
    assertEquals(OptionalLong.of(0xFFFF_B181_C2D1_5FB0L), image.value(GUEST_GDTR_BASE));
    assertEquals(DumpFormat.XEN, DumpFormat.detect(utf8(fixture("xen-real-4.8-killick-qp.txt"))));
  }

  @Test
  void theCetSeriesPrintsTheHostCetFieldsAfterTheControlLines() {
    DumpReading posted = kvm(fixture("kvm-real-cet-v14-wrapped.txt"));
    assertSameImage(kvm(fixture("kvm-cet-v14.txt")), posted);
    assertEquals(List.of(), ids(posted));
    assertEquals("Linux 4.1 to 5.12", posted.layout());
    VmcsImage image = posted.image();
    // Before "*** Host State ***": "S_CET = 0x0000000000000000", "SSP = 0x00007fc1727fdfd0", "SSP TABLE = ..."
    assertEquals(OptionalLong.of(0x7FC1_727F_DFD0L), image.value(GUEST_SSP));
    assertEquals(OptionalLong.of(0), image.value(GUEST_IA32_S_CET));
    // After "Virtual processor ID = 0x0001": the host's three, all 0.
    assertEquals(OptionalLong.of(0), image.value(HOST_IA32_S_CET));
    assertEquals(OptionalLong.of(0), image.value(HOST_SSP));
    assertEquals(OptionalLong.of(0), image.value(HOST_IA32_INTERRUPT_SSP_TABLE_ADDR));
    // "EntryControls=0010d1ff ExitControls=102befff": load CET state on entry (bit 20) and exit (bit 28).
    assertEquals(OptionalLong.of(0x10_D1FF), image.value(VM_ENTRY_CONTROLS));
    assertEquals(OptionalLong.of(0x102B_EFFFL), image.value(PRIMARY_VM_EXIT_CONTROLS));
  }

  @Test
  void theVeInformationAddressIsReadAndItsPageIsNot() {
    String posted = fixture("kvm-real-6.10-ve-indented.txt");
    DumpReading read = kvm(posted);
    assertSameImage(kvm(posted.replace("  kvm_intel: ", "")), read);
    assertSameImage(kvm(fixture("kvm-6.10-ve.txt")), read);
    assertEquals("Linux 5.19 and later", read.layout());
    assertEquals(List.of("DumpHeaderLine", "DumpMsrAreaLine", "DumpMsrAreaLine", "DumpMsrAreaLine",
        "DumpMsrAreaLine", "DumpVeInfoArea"), ids(read));
    // "VE info address = 0x0000000135a04000"
    assertEquals(OptionalLong.of(0x1_35A0_4000L), read.image().value(VIRTUALIZATION_EXCEPTION_INFORMATION_ADDRESS));
    // "CPUBased=0xa5986dfa SecondaryExec=0x02040462 TertiaryExec=0x0000000000000000"
    assertEquals(OptionalLong.of(0x204_0462), read.image().value(SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS));
  }

  @Test
  void aVeInformationAddressMarkedCorruptedIsStillTheVmcsField() {
    // Linux 6.12 vmx.c: pr_err("VE info address = 0x%016llx%s\n", ve_info_pa,
    //     ve_info_pa == __pa(ve_info) ? "" : "(corrupted!)"), ve_info_pa read from VE_INFORMATION_ADDRESS.
    DumpReading read = kvm("*** Control State ***\nVE info address = 0x0000000135a04000(corrupted!)\n");
    assertEquals(OptionalLong.of(0x1_35A0_4000L), read.image().value(VIRTUALIZATION_EXCEPTION_INFORMATION_ADDRESS));
    assertEquals(List.of(), ids(read));
  }

  @Test
  void theTertiaryPatchAsFirstPostedKeptTheEntryControlsLine() {
    // Zeng Guang's sample dump, lore.kernel.org/kvm/7fd4cb11-9920-6432-747e-633b96db0598@intel.com: the
    // four controls on one line (wrapped by the mailer), then the old "EntryControls=%08x ExitControls=%08x".
    DumpReading read = kvm("""
        Sample dump here.
         \s
        *** Control State ***

          PinBased=0x000000ff CPUBased=0xb5a26dfa SecondaryExec=0x061037eb\s
        TertiaryExec=0x0000000000000010
          EntryControls=0000d1ff ExitControls=002befff
          ExceptionBitmap=00060042 PFECmask=00000000 PFECmatch=00000000
          VMEntry: intr_info=00000000 errcode=00000000 ilen=00000000
          VMExit: intr_info=00000000 errcode=00000000 ilen=00000003
                  reason=00000030 qualification=0000000000000784
        """);
    assertEquals(List.of(), ids(read));
    assertEquals(OptionalLong.of(0x10), read.image().value(TERTIARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS));
    assertEquals(OptionalLong.of(0xD1FF), read.image().value(VM_ENTRY_CONTROLS));
    assertEquals(OptionalLong.of(0x784), read.image().value(EXIT_QUALIFICATION));
  }

  @Test
  void aXenDumpQuotedFourDeepWithTimeStampsAndBrokenLabelsIsReadWhole() {
    DumpReading read = xen(fixture("xen-real-alstadheim-quoted-timestamps.txt"));
    assertEquals(List.of(), ids(read));
    VmcsImage image = read.image();
    // "Interruptibility = 00000002  ActivityState" / "= 00000000": blocking by MOV SS.
    assertEquals(OptionalLong.of(2), image.value(GUEST_INTERRUPTIBILITY_STATE));
    assertEquals(OptionalLong.of(0), image.value(GUEST_ACTIVITY_STATE));
    // "EPT pointer = 0x000000054e3a701e  EPTP" / "index = 0x0000"
    assertEquals(OptionalLong.of(0x5_4E3A_701EL), image.value(EPT_POINTER));
    assertEquals(OptionalLong.of(0), image.value(EPTP_INDEX));
    // "Virtual processor ID = 0x5a02 VMfunc" / "controls = 0000000000000000"
    assertEquals(OptionalLong.of(0x5A02), image.value(VIRTUAL_PROCESSOR_ID));
    // "VMEntry: intr_info=80000501" / "errcode=00000000 ilen=00000001": ICEBP injected.
    assertEquals(OptionalLong.of(0x8000_0501L), image.value(VM_ENTRY_INTERRUPTION_INFORMATION));
    assertEquals(OptionalLong.of(1), image.value(VM_ENTRY_INSTRUCTION_LENGTH));
    // "RFLAGS=0x00000187 (0x00000187)  DR7 =" / "0x0000000000000400"
    assertEquals(OptionalLong.of(0x187), image.value(GUEST_RFLAGS));
    assertEquals(OptionalLong.of(0x400), image.value(GUEST_DR7));
    assertEquals(109, image.size());
  }
}
