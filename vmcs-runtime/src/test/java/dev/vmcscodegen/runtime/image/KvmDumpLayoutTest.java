package dev.vmcscodegen.runtime.image;

import static dev.vmcscodegen.runtime.fields.VmcsEncodings.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.problem.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every layout of Linux KVM's {@code dump_vmcs} over its history, and the ways a pasted dump differs from
 * what the kernel printed: log prefixes, CRLF, mail quoting and re-wrapping, text around it, a dump pasted
 * twice, lines cut short. The fixtures ({@code dumps/kvm-*.txt}) are written for this project from the
 * kernel's {@code pr_err} formats; each file's header names the kernel versions and the change its layout
 * comes from. Known answers are the numbers printed in the fixture, mapped to the field KVM passes to
 * {@code vmcs_read*} for them.
 */
class KvmDumpLayoutTest {

  static String fixture(String name) {
    try (InputStream in = KvmDumpLayoutTest.class.getResourceAsStream("dumps/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DumpReading read(String text) {
    return KvmDumpParser.read(utf8(text), "dump.txt");
  }

  static InputStream utf8(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  static List<String> ids(DumpReading reading) {
    return reading.parsed().problems().stream().map(Problem::id).toList();
  }

  static final List<String> FIXTURES = List.of("kvm-4.19-classic.txt", "kvm-5.15-edmondson.txt",
      "kvm-5.19-tertiary.txt", "kvm-fred.txt", "kvm-cet-v14.txt", "kvm-6.10-ve.txt");

  /** The fields two images hold differently, for a failure message. */
  static String difference(VmcsImage expected, VmcsImage actual) {
    Map<Integer, Long> missing = new java.util.TreeMap<>(expected.values());
    missing.entrySet().removeAll(actual.values().entrySet());
    Map<Integer, Long> extra = new java.util.TreeMap<>(actual.values());
    extra.entrySet().removeAll(expected.values().entrySet());
    return "expected but not read: " + missing + "; read but not expected: " + extra + "\n";
  }

  @Nested
  class Layouts {

    @Test
    void classicLayoutReadsControlsPrintedWithout0x() {
      DumpReading dump = read(fixture("kvm-4.19-classic.txt"));
      assertEquals("Linux 4.1 to 5.12", dump.layout());
      VmcsImage image = dump.image();
      // "PinBased=0000003f CPUBased=b5986dfa SecondaryExec=000007eb"
      assertEquals(OptionalLong.of(0x3F), image.value(PIN_BASED_VM_EXECUTION_CONTROLS));
      assertEquals(OptionalLong.of(0xB598_6DFAL), image.value(PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS));
      assertEquals(OptionalLong.of(0x7EB), image.value(SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS));
      // "EntryControls=0000d1ff ExitControls=002fefff"
      assertEquals(OptionalLong.of(0xD1FF), image.value(VM_ENTRY_CONTROLS));
      assertEquals(OptionalLong.of(0x2F_EFFF), image.value(PRIMARY_VM_EXIT_CONTROLS));
      // "EFER =     0x0000000000000000  PAT = 0x0007040600070406" (guest), host "EFER = 0x...d01  PAT = ..."
      assertEquals(OptionalLong.of(0), image.value(GUEST_IA32_EFER));
      assertEquals(OptionalLong.of(0x0007_0406_0007_0406L), image.value(GUEST_IA32_PAT));
      assertEquals(OptionalLong.of(0xD01), image.value(HOST_IA32_EFER));
      // "APIC-access addr = 0x00000003f1b8c000 virt-APIC addr = 0x00000003f2a4d000" (pr_err + pr_cont)
      assertEquals(OptionalLong.of(0x3_F1B8_C000L), image.value(APIC_ACCESS_ADDRESS));
      assertEquals(OptionalLong.of(0x3_F2A4_D000L), image.value(VIRTUAL_APIC_ADDRESS));
      // "CR3 target0=0000000000000000"
      assertEquals(OptionalLong.of(0), image.value(CR3_TARGET_VALUE_0));
      assertEquals(List.of(), ids(dump));
    }

    @Test
    void edmondsonLayoutHasTheHeaderEffectiveEferAndMsrLists() {
      DumpReading dump = read(fixture("kvm-5.15-edmondson.txt"));
      assertEquals("Linux 5.13 to 5.18", dump.layout());
      assertEquals(List.of("DumpHeaderLine", "DumpEffectiveEfer", "DumpMsrAreaLine", "DumpMsrAreaLine"), ids(dump));
      VmcsImage image = dump.image();
      assertFalse(image.contains(GUEST_IA32_EFER));
      assertEquals(OptionalLong.of(0xFF), image.value(PIN_BASED_VM_EXECUTION_CONTROLS));
      assertEquals(OptionalLong.of(0xB5A0_6DFAL), image.value(PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS));
      // "SVI|RVI = 00|00" and "InterruptStatus = 0000" agree: one field, no conflict.
      assertEquals(OptionalLong.of(0), image.value(GUEST_INTERRUPT_STATUS));
    }

    @Test
    void tertiaryLayoutIsTheSample() {
      DumpReading dump = read(fixture("kvm-5.19-tertiary.txt"));
      assertEquals("Linux 5.19 and later", dump.layout());
      assertEquals(KvmDumpParser.parse(KvmDumpSample.text()).value(), dump.image());
      // "SVI|RVI = ec|00" is the guest interrupt status 0xec00 printed as "InterruptStatus = ec00".
      assertEquals(OptionalLong.of(0xEC00), dump.image().value(GUEST_INTERRUPT_STATUS));
    }

    @Test
    void fredLayoutSplitsTheExitControlsAndReadsUpperCaseHex() {
      DumpReading dump = read(fixture("kvm-fred.txt"));
      assertEquals("Linux with KVM FRED support and later", dump.layout());
      VmcsImage image = dump.image();
      assertEquals(OptionalLong.of(0x53FF), image.value(VM_ENTRY_CONTROLS));
      assertEquals(OptionalLong.of(0xB_EFFF), image.value(PRIMARY_VM_EXIT_CONTROLS));
      assertEquals(OptionalLong.of(0), image.value(SECONDARY_VM_EXIT_CONTROLS));
      assertEquals(OptionalLong.of(0xD01), image.value(GUEST_IA32_EFER));
      assertEquals(OptionalLong.of(0xFFFF_FFFF_FFFE_FFF7L), image.value(CR0_GUEST_HOST_MASK));
      assertEquals(OptionalLong.of(0), image.value(GUEST_IA32_S_CET));
      assertEquals(OptionalLong.of(0), image.value(GUEST_IA32_INTERRUPT_SSP_TABLE_ADDR));
      // "FRED host: config=0xFFFFFFFF81E00000, ..." then "RSP0=0xFFFFC9000001C000, RSP1=0x0000000000000000":
      // RSP0 is the MSR, no VMCS field.
      assertEquals(OptionalLong.of(0xFFFF_FFFF_81E0_0000L), image.value(HOST_IA32_FRED_CONFIG));
      assertEquals(OptionalLong.of(0), image.value(HOST_IA32_FRED_RSP1));
      assertEquals(OptionalLong.of(0), image.value(GUEST_IA32_FRED_STKLVLS));
      // "VMEntry: ... event_data=0000000000000000", "IDTVectoring: ... event_data=0000000000000000"
      assertEquals(OptionalLong.of(0), image.value(INJECTED_EVENT_DATA));
      assertEquals(OptionalLong.of(0), image.value(ORIGINAL_EVENT_DATA));
      assertEquals(List.of("DumpHeaderLine"), ids(dump));
    }
  }

  @Nested
  class Wrapping {

    private static final String[] PREFIXES = {
        "[ 2311.499067] kvm_intel: ", "[Tue Jun 24 17:25:51 2025] kvm_intel: ", "Jun 24 17:25:51 host kernel: ",
        "Jun 24 17:25:51 host kernel: kvm_intel: ", "Jun  4 07:05:01 host qemu-kvm[4242]: ", "kvm [1234]: ",
        "2025-06-24T17:25:51+0200 host kernel: [ 2311.499067] kvm: ", "<3>kvm_intel: ", "[28041.676235][T78789] ",
        "[\u2026] ", "  kvm_intel: ", ""};
    private static final String[] QUOTES = {"", "> ", ">> ", ">>>> ", "> > "};

    /** The clean fixture changed the way logs, terminals and mailers change it, chosen by {@code random}. */
    static String disguise(String clean, Random random) {
      String prefix = PREFIXES[random.nextInt(PREFIXES.length)];
      String quote = QUOTES[random.nextInt(QUOTES.length)];
      String end = random.nextBoolean() ? "\r\n" : "\n";
      int width = 60 + random.nextInt(40);
      StringBuilder out = new StringBuilder();
      out.append(quote).append("Hi all, my guest fails to start, dmesg says:").append(end).append(quote).append(end);
      for (String line : clean.split("\n", -1)) {
        String printed = prefix + line;
        // Where the dump line starts after all log prefixes: a mailer's wrap is taken in the line itself.
        int content = printed.length() - LogLine.strip(printed).length() + 1;
        int cut = printed.lastIndexOf(' ', width);
        if (cut <= content) {
          cut = printed.indexOf(' ', content);
        }
        if (printed.length() > width && random.nextInt(3) == 0 && cut > content) {
          // A mailer re-wraps at a blank and moves the rest to a line of its own (quoted, no log prefix).
          out.append(quote).append(printed, 0, cut).append(end);
          out.append(quote).append(printed.substring(cut + 1)).append(end);
        } else {
          out.append(quote).append(printed).append(end);
        }
      }
      out.append(quote).append("[ 2312.000001] kvm: vcpu0 unhandled rdmsr: 0x4e").append(end);
      out.append("Thanks, any idea?").append(end);
      // A web page or an HTML mail may show every blank as a no-break space.
      return random.nextInt(4) == 0 ? out.toString().replace(' ', '\u00A0') : out.toString();
    }

    @Test
    void aPrefixedQuotedWrappedDumpGivesTheFieldsAndLayoutOfTheCleanOne() {
      Random random = new Random(20261202L);
      for (String name : FIXTURES) {
        DumpReading clean = read(fixture(name));
        for (int round = 0; round < 60; round++) {
          String disguised = disguise(fixture(name), random);
          DumpReading read = read(disguised);
          String where = name + " round " + round + ":\n" + disguised;
          assertEquals(clean.image(), read.image(), () -> difference(clean.image(), read.image()) + where);
          assertEquals(clean.layout(), read.layout(), where);
          assertFalse(ids(read).contains("DumpLineCut"), () -> read.parsed().problems() + where);
          assertFalse(ids(read).contains("DumpUnknownLine"), () -> read.parsed().problems() + where);
        }
      }
    }

    @Test
    void journalLinesWithoutModuleNameAreRead() {
      // The refused dump: every line carries "Jun 24 17:25:51 host kernel: " and no "kvm_intel:".
      String text = fixture("kvm-5.15-edmondson.txt").lines()
          .map(line -> "Jun 24 17:25:51 host kernel: " + line).reduce("", (a, b) -> a + b + "\n");
      assertEquals(read(fixture("kvm-5.15-edmondson.txt")).image(), read(text).image());
    }

    @Test
    void aValueMovedToTheNextLineIsJoined() {
      DumpReading dump = read("""
          > [ 1.0] kvm_intel: *** Control State ***
          > [ 1.0] kvm_intel: PinBased=000000ff CPUBased=b5a06dfa
          > SecondaryExec=000007eb
          > [ 1.0] kvm_intel: Virtual processor ID = 0x0001
          """);
      assertEquals(OptionalLong.of(0x7EB), dump.image().value(SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS));
      assertEquals(List.of(), ids(dump));
    }
  }

  @Nested
  class SeveralDumps {

    @Test
    void theLastCompleteDumpIsReadAndTheWarningSaysSo() {
      String first = fixture("kvm-4.19-classic.txt");
      String second = first.replace("Virtual processor ID = 0x0001", "Virtual processor ID = 0x0002");
      DumpReading dump = read(first + second);
      assertEquals(OptionalLong.of(2), dump.image().value(VIRTUAL_PROCESSOR_ID));
      // The fixture has 48 lines, its dump starts at line 6: the copy's at 48 + 6.
      assertEquals("dump.txt:54: warning: [DumpSeveral] 2 dumps in the text (starting at lines 6, 54); read the"
          + " last one, starting at line 54", dump.parsed().problems().get(0).render());
    }

    @Test
    void anIncompleteLastDumpLeavesThePreviousCompleteOne() {
      String full = fixture("kvm-4.19-classic.txt");
      String partial = full.substring(0, full.indexOf("*** Host State ***"))
          .replace("CR3 = 0x0000000000000000", "CR3 = 0x0000000000001000");
      DumpReading dump = read(full + partial);
      assertEquals(OptionalLong.of(0), dump.image().value(GUEST_CR3));
      assertTrue(dump.parsed().problems().get(0).render().endsWith("read the last complete one, starting at line 6"),
          dump.parsed().problems().get(0).render());
    }
  }

  @Nested
  class CutLines {

    @Test
    void aLineCutAt80ColumnsKeepsItsWholeValuesOnly() {
      DumpReading dump = read("""
          *** Guest State ***
          CS:   sel=0x0010, attr=0x0a09b, limit=0xffffffff, base=0x000000000
          CR3 = 0x0000000004442000
          """);
      VmcsImage image = dump.image();
      assertEquals(OptionalLong.of(0xFFFF_FFFFL), image.value(GUEST_CS_LIMIT));
      assertFalse(image.contains(GUEST_CS_BASE));
      assertEquals(List.of("DumpValueCut"), ids(dump));
    }

    @Test
    void aLineStoppingInsideItsLayoutIsReportedWithItsLineNumber() {
      DumpReading dump = read("""
          *** Control State ***
          PinBased=000000ff CPUBased=b5a06dfa SecondaryE
          Virtual processor ID = 0x0001
          """);
      assertEquals(OptionalLong.of(0xB5A0_6DFAL),
          dump.image().value(PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS));
      assertFalse(dump.image().contains(SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS));
      assertEquals("dump.txt:2: warning: [DumpLineCut] line cut short, 'PinBased=%08x CPUBased=%08x"
          + " SecondaryExec=%08x' expected; values read: 2: 'PinBased=000000ff CPUBased=b5a06dfa SecondaryE'",
          dump.parsed().problems().get(0).render());
    }
  }

  @Test
  void a50MegabyteLogIsReadAsAStream() {
    // A kern.log of 50 MB of other messages with the dump at its end, made as it is read: the text never
    // exists whole, so the reader must stream it.
    String dump = fixture("kvm-5.19-tertiary.txt");
    byte[] dumpBytes = dump.getBytes(StandardCharsets.UTF_8);
    InputStream log = new InputStream() {
      private final byte[] noise = "[ 1234.567890] audit: type=1400 apparmor=\"ALLOWED\" operation=\"open\"\n"
          .getBytes(StandardCharsets.UTF_8);
      private long left = 50L * 1024 * 1024;
      private int dumpAt;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        int n = 0;
        while (n < length) {
          if (left > 0) {
            buffer[offset + n++] = noise[(int) (left-- % noise.length == 0 ? 0
                : noise.length - left % noise.length) % noise.length];
          } else if (dumpAt < dumpBytes.length) {
            buffer[offset + n++] = dumpBytes[dumpAt++];
          } else {
            return n == 0 ? -1 : n;
          }
        }
        return n;
      }
    };
    DumpReading read = KvmDumpParser.read(log, "kern.log");
    assertEquals(read(dump).image(), read.image());
  }

  @Test
  void aFieldPrintedTwiceWithDifferentValuesIsNotRead() {
    DumpReading dump = read("""
        *** Guest State ***
        InterruptStatus = ec00
        *** Control State ***
        SVI|RVI = 00|31 TPR Threshold = 0x00
        """);
    assertFalse(dump.image().contains(GUEST_INTERRUPT_STATUS));
    assertEquals(Map.of(TPR_THRESHOLD, 0L), dump.image().values());
    assertEquals("dump.txt:4: warning: [DumpConflictingValues] field VmcsGuest16.INTERRUPT_STATUS: printed as"
        + " 0xEC00 on line 2 and as 0x31 here: neither is read", dump.parsed().problems().get(0).render());
  }

  @Test
  void textBeforeTheDumpAndAfterItIsNotReported() {
    DumpReading dump = read("my VM crashed\nsee below\n*** Guest State ***\nCR3 = 0x0000000004442000\n"
        + "this is not a dump line\nkvm: exiting\n");
    assertEquals(List.of(), ids(dump));
    assertEquals(new ArrayList<>(List.of(GUEST_CR3)), new ArrayList<>(dump.image().values().keySet()));
  }
}
