package dev.vmcscodegen.runtime.image;

import static dev.vmcscodegen.runtime.fields.VmcsEncodings.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.vmcscodegen.problem.Problem;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Xen's {@code vmcs_dump_vcpu} (xen/arch/x86/hvm/vmx/vmcs.c) through the same reader as KVM's dumps. Known
 * answers are the numbers of the fixture {@code dumps/xen-4.12.txt}, mapped to the field Xen passes to
 * {@code vmr} for them.
 */
class XenDumpParserTest {

  static DumpReading read(String text) {
    return XenDumpParser.read(KvmDumpLayoutTest.utf8(text), "xen.txt");
  }

  @Test
  void segmentTableAndPairedLinesGiveTheirFields() {
    DumpReading dump = read(KvmDumpLayoutTest.fixture("xen-4.12.txt"));
    assertEquals("Xen 4.6 to 4.18", dump.layout());
    VmcsImage image = dump.image();
    // "  CS: f000 0009b 0000ffff 00000000ffff0000" under "sel  attr  limit   base"
    assertEquals(OptionalLong.of(0xF000), image.value(GUEST_CS_SELECTOR));
    assertEquals(OptionalLong.of(0x9B), image.value(GUEST_CS_ACCESS_RIGHTS));
    assertEquals(OptionalLong.of(0xFFFF), image.value(GUEST_CS_LIMIT));
    assertEquals(OptionalLong.of(0xFFFF_0000L), image.value(GUEST_CS_BASE));
    // "GDTR:            0000ffff 0000000000000000"
    assertEquals(OptionalLong.of(0xFFFF), image.value(GUEST_GDTR_LIMIT));
    // "RIP = 0x000000000000fff0 (0x000000000000fff0)": the VMCS value, not Xen's copy in parentheses.
    assertEquals(OptionalLong.of(0xFFF0), image.value(GUEST_RIP));
    // Host "RIP = 0xffff82d08031df40 (vmx_asm_vmexit_handler)  RSP = 0xffff83009c057f70"
    assertEquals(OptionalLong.of(0xFFFF_82D0_8031_DF40L), image.value(HOST_RIP));
    assertEquals(OptionalLong.of(0xFFFF_8300_9C05_7F70L), image.value(HOST_RSP));
    // "EPT pointer = 0x000000009f8b401e  EPTP index = 0x0000"
    assertEquals(OptionalLong.of(0x9F8B_401EL), image.value(EPT_POINTER));
    assertEquals(OptionalLong.of(0), image.value(EPTP_INDEX));
    // "Virtual processor ID = 0x0003 VMfunc controls = 0000000000000000"
    assertEquals(OptionalLong.of(3), image.value(VIRTUAL_PROCESSOR_ID));
    assertEquals(OptionalLong.of(0), image.value(VM_FUNCTION_CONTROLS));
    assertEquals(OptionalLong.of(0x3F), image.value(PIN_BASED_VM_EXECUTION_CONTROLS));
    assertEquals(List.of(), dump.parsed().problems());
  }

  @Test
  void xenBefore46PrintedSegmentsLikeKvmAndTheVmExitLineWithTheEntryLength() {
    DumpReading dump = read(KvmDumpLayoutTest.fixture("xen-4.5-old.txt"));
    assertEquals("Xen 3.4 to 4.5", dump.layout());
    assertEquals(List.of(), dump.parsed().problems());
    VmcsImage image = dump.image();
    // "CS: sel=0x0060, attr=0x0c09b, limit=0xffffffff, base=0x0000000000000000"
    assertEquals(OptionalLong.of(0x60), image.value(GUEST_CS_SELECTOR));
    assertEquals(OptionalLong.of(0xC09B), image.value(GUEST_CS_ACCESS_RIGHTS));
    // "GDTR:                           limit=0x000000ff, base=0x00000000c1400000"
    assertEquals(OptionalLong.of(0xC140_0000L), image.value(GUEST_GDTR_BASE));
    // "CR3: actual=0x0000000000185000, target_count=0" and "target0=..." to "target3=..."
    assertEquals(OptionalLong.of(0x18_5000), image.value(GUEST_CR3));
    assertEquals(OptionalLong.of(0), image.value(CR3_TARGET_COUNT));
    assertEquals(OptionalLong.of(0), image.value(CR3_TARGET_VALUE_3));
    // "Guest PAT = 0x%08x%08x": "0x0007040600070406"; "TSC Offset = fffffffd5a6c8e02" in the guest section.
    assertEquals(OptionalLong.of(0x0007_0406_0007_0406L), image.value(GUEST_IA32_PAT));
    assertEquals(OptionalLong.of(0xFFFF_FFFD_5A6C_8E02L), image.value(TSC_OFFSET));
    // "Interruptibility=0000 ActivityState=0000"
    assertEquals(OptionalLong.of(0), image.value(GUEST_ACTIVITY_STATE));
    // Host "RSP = 0xffff830138e2ff98  RIP = 0xffff82d0801e2ac0": RSP first.
    assertEquals(OptionalLong.of(0xFFFF_8301_38E2_FF98L), image.value(HOST_RSP));
    assertEquals(OptionalLong.of(0xFFFF_82D0_801E_2AC0L), image.value(HOST_RIP));
    // "CS=e008 DS=0000 ES=0000 FS=0000 GS=0000 SS=0000 TR=e040"
    assertEquals(OptionalLong.of(0xE040), image.value(HOST_TR_SELECTOR));
    assertEquals(OptionalLong.of(0x0000_0501_0007_0406L), image.value(HOST_IA32_PAT));
    // "reason=80000021 qualification=00000000": 8 digits, whole.
    assertEquals(OptionalLong.of(0), image.value(EXIT_QUALIFICATION));
    // The VMExit line's ilen was VM_ENTRY_INSTRUCTION_LEN (vmcs.c of 4.5): not the exit's length.
    assertFalse(image.contains(VM_EXIT_INSTRUCTION_LENGTH));
    assertEquals(OptionalLong.of(0x1_36B5_F01EL), image.value(EPT_POINTER));
    assertEquals(OptionalLong.of(2), image.value(VIRTUAL_PROCESSOR_ID));
  }

