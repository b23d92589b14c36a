package dev.vmcscodegen.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.vmcscodegen.encoding.HostWidth;
import dev.vmcscodegen.runtime.VmFailInvalidException;
import dev.vmcscodegen.runtime.VmFailValidException;
import dev.vmcscodegen.runtime.VmxInstructionError;
import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.fields.VmcsFields;
import dev.vmcscodegen.runtime.fields.VmcsGuest16;
import dev.vmcscodegen.runtime.fields.VmcsGuest64;
import dev.vmcscodegen.runtime.fields.VmcsGuestNW;
import dev.vmcscodegen.runtime.fields.VmcsReadOnly32;
import dev.vmcscodegen.runtime.software.SoftwareVmcs;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class VmcsDumpTest {

  private final VmxCapabilities sample = VmxCapabilities.sample();

  @Test
  void skipsUnsupportedFieldsAndReadsTheRest() {
    SoftwareVmcs vmx = SoftwareVmcs.builder().msrs(sample.msrs())
        .without(VmcsGuest64.IA32_BNDCFGS, VmcsGuest64.IA32_RTIT_CTL).build();
    VmcsGuestNW.RIP.write(vmx, 0xFFFF_FFFF_828E_3A0CL);
    VmcsGuest16.CS_SELECTOR.write(vmx, (short) 0x10);
    VmcsDump dump = VmcsDump.capture(vmx);
    assertEquals(List.of(VmcsGuest64.IA32_BNDCFGS, VmcsGuest64.IA32_RTIT_CTL), dump.unsupported());
    assertEquals(VmcsFields.CATALOG.size() - 2, dump.entries().size());
    assertEquals(OptionalLong.of(0xFFFF_FFFF_828E_3A0CL), dump.value(VmcsGuestNW.RIP.encoding()));
    assertEquals(OptionalLong.empty(), dump.value(VmcsGuest64.IA32_BNDCFGS.encoding()));
  }

  @Test
  void rendersAnAlignedTableWithHexOfTheFieldWidth() {
    SoftwareVmcs vmx = SoftwareVmcs.builder().msrs(sample.msrs()).without(VmcsGuest64.IA32_BNDCFGS).build();
    VmcsGuestNW.RIP.write(vmx, 0xFFFF_FFFF_828E_3A0CL);
    VmcsGuest16.CS_SELECTOR.write(vmx, (short) 0x10);
    String text = VmcsDump.capture(vmx).render();
    List<String> lines = text.lines().toList();
    assertTrue(lines.get(0).startsWith("GROUP"));
    int encodingColumn = lines.get(0).indexOf("ENCODING");
    int valueColumn = lines.get(0).indexOf("VALUE");
    for (String line : lines.subList(1, lines.size() - 1)) {
      assertEquals("0x", line.substring(encodingColumn, encodingColumn + 2), line);
      assertEquals("0x", line.substring(valueColumn, valueColumn + 2), line);
    }
    // 16-bit fields show 4 digits, natural-width 16 on a 64-bit host, 32-bit fields 8
    assertTrue(lines.stream().anyMatch(line -> line.matches("VmcsGuest16\\s+CS_SELECTOR\\s+0x0802\\s+0x0010")), text);
    assertTrue(lines.stream().anyMatch(line -> line.matches("VmcsGuestNW\\s+RIP\\s+0x681E\\s+0xFFFFFFFF828E3A0C")), text);
    assertTrue(lines.stream().anyMatch(line -> line.matches("VmcsReadOnly32\\s+EXIT_REASON\\s+0x4402\\s+0x00000000")), text);
    assertTrue(lines.get(lines.size() - 1).endsWith("1 unsupported, skipped: VmcsGuest64.IA32_BNDCFGS"), text);
  }

  @Test
  void naturalWidthFieldsShowEightDigitsOnA32BitHost() {
    SoftwareVmcs vmx = SoftwareVmcs.builder().msrs(sample.msrs()).hostWidth(HostWidth.BITS_32).build();
    String text = VmcsDump.capture(vmx).render();
    assertTrue(text.lines().anyMatch(line -> line.matches("VmcsGuestNW\\s+RIP\\s+0x681E\\s+0x00000000")), text);
  }

  @Test
  void otherFailuresPropagate() {
    SoftwareVmcs none = SoftwareVmcs.builder().msrs(sample.msrs()).noCurrentVmcs().build();
    assertThrows(VmFailInvalidException.class, () -> VmcsDump.capture(none));
  }

  @Test
  void instructionErrorReadsTheLastFailure() {
    SoftwareVmcs vmx = SoftwareVmcs.builder().msrs(sample.msrs()).without(VmcsGuest64.IA32_BNDCFGS).build();
    assertThrows(VmFailValidException.class, () -> VmcsGuest64.IA32_BNDCFGS.read(vmx));
    InstructionError error = InstructionError.read(vmx);
    // SDM Vol. 3C 31.4, Table 31-1: 12 = VMREAD/VMWRITE from/to unsupported VMCS component
    assertEquals(12, error.number());
    assertEquals(VmxInstructionError.UNSUPPORTED_VMCS_COMPONENT, error.error());
    vmx.put(VmcsReadOnly32.VM_INSTRUCTION_ERROR.encoding(), 99);
    assertEquals(new InstructionError(99), InstructionError.read(vmx));
    assertEquals(VmxInstructionError.UNKNOWN, InstructionError.read(vmx).error());
    assertTrue(InstructionError.read(vmx).describe().startsWith("99 ("));
  }
}
