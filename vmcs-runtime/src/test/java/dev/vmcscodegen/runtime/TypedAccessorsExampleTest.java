package dev.vmcscodegen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vmcscodegen.encoding.HostWidth;
import dev.vmcscodegen.runtime.fields.VmcsControl16;
import dev.vmcscodegen.runtime.fields.VmcsGuest64;
import dev.vmcscodegen.runtime.fields.VmcsGuestNW;
import dev.vmcscodegen.runtime.fields.VmcsReadOnly32;
import dev.vmcscodegen.runtime.software.SoftwareVmcs;
import org.junit.jupiter.api.Test;

/**
 * The typed accessors as README.md shows them (the lines between the doc-snippet markers are the README's
 * block, which the CLI module's {@code DocExamplesTest} compares), run on a software VMCS of a 32-bit host.
 */
class TypedAccessorsExampleTest {

  @Test
  void theReadmeAccessorsReadAndWriteTheirFields() {
    SoftwareVmcs vmx = SoftwareVmcs.builder().hostWidth(HostWidth.BITS_32).build();
    vmx.vmwrite(0x681E, 0xFFF0);                 // guest RIP, SDM Vol. 3D B.4.3
    vmx.vmwrite(0x0000, 1);                      // virtual-processor identifier, B.1.1
    vmx.put(0x4402, 10);                         // exit reason 10 = CPUID (Vol. 3D Table C-1), B.3.2
    vmx.vmwrite(0x2806, 0x500);                  // guest IA32_EFER bits 31:0 (LME, LMA), B.2.3
    vmx.vmwrite(0x2807, 0x1);                    // ... and bits 63:32 through the high access
    long exitLength = 2;                         // CPUID is 2 bytes long (0F A2)

    // doc-snippet: typed-accessors
    long rip = VmcsGuestNW.RIP.read(vmx);                      // natural width: long
    VmcsGuestNW.RIP.write(vmx, rip + exitLength);
    short vpid = VmcsControl16.VIRTUAL_PROCESSOR_ID.read(vmx); // 16-bit: short
    int reason = VmcsReadOnly32.EXIT_REASON.read(vmx);         // 32-bit: int
    long efer = VmcsGuest64.IA32_EFER.read(vmx);               // 64-bit: two VMREADs on a 32-bit host
    // VmcsReadOnly32.EXIT_REASON.write(vmx, 0);               // does not compile: read-only data field
    // end doc-snippet

    assertEquals(0xFFF2L, vmx.vmread(0x681E));
    assertEquals(1, vpid);
    assertEquals(10, reason);
    assertEquals(0x1_0000_0500L, efer);
  }
}
