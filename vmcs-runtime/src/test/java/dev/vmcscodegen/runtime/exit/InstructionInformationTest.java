package dev.vmcscodegen.runtime.exit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class InstructionInformationTest {

  @Test
  void vmreadToMemoryWithScaledIndex() {
    // SDM Vol. 3C 28.2.5 "... as Used for VMREAD and VMWRITE": VMREAD [RBX + RCX*4], RDX in 64-bit mode
    // with DS: scaling 2 (by 4) in 1:0, address size 2 (64-bit) in 9:7, Mem/Reg 0, segment 3 (DS) in
    // 17:15, IndexReg 1 (RCX) in 21:18, BaseReg 3 (RBX) in 26:23, Reg2 2 (RDX) in 31:28.
    VmxInstructionInformation info = VmxInstructionInformation.decode(0x2185_8102);
    assertEquals(4, info.operand().scale());
    assertSame(AddressSize.BITS_64, info.operand().addressSize());
    assertFalse(info.registerOperand());
    assertSame(SegmentRegister.DS, info.operand().segment());
    assertSame(GeneralPurposeRegister.RCX, info.operand().indexRegister());
    assertFalse(info.operand().indexRegisterInvalid());
    assertSame(GeneralPurposeRegister.RBX, info.operand().baseRegister());
    assertFalse(info.operand().baseRegisterInvalid());
    assertSame(GeneralPurposeRegister.RDX, info.register2());
  }

  @Test
  void vmwriteRegisterForm() {
    // Same table: VMWRITE R10, R11 (register source): Reg1 10 in 6:3, Mem/Reg 1 (bit 10), Reg2 11.
    VmxInstructionInformation info = VmxInstructionInformation.decode(0xB000_0450);
    assertTrue(info.registerOperand());
    assertSame(GeneralPurposeRegister.R10, info.register1());
    assertSame(GeneralPurposeRegister.R11, info.register2());
  }

  @Test
  void unusedAddressSizeAndSegmentCodesAreUnknownAndKept() {
    // SDM Vol. 3C 28.2.5: address size 3 to 7 and segment 6, 7 are "not used".
    VmxInstructionInformation info = VmxInstructionInformation.decode((7 << 7) | (6 << 15));
    assertSame(AddressSize.UNKNOWN, info.operand().addressSize());
    assertEquals(7, info.operand().addressSizeCode());
    assertSame(SegmentRegister.UNKNOWN, info.operand().segment());
    assertEquals(6, info.operand().segmentCode());
  }

  @Test
  void lgdtWithBaseOnly() {
    // SDM Vol. 3C 28.2.5 "... as Used for LIDT, LGDT, SIDT, or SGDT": LGDT [RAX] in 64-bit mode: address
    // size 2, segment 3 (DS), IndexReg invalid (bit 22), BaseReg 0 (RAX), identity 2 (LGDT) in 29:28.
    GdtrIdtrInstructionInformation info = GdtrIdtrInstructionInformation.decode(0x2041_8100);
    assertSame(GdtrIdtrInstruction.LGDT, info.instruction());
    assertTrue(info.operand().indexRegisterInvalid());
    assertSame(GeneralPurposeRegister.RAX, info.operand().baseRegister());
    assertSame(AddressSize.BITS_64, info.operand().addressSize());
    assertFalse(info.operandSize32());
    // Identity codes: 0 SGDT, 1 SIDT, 2 LGDT, 3 LIDT; bit 11 operand size (1 = 32-bit).
    assertSame(GdtrIdtrInstruction.SGDT, GdtrIdtrInstructionInformation.decode(0).instruction());
    assertSame(GdtrIdtrInstruction.SIDT, GdtrIdtrInstructionInformation.decode(0x1000_0000).instruction());
    assertSame(GdtrIdtrInstruction.LIDT, GdtrIdtrInstructionInformation.decode(0x3000_0000).instruction());
    assertTrue(GdtrIdtrInstructionInformation.decode(1 << 11).operandSize32());
  }

  @Test
  void ltrAndLldtRegisterForms() {
    // SDM Vol. 3C 28.2.5 "... as Used for LLDT, LTR, SLDT, and STR": LTR AX: Reg1 0, Mem/Reg 1,
    // identity 3 (LTR); LLDT R9W: Reg1 9 in 6:3, identity 2 (LLDT).
    LdtrTrInstructionInformation ltr = LdtrTrInstructionInformation.decode(0x3000_0400);
    assertSame(LdtrTrInstruction.LTR, ltr.instruction());
    assertTrue(ltr.registerOperand());
    assertSame(GeneralPurposeRegister.RAX, ltr.register1());
    LdtrTrInstructionInformation lldt = LdtrTrInstructionInformation.decode(0x2000_0448);
    assertSame(LdtrTrInstruction.LLDT, lldt.instruction());
    assertSame(GeneralPurposeRegister.R9, lldt.register1());
    assertSame(LdtrTrInstruction.SLDT, LdtrTrInstructionInformation.decode(0).instruction());
    assertSame(LdtrTrInstruction.STR, LdtrTrInstructionInformation.decode(0x1000_0000).instruction());
  }

  @Test
  void outsbAndRdrand() {
    // SDM Vol. 3C 28.2.5 "... as Used for INS and OUTS": OUTSB with a 32-bit address (code 1 in 9:7)
    // through FS (code 4 in 17:15).
    InsOutsInstructionInformation outs = InsOutsInstructionInformation.decode(0x0002_0080);
    assertSame(AddressSize.BITS_32, outs.addressSize());
    assertSame(SegmentRegister.FS, outs.segment());
    // "... as Used for RDRAND, RDSEED, TPAUSE, and UMWAIT": RDRAND R12 (64-bit): register 12 in 6:3,
    // operand size 2 in 12:11; code 3 is not used.
    RegisterOperandInstructionInformation rdrand = RegisterOperandInstructionInformation.decode(0x1060);
    assertSame(GeneralPurposeRegister.R12, rdrand.register());
    assertEquals(64, rdrand.operandSizeBits());
    assertEquals(16, RegisterOperandInstructionInformation.decode(0).operandSizeBits());
    assertEquals(0, RegisterOperandInstructionInformation.decode(3 << 11).operandSizeBits());
  }

  @Test
  void everyValueRoundTripsInEveryFormat() {
    Random random = new Random(0x5EED_0005L);
    for (int i = 0; i < 100_000; i++) {
      int raw = random.nextInt();
      assertEquals(raw, VmxInstructionInformation.decode(raw).encode(), () -> Integer.toHexString(raw));
      assertEquals(raw, GdtrIdtrInstructionInformation.decode(raw).encode(), () -> Integer.toHexString(raw));
      assertEquals(raw, LdtrTrInstructionInformation.decode(raw).encode(), () -> Integer.toHexString(raw));
      assertEquals(raw, InsOutsInstructionInformation.decode(raw).encode(), () -> Integer.toHexString(raw));
      assertEquals(raw, RegisterOperandInstructionInformation.decode(raw).encode(),
          () -> Integer.toHexString(raw));
    }
    for (int bit = 0; bit < 32; bit++) {
      int raw = 1 << bit;
      assertEquals(raw, VmxInstructionInformation.decode(raw).encode());
      assertEquals(raw, GdtrIdtrInstructionInformation.decode(raw).encode());
      assertEquals(raw, LdtrTrInstructionInformation.decode(raw).encode());
      assertEquals(raw, InsOutsInstructionInformation.decode(raw).encode());
      assertEquals(raw, RegisterOperandInstructionInformation.decode(raw).encode());
    }
  }

  @Test
  void constructorsRejectValuesThatWouldNotRoundTrip() {
    GeneralPurposeRegister rax = GeneralPurposeRegister.RAX;
    assertThrows(IllegalArgumentException.class,
        () -> new MemoryOperand(4, 0, 0, rax, false, rax, false)); // scaling is 2 bits
    MemoryOperand none = MemoryOperand.decode(0);
    assertThrows(IllegalArgumentException.class,
        () -> new VmxInstructionInformation(none, rax, false, rax, 1 << 10));
    assertThrows(IllegalArgumentException.class, () -> new MemoryOperand(0, 8, 0, rax, false, rax, false));
    assertThrows(IllegalArgumentException.class, () -> new MemoryOperand(0, 0, 8, rax, false, rax, false));
    assertThrows(IllegalArgumentException.class,
        () -> new GdtrIdtrInstructionInformation(null, false, GdtrIdtrInstruction.LGDT, 0));
    assertThrows(IllegalArgumentException.class,
        () -> new LdtrTrInstructionInformation(none, rax, false, null, 0));
    assertThrows(IllegalArgumentException.class, () -> GeneralPurposeRegister.fromNumber(16));
  }

  @Test
  void memoryOperandBitsAreSharedByTheThreeFormats() {
    // SDM Vol. 3C 28.2.5: the VMX-instruction, LLDT/LTR/SLDT/STR and LGDT/LIDT/SGDT/SIDT tables give
    // scaling 1:0, address size 9:7, segment 17:15, IndexReg 21:18 (+22 invalid), BaseReg 26:23 (+27
    // invalid) the same places. [RBX + RCX*4] through DS with 64-bit addressing:
    int raw = 2 | (2 << 7) | (3 << 15) | (1 << 18) | (3 << 23);
    MemoryOperand operand = MemoryOperand.decode(raw);
    assertEquals(operand, VmxInstructionInformation.decode(raw).operand());
    assertEquals(operand, LdtrTrInstructionInformation.decode(raw).operand());
    assertEquals(operand, GdtrIdtrInstructionInformation.decode(raw).operand());
    assertEquals(raw, operand.encode());
    assertEquals(0x0FFF_8383, MemoryOperand.MASK);
    assertEquals(MemoryOperand.MASK, MemoryOperand.decode(-1).encode());
  }
}
