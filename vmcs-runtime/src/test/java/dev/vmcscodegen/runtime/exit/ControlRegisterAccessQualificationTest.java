package dev.vmcscodegen.runtime.exit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ControlRegisterAccessQualificationTest {

  @Test
  void movToCr3FromRax() {
    // SDM Vol. 3C 28.2.1 "Exit Qualification for Control-Register Accesses": CR number 3 in 3:0,
    // access type 0 (MOV to CR) in 5:4, register 0 (RAX) in 11:8.
    ControlRegisterAccessQualification cr = ControlRegisterAccessQualification.decode(0x3L);
    assertEquals(3, cr.controlRegister());
    assertSame(ControlRegisterAccessType.MOV_TO_CR, cr.accessType());
    assertSame(GeneralPurposeRegister.RAX, cr.register());
  }

  @Test
  void movFromCr8ToR15() {
    // Same table: CR 8, access type 1 (MOV from CR), register 15 (R15).
    ControlRegisterAccessQualification cr = ControlRegisterAccessQualification.decode(0xF18L);
    assertEquals(8, cr.controlRegister());
    assertSame(ControlRegisterAccessType.MOV_FROM_CR, cr.accessType());
    assertSame(GeneralPurposeRegister.R15, cr.register());
  }

  @Test
  void lmswKeepsAllSixteenSourceBits() {
    // Same table: access type 3 (LMSW) in 5:4, operand type bit 6 (1 = memory), LMSW source data in
    // bits 31:16 -- all 16 bits (the origin kept only the low 8).
    ControlRegisterAccessQualification cr = ControlRegisterAccessQualification.decode(0xABCD_0070L);
    assertSame(ControlRegisterAccessType.LMSW, cr.accessType());
    assertTrue(cr.lmswMemoryOperand());
    assertEquals(0xABCD, cr.lmswSourceData());
    assertEquals(0, cr.controlRegister());
  }

  @Test
  void cltsIsAccessTypeTwo() {
    ControlRegisterAccessQualification cr = ControlRegisterAccessQualification.decode(0x20L);
    assertSame(ControlRegisterAccessType.CLTS, cr.accessType());
    assertFalse(cr.lmswMemoryOperand());
  }

  @Test
  void reservedBitsAreKept() {
    // Bits 7, 15:12 and 63:32 are reserved.
    long raw = 0x8000_0001_0000_F080L;
    assertEquals(raw, ControlRegisterAccessQualification.decode(raw).reservedBits());
  }

  @Test
  void constructorRejectsValuesThatWouldNotRoundTrip() {
    assertThrows(IllegalArgumentException.class, () -> new ControlRegisterAccessQualification(
        16, ControlRegisterAccessType.CLTS, false, GeneralPurposeRegister.RAX, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new ControlRegisterAccessQualification(
        0, ControlRegisterAccessType.LMSW, false, GeneralPurposeRegister.RAX, 0x1_0000, 0));
    assertThrows(IllegalArgumentException.class, () -> new ControlRegisterAccessQualification(
        0, null, false, GeneralPurposeRegister.RAX, 0, 0));
  }
}
