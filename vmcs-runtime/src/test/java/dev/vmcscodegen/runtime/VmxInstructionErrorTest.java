package dev.vmcscodegen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link VmxInstructionError} against SDM Vol. 3C 31.4, Table 31-1 "VM-Instruction Error Numbers". */
class VmxInstructionErrorTest {

  @Test
  void everyNumberFrom0To28HasItsOwnConstant() {
    for (int number = 0; number <= 28; number++) {
      VmxInstructionError error = VmxInstructionError.fromNumber(number);
      assertEquals(number, error.number());
      assertFalse(error == VmxInstructionError.UNKNOWN, "number " + number);
    }
  }

  @Test
  void textsMatchTable31_1() {
    // Table 31-1, quoted.
    assertEquals("VMCALL executed in VMX root operation", VmxInstructionError.fromNumber(1).description());
    assertEquals("VMLAUNCH with non-clear VMCS", VmxInstructionError.fromNumber(4).description());
    assertEquals("VMRESUME with non-launched VMCS", VmxInstructionError.fromNumber(5).description());
    assertEquals("VM entry with invalid control field(s)", VmxInstructionError.fromNumber(7).description());
    assertEquals("VM entry with invalid host-state field(s)", VmxInstructionError.fromNumber(8).description());
    assertEquals("VMPTRLD with incorrect VMCS revision identifier", VmxInstructionError.fromNumber(11).description());
    assertEquals("VMREAD/VMWRITE from/to unsupported VMCS component", VmxInstructionError.fromNumber(12).description());
    assertEquals("VMWRITE to read-only VMCS component", VmxInstructionError.fromNumber(13).description());
    assertEquals("VMXON executed in VMX root operation", VmxInstructionError.fromNumber(15).description());
    assertEquals("VM entry with events blocked by MOV SS", VmxInstructionError.fromNumber(26).description());
    assertEquals("Invalid operand to INVEPT/INVVPID", VmxInstructionError.fromNumber(28).description());
  }

  @Test
  void reservedNumbers() {
    // Table 31-1 has no entry for 14, 21 and 27; 0 means no error was recorded.
    for (int number : new int[] {0, 14, 21, 27}) {
      assertTrue(VmxInstructionError.fromNumber(number).reserved(), "number " + number);
    }
    assertFalse(VmxInstructionError.fromNumber(12).reserved());
  }

  @Test
  void unknownNumbersDecodeToUnknown() {
    for (long number : new long[] {-1, 29, 30, 255, 0x1_0000_0000L, Long.MAX_VALUE, Long.MIN_VALUE}) {
      assertEquals(VmxInstructionError.UNKNOWN, VmxInstructionError.fromNumber(number), "number " + number);
    }
  }

  @Test
  void failValidKeepsTheRawNumber() {
    VmFailValidException unknown = new VmFailValidException(99, "VMWRITE 0x4400");
    assertEquals(99, unknown.errorNumber());
    assertEquals(VmxInstructionError.UNKNOWN, unknown.error());
    assertTrue(unknown.getMessage().contains("99"), unknown.getMessage());
    assertEquals(VmxInstructionError.VMWRITE_READ_ONLY_COMPONENT,
        new VmFailValidException(13, "VMWRITE 0x4400").error());
  }
}
