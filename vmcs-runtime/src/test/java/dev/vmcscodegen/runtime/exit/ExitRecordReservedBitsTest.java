package dev.vmcscodegen.runtime.exit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Each record's reserved or undefined bits component may hold only the positions its SDM table leaves
 * reserved: a defined bit there would be encoded twice, so the constructor refuses it.
 */
class ExitRecordReservedBitsTest {

  private static final GeneralPurposeRegister RAX = GeneralPurposeRegister.RAX;

  @Test
  void qualificationsRefuseDefinedBitsAsReserved() {
    // SDM Vol. 3C 28.2.1: bit 0 is defined in each of these formats (page offset, CR number, B0, DR
    // number, TSS selector), so it cannot be a reserved bit.
    assertThrows(IllegalArgumentException.class, () -> new ApicAccessQualification(0, 0, false, 1L));
    assertThrows(IllegalArgumentException.class, () -> new ControlRegisterAccessQualification(
        0, ControlRegisterAccessType.fromCode(0), false, RAX, 0, 1L));
    assertThrows(IllegalArgumentException.class,
        () -> new DebugExceptionQualification(0, false, false, false, false, 1L));
    assertThrows(IllegalArgumentException.class, () -> new MovDrQualification(0, false, RAX, 1L));
    assertThrows(IllegalArgumentException.class, () -> new TaskSwitchQualification(0, TaskSwitchSource.fromCode(0), 1L));
    // Reserved positions are accepted: bit 17 (APIC access), bit 7 (CR access), bit 4 (debug), bit 3
    // (MOV DR), bit 16 (task switch).
    new ApicAccessQualification(0, 0, false, 1L << 17);
    new ControlRegisterAccessQualification(0, ControlRegisterAccessType.fromCode(0), false, RAX, 0, 1L << 7);
    new DebugExceptionQualification(0, false, false, false, false, 1L << 4);
    new MovDrQualification(0, false, RAX, 1L << 3);
    new TaskSwitchQualification(0, TaskSwitchSource.fromCode(0), 1L << 16);
  }

  @Test
  void instructionInformationRefusesDefinedBitsAsUndefined() {
    // SDM Vol. 3C 28.2.5: address size 9:7 (INS/OUTS), scaling 1:0 (LLDT/LTR/SLDT/STR), Reg1 6:3
    // (register-operand formats) are defined.
    assertThrows(IllegalArgumentException.class, () -> new InsOutsInstructionInformation(0, 0, 1 << 7));
    assertThrows(IllegalArgumentException.class, () -> new LdtrTrInstructionInformation(
        MemoryOperand.decode(0), RAX, false, LdtrTrInstruction.fromCode(0), 1));
    assertThrows(IllegalArgumentException.class, () -> new RegisterOperandInstructionInformation(RAX, 0, 1 << 3));
    // Undefined positions are accepted: bit 0 (INS/OUTS), bit 2 (LLDT...), bit 0 (register operand).
    new InsOutsInstructionInformation(0, 0, 1);
    new LdtrTrInstructionInformation(MemoryOperand.decode(0), RAX, false, LdtrTrInstruction.fromCode(0), 1 << 2);
    new RegisterOperandInstructionInformation(RAX, 0, 1);
  }

  @Test
  void onlyBit31MarksAVmEntryFailure() {
    // SDM Vol. 3C 25.9.1: bit 31 of the exit reason is 1 for a VM-entry failure; a field of 0 is a true
    // VM exit for basic reason 0 (exception or NMI).
    assertFalse(new ExitInfo(0, 0, 0).vmEntryFailure());
    assertTrue(new ExitInfo(0x8000_0021, 0, 0).vmEntryFailure());
    assertFalse(new ExitInfo(0x7FFF_FFFF, 0, 0).vmEntryFailure());
  }
}
