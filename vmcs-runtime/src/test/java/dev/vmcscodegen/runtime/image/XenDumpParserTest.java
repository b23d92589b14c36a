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
    assertEquals("Xen 4.x and later", dump.layout());
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
  void timestampedQuotedAndWrappedXenLinesGiveTheSameFields() {
    String clean = KvmDumpLayoutTest.fixture("xen-4.12.txt");
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
      assertEquals(expected, read.image(), text::toString);
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
