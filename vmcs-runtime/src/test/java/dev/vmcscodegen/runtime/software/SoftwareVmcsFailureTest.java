package dev.vmcscodegen.runtime.software;

import static dev.vmcscodegen.runtime.FakeField.EXIT_QUALIFICATION;
import static dev.vmcscodegen.runtime.FakeField.EXIT_REASON;
import static dev.vmcscodegen.runtime.FakeField.GUEST_ES_LIMIT;
import static dev.vmcscodegen.runtime.FakeField.GUEST_PHYSICAL_ADDRESS;
import static dev.vmcscodegen.runtime.FakeField.GUEST_RIP;
import static dev.vmcscodegen.runtime.FakeField.GUEST_VMCS_LINK_POINTER;
import static dev.vmcscodegen.runtime.FakeField.VM_INSTRUCTION_ERROR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.runtime.FakeField;
import dev.vmcscodegen.runtime.VmFailInvalidException;
import dev.vmcscodegen.runtime.VmFailValidException;
import dev.vmcscodegen.runtime.VmxInstructionError;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The failures of VMREAD and VMWRITE, SDM Vol. 3C 31.3 (operation) and 31.4 (Table 31-1). */
class SoftwareVmcsFailureTest {

  private static final int IA32_VMX_MISC = 0x485;

  private static SoftwareVmcs vmcs() {
    return SoftwareVmcs.builder().catalog(FakeField.catalog()).build();
  }

  private static void assertFailValid(int expectedError, SoftwareVmcs vmcs, Runnable instruction) {
    VmFailValidException failure = assertThrows(VmFailValidException.class, instruction::run);
    assertEquals(expectedError, failure.errorNumber());
    // SDM 31.2 VMfailValid(ErrorNumber): the error number is stored in the VM-instruction error field.
    assertEquals(expectedError, vmcs.vmread(VM_INSTRUCTION_ERROR.encoding()));
  }

  @Test
  void unknownFieldFails12() {
    SoftwareVmcs vmcs = vmcs();
    // SDM Table 31-1: 12 = VMREAD/VMWRITE from/to unsupported VMCS component. 0x681C (guest RSP) is not in the fake catalog.
    assertFailValid(12, vmcs, () -> vmcs.vmread(0x681C));
    vmcs.put(VM_INSTRUCTION_ERROR.encoding(), 0);
    assertFailValid(12, vmcs, () -> vmcs.vmwrite(0x681C, 1));
  }

  @Test
  void reservedEncodingBitsFail12() {
    SoftwareVmcs vmcs = vmcs();
    int rip = GUEST_RIP.encoding();
    // SDM 25.11.2, Table 25-21: bits 12, 15 and 31:16 are reserved (must be 0).
    for (int reserved : new int[] {1 << 12, 1 << 15, 1 << 16, 1 << 31, 0xFFFF_0000}) {
      assertFailValid(12, vmcs, () -> vmcs.vmread(rip | reserved));
      assertFailValid(12, vmcs, () -> vmcs.vmwrite(rip | reserved, 0));
    }
  }

  @Test
  void highAccessOfNon64BitFieldFails12() {
    SoftwareVmcs vmcs = vmcs();
    // SDM 25.11.2: the access type must be full (0) for 16-bit, 32-bit and natural-width fields.
    assertFailValid(12, vmcs, () -> vmcs.vmread(GUEST_RIP.encoding() + 1));
    assertFailValid(12, vmcs, () -> vmcs.vmread(GUEST_ES_LIMIT.encoding() + 1));
    assertFailValid(12, vmcs, () -> vmcs.vmwrite(GUEST_ES_LIMIT.encoding() + 1, 0));
  }

  @Test
  void fieldLeftOutFails12AndNamesIt() {
    SoftwareVmcs vmcs = SoftwareVmcs.builder().catalog(FakeField.catalog()).without(GUEST_VMCS_LINK_POINTER).build();
    VmFailValidException failure = assertThrows(VmFailValidException.class,
        () -> vmcs.vmread(GUEST_VMCS_LINK_POINTER.encoding()));
    assertEquals(VmxInstructionError.UNSUPPORTED_VMCS_COMPONENT, failure.error());
    assertTrue(failure.getMessage().contains("VmcsGuest64.VMCS_LINK_POINTER"), failure.getMessage());
    // The high access goes with the field.
    assertFailValid(12, vmcs, () -> vmcs.vmwrite(GUEST_VMCS_LINK_POINTER.encoding() + 1, 0));
    assertEquals(false, vmcs.supportedFields().contains(GUEST_VMCS_LINK_POINTER));
  }