  @Test
  void xen419SplitsTheControlLinesForTheTertiaryControls() {
    DumpReading dump = read(KvmDumpLayoutTest.fixture("xen-4.19-tertiary.txt"));
    assertEquals("Xen 4.19 and later", dump.layout());
    assertEquals(List.of(), dump.parsed().problems());
    VmcsImage image = dump.image();
    // "PinBased=0000003f CPUBased=b6a065fa" and "SecondaryExec=000014eb TertiaryExec=0000000000000000"
    assertEquals(OptionalLong.of(0x3F), image.value(PIN_BASED_VM_EXECUTION_CONTROLS));
    assertEquals(OptionalLong.of(0x14EB), image.value(SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS));
    assertEquals(OptionalLong.of(0), image.value(TERTIARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS));
    // "SPEC_CTRL mask = 0x0000000000000004  shadow = 0x0000000000000000"
    assertEquals(OptionalLong.of(4), image.value(IA32_SPEC_CTRL_MASK));
    // "CR3 target0=0000000000000000 target1=00000000000a1000"
    assertEquals(OptionalLong.of(0xA_1000), image.value(CR3_TARGET_VALUE_1));
    assertEquals(OptionalLong.of(0), image.value(CR3_TARGET_VALUE_2));
  }

  @Test
  void timestampedQuotedAndWrappedXenLinesGiveTheSameFields() {
    for (String name : List.of("xen-4.12.txt", "xen-4.5-old.txt", "xen-4.19-tertiary.txt")) {
      disguisedAsPosted(name);
    }
  }

  private static void disguisedAsPosted(String name) {
    String clean = KvmDumpLayoutTest.fixture(name);
    VmcsImage expected = read(clean).image();
    Random random = new Random(11L);
    for (int round = 0; round < 40; round++) {
      StringBuilder text = new StringBuilder();
      String quote = random.nextBoolean() ? "> " : "";
      for (String line : clean.split("\n")) {
        String printed = random.nextBoolean() ? line.replace("(XEN) ", "(XEN) [2019-11-02 14:09:46] ") : line;
        int cut = printed.indexOf(' ', 70);
        if (cut > 0 && random.nextBoolean()) {
          text.append(quote).append(printed, 0, cut).append("\r\n").append(quote).append(printed.substring(cut + 1))
              .append("\r\n");
        } else {
          text.append(quote).append(printed).append("\r\n");
        }
      }
      DumpReading read = read(text.toString());
      assertEquals(expected, read.image(), () -> name + "\n" + text);
      assertFalse(read.parsed().problems().stream().map(Problem::id).anyMatch(id -> id.startsWith("Dump")),
          () -> read.parsed().problems() + "\n" + text);
    }
  }

  @Test
  void eferFromTheMsrLoadListIsNotTheVmcsField() {
    DumpReading dump = read("""
        (XEN) *** Guest State ***
        (XEN) EFER(MSR LL) = 0x0000000000000500  PAT = 0x0007040600070406
        """);
    assertFalse(dump.image().contains(GUEST_IA32_EFER));
    assertEquals(OptionalLong.of(0x0007_0406_0007_0406L), dump.image().value(GUEST_IA32_PAT));
  }
}
