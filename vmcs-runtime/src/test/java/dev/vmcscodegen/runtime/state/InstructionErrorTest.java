package dev.vmcscodegen.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.runtime.VmFailValidException;
import dev.vmcscodegen.runtime.VmxInstructionError;
import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.fields.VmcsGuest64;
import dev.vmcscodegen.runtime.fields.VmcsReadOnly32;
import dev.vmcscodegen.runtime.software.SoftwareVmcs;
import org.junit.jupiter.api.Test;

/** The VM-instruction error field read as {@link InstructionError}. */
class InstructionErrorTest {

  private final VmxCapabilities sample = VmxCapabilities.sample();

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
