package dev.vmcscodegen.runtime.image;

import static dev.vmcscodegen.runtime.image.KvmDumpLayoutTest.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link DumpFormat#detect}: each line that tells a kind, alone and behind log prefixes, and texts of none.
 * The lines are the ones the hypervisors print: Linux's {@code dump_vmcs} (arch/x86/kvm/vmx/vmx.c) opens
 * with {@code VMCS %p, last attempted VM-entry on CPU %d} (5.13 and later) and prints segments as
 * {@code %s sel=0x%04x, attr=0x%05x, ...}; Xen's {@code vmcs_dump_vcpu} (xen/arch/x86/hvm/vmx/vmcs.c)
 * prints through its console, {@code (XEN)}, and heads its segment table {@code sel  attr  limit   base}.
 */
class DumpFormatTest {

  private static DumpFormat detect(String text) {
    return DumpFormat.detect(utf8(text), "t.log");
  }

  @Test
  void xenByItsConsolePrefixOrItsSegmentTableHeader() {
    assertEquals(DumpFormat.XEN, detect("boot\n(XEN) *** Guest State ***\n"));
    // a log saved without Xen's prefix: the table header alone, its columns spaced as Xen prints them
    assertEquals(DumpFormat.XEN, detect("*** Guest State ***\n         sel  attr  limit   base\n"));
  }

  @Test
  void kvmByASegmentLineTheHeaderOrASectionAlone() {
    assertEquals(DumpFormat.KVM, detect("kvm_intel: CS:   sel=0x0010, attr=0x0a09b, limit=0xffffffff, base=0x0\n"));
    assertEquals(DumpFormat.KVM, detect("[ 2311.499067] kvm_intel: VMCS 00000000336523a9, last attempted VM-entry"
        + " on CPU 8\n"));
    for (String section : new String[] {"*** Guest State ***", "*** Host State ***", "*** Control State ***"}) {
      assertEquals(DumpFormat.KVM, detect("Jun 24 17:25:51 host kernel: " + section + "\n"), section);
    }
    // the header's words apart do not make a dump
    assertEquals(DumpFormat.NONE, detect("VMCS pointer was cleared\nlast attempted VM-entry failed\n"));
  }

  @Test
  void imageTextByALineOfAFieldAndANumber() {
    assertEquals(DumpFormat.IMAGE, detect("# pasted\nVmcsGuestNW.RIP 0xfff0  # reset vector\n"));
    assertEquals(DumpFormat.IMAGE, detect("0x681E 65520\n"));
    assertEquals(DumpFormat.IMAGE, detect("\tRIP\t0x0\n"));
  }

  @Test
  void noneForTextsOfNoKind() {
    assertEquals(DumpFormat.NONE, detect(""));
    assertEquals(DumpFormat.NONE, detect("# only a comment 0x1\n"));
    assertEquals(DumpFormat.NONE, detect("RIP\n"));           // one word
    assertEquals(DumpFormat.NONE, detect("RIP fff0\n"));      // the second word is no number
    assertEquals(DumpFormat.NONE, detect("RIP 0x1 0x2\n"));   // three words
    assertEquals(DumpFormat.NONE, detect(" 0x1\n"));          // one word after blanks
    assertEquals(DumpFormat.NONE, detect("usb 1-1: new high-speed USB device number 2 using xhci_hcd\n"));
    // a selector named in prose is not a KVM segment line
    assertEquals(DumpFormat.NONE, detect("the guest's CS sel was wrong\n"));
  }
}