  @Test
  void writeToReadOnlyFieldFails13() {
    SoftwareVmcs vmcs = vmcs();
    // SDM Table 31-1: 13 = VMWRITE to read-only VMCS component; type 1 fields are read-only (25.11.2).
    assertFailValid(13, vmcs, () -> vmcs.vmwrite(EXIT_REASON.encoding(), 1));
    assertFailValid(13, vmcs, () -> vmcs.vmwrite(EXIT_QUALIFICATION.encoding(), 1));
    assertFailValid(13, vmcs, () -> vmcs.vmwrite(GUEST_PHYSICAL_ADDRESS.encoding() + 1, 1));
    assertFailValid(13, vmcs, () -> vmcs.vmwrite(VM_INSTRUCTION_ERROR.encoding(), 0));
    assertEquals(0, vmcs.vmread(EXIT_REASON.encoding()));
  }

  @Test
  void unsupportedIsCheckedBeforeReadOnly() {
    SoftwareVmcs vmcs = vmcs();
    // SDM 31.3 VMWRITE operation: the unsupported-component test comes before the read-only test.
    assertFailValid(12, vmcs, () -> vmcs.vmwrite(EXIT_REASON.encoding() + 1, 1));
  }

  @Test
  void miscBit29AllowsWritesToReadOnlyFields() {
    // SDM Vol. 3D A.6: IA32_VMX_MISC bit 29 = 1 means VMWRITE can write any supported field.
    SoftwareVmcs vmcs = SoftwareVmcs.builder().catalog(FakeField.catalog())
        .msrs(Map.of(IA32_VMX_MISC, 1L << 29)).build();
    vmcs.vmwrite(EXIT_REASON.encoding(), 0x8000_0021L);
    assertEquals(0x8000_0021L, vmcs.vmread(EXIT_REASON.encoding()));
    vmcs.vmwrite(GUEST_PHYSICAL_ADDRESS.encoding() + 1, 0xABCDL);
    assertEquals(0xABCD_0000_0000L, vmcs.vmread(GUEST_PHYSICAL_ADDRESS.encoding()));
    // Still 12 for unsupported components.
    assertFailValid(12, vmcs, () -> vmcs.vmwrite(0x681C, 1));
  }

  @Test
  void otherMiscBitsDoNotAllowIt() {
    SoftwareVmcs vmcs = SoftwareVmcs.builder().catalog(FakeField.catalog())
        .msrs(Map.of(IA32_VMX_MISC, ~(1L << 29))).build();
    assertFailValid(13, vmcs, () -> vmcs.vmwrite(EXIT_REASON.encoding(), 1));
  }

  @Test
  void noCurrentVmcsFailsInvalid() {
    SoftwareVmcs vmcs = SoftwareVmcs.builder().catalog(FakeField.catalog()).noCurrentVmcs().build();
    // SDM 31.3: "ELSIF current-VMCS pointer is not valid THEN VMfailInvalid", before any field check.
    assertThrows(VmFailInvalidException.class, () -> vmcs.vmread(GUEST_RIP.encoding()));
    assertThrows(VmFailInvalidException.class, () -> vmcs.vmwrite(GUEST_RIP.encoding(), 1));
    assertThrows(VmFailInvalidException.class, () -> vmcs.vmread(0xFFFF_FFFF));
    assertThrows(VmFailInvalidException.class, () -> vmcs.vmwrite(EXIT_REASON.encoding(), 1));
    assertEquals(SoftwareVmcs.NO_CURRENT_VMCS, vmcs.vmptrst());
  }

  @Test
  void failureMessagesSayWhy() {
    SoftwareVmcs vmcs = vmcs();
    String reserved = assertThrows(VmFailValidException.class, () -> vmcs.vmread(0x1000)).getMessage();
    assertTrue(reserved.contains("reserved encoding bits 0x1000"), reserved);
    String high = assertThrows(VmFailValidException.class, () -> vmcs.vmread(0x681F)).getMessage();
    assertTrue(high.contains("high"), high);
    String readOnly = assertThrows(VmFailValidException.class, () -> vmcs.vmwrite(0x4402, 0)).getMessage();
    assertTrue(readOnly.contains("VmcsReadOnly32.EXIT_REASON"), readOnly);
  }
}
