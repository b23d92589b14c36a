package dev.vmcscodegen.runtime.exit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.runtime.fields.VmcsReadOnly32;
import dev.vmcscodegen.runtime.software.SoftwareVmcs;
import org.junit.jupiter.api.Test;

/**
 * Every code of the small decoding tables checked against the SDM, and the boundaries of the checks
 * the records run: what the example-based tests leave to chance.
 */
class ExitDecodingTablesTest {

  @Test
  void addressSizeEveryCode() {
    // SDM Vol. 3C 28.2.5, instruction-information bits 9:7: 0 = 16-bit, 1 = 32-bit, 2 = 64-bit, others not used.
    AddressSize[] expected = {AddressSize.BITS_16, AddressSize.BITS_32, AddressSize.BITS_64,
        AddressSize.UNKNOWN, AddressSize.UNKNOWN, AddressSize.UNKNOWN, AddressSize.UNKNOWN, AddressSize.UNKNOWN};
    int[] bits = {16, 32, 64, 0, 0, 0, 0, 0};
    for (int code = 0; code < 8; code++) {
      AddressSize size = AddressSize.fromCode(code);
      assertSame(expected[code], size, "code " + code);
      assertEquals(bits[code], size.bits(), "code " + code);
      if (size != AddressSize.UNKNOWN) {
        assertEquals(code, size.code());
      }
    }
    assertEquals(-1, AddressSize.UNKNOWN.code());
  }

  @Test
  void apicAccessTypeEveryCode() {
    // SDM Vol. 3C 28.2.1, APIC-access qualification bits 15:12: 0 linear data read, 1 linear data write,
    // 2 linear instruction fetch, 3 linear access during event delivery, 10 guest-physical access during
    // event delivery, 15 guest-physical access for an instruction fetch or during instruction execution.
    for (int code = 0; code < 16; code++) {
      ApicAccessType type = ApicAccessType.fromCode(code);
      ApicAccessType expected = switch (code) {
        case 0 -> ApicAccessType.LINEAR_DATA_READ;
        case 1 -> ApicAccessType.LINEAR_DATA_WRITE;
        case 2 -> ApicAccessType.LINEAR_INSTRUCTION_FETCH;
        case 3 -> ApicAccessType.LINEAR_EVENT_DELIVERY;
        case 10 -> ApicAccessType.GUEST_PHYSICAL_EVENT_DELIVERY;
        case 15 -> ApicAccessType.GUEST_PHYSICAL_INSTRUCTION;
        default -> ApicAccessType.UNKNOWN;
      };
      assertSame(expected, type, "code " + code);
      if (type != ApicAccessType.UNKNOWN) {
        assertEquals(code, type.code());
      }
      // Only codes 0 to 3 are linear accesses.
      assertEquals(code <= 3, type.isLinear(), "code " + code);
    }
    assertEquals(-1, ApicAccessType.UNKNOWN.code());
    assertFalse(ApicAccessType.UNKNOWN.isLinear());
  }

  @Test
  void segmentRegisterEveryCode() {
    // SDM Vol. 3C 28.2.5, instruction-information bits 17:15: 0 ES, 1 CS, 2 SS, 3 DS, 4 FS, 5 GS, 6-7 not used.
    SegmentRegister[] expected = {SegmentRegister.ES, SegmentRegister.CS, SegmentRegister.SS, SegmentRegister.DS,
        SegmentRegister.FS, SegmentRegister.GS, SegmentRegister.UNKNOWN, SegmentRegister.UNKNOWN};
    for (int code = 0; code < 8; code++) {
      assertSame(expected[code], SegmentRegister.fromCode(code), "code " + code);
    }
    assertEquals(0, SegmentRegister.ES.code());
    assertEquals(1, SegmentRegister.CS.code());
    assertEquals(2, SegmentRegister.SS.code());
    assertEquals(3, SegmentRegister.DS.code());
    assertEquals(4, SegmentRegister.FS.code());
    assertEquals(5, SegmentRegister.GS.code());
    assertEquals(-1, SegmentRegister.UNKNOWN.code());
    assertSame(SegmentRegister.UNKNOWN, SegmentRegister.fromCode(-1));
  }

  @Test
  void ioAccessSizeCodes() {
    // SDM Vol. 3C 28.2.1, I/O qualification bits 2:0: 0 = 1-byte, 1 = 2-byte, 3 = 4-byte.
    assertEquals(0, IoAccessSize.ONE_BYTE.code());
    assertEquals(1, IoAccessSize.TWO_BYTES.code());
    assertEquals(3, IoAccessSize.FOUR_BYTES.code());
    assertEquals(-1, IoAccessSize.UNKNOWN.code());
  }

  @Test
  void gdtrIdtrScaleAddressSizeAndSegment() {
    // SDM Vol. 3C 28.2.5, LIDT/LGDT/SIDT/SGDT format: scaling bits 1:0 (0 none, 1 by 2, 2 by 4, 3 by 8),
    // address size bits 9:7, segment bits 17:15.
    int[] scale = {1, 2, 4, 8};
    for (int scaling = 0; scaling < 4; scaling++) {
      assertEquals(scale[scaling], GdtrIdtrInstructionInformation.decode(scaling).operand().scale(), "scaling " + scaling);
    }
    GdtrIdtrInstructionInformation info = GdtrIdtrInstructionInformation.decode((1 << 7) | (2 << 15));
    assertSame(AddressSize.BITS_32, info.operand().addressSize());
    assertSame(SegmentRegister.SS, info.operand().segment());
    assertSame(SegmentRegister.FS, GdtrIdtrInstructionInformation.decode(4 << 15).operand().segment());
  }

  @Test
  void ldtrTrScaleAddressSizeAndSegment() {
    // SDM Vol. 3C 28.2.5, LLDT/LTR/SLDT/STR format: the same scaling, address-size and segment bits.
    int[] scale = {1, 2, 4, 8};
    for (int scaling = 0; scaling < 4; scaling++) {
      assertEquals(scale[scaling], LdtrTrInstructionInformation.decode(scaling).operand().scale(), "scaling " + scaling);
    }
    LdtrTrInstructionInformation info = LdtrTrInstructionInformation.decode((0 << 7) | (5 << 15));
    assertSame(AddressSize.BITS_16, info.operand().addressSize());
    assertSame(SegmentRegister.GS, info.operand().segment());
    assertSame(AddressSize.BITS_64, LdtrTrInstructionInformation.decode(2 << 7).operand().addressSize());
    assertSame(SegmentRegister.CS, LdtrTrInstructionInformation.decode(1 << 15).operand().segment());
  }

  @Test
  void widthCheckMessageGivesTheExactRange() {
    // Interruption type is bits 10:8 (SDM Vol. 3C 25.8.3): 3 bits, 0 to 7; 7 fits, 8 does not.
    assertSame(InterruptionType.OTHER_EVENT, InterruptionType.fromCode(7));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InterruptionType.fromCode(8));
    assertTrue(e.getMessage().contains("must fit 3 bits (0 to 7), was 8"), e.getMessage());
  }

  @Test
  void maskCheckMessageNamesOnlyTheStrayBits() {
    // Interruption information: reserved bits are 30:13 (SDM Vol. 3C 25.9.2), mask 0x7FFFE000. Bits 13 and
    // 30 lie inside it, bits 0 and 31 outside: only 0x80000001 is stray.
    int bits = (1 << 13) | (1 << 30) | 1 | (1 << 31);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new InterruptionInformation(0, InterruptionType.NMI, false, false, bits, false));
    assertTrue(e.getMessage().contains("had 0x80000001 outside them"), e.getMessage());
    assertTrue(e.getMessage().contains("may only hold bits 0x7fffe000"), e.getMessage());
    // LGDT/LIDT/SGDT/SIDT undefined bits are 6:2, 10, 14:12 and 31:30 (SDM Vol. 3C 28.2.5): mask 0xC000747C,
    // a 32-bit mask reported as such; bit 0 (scaling) is stray.
    IllegalArgumentException gdtr = assertThrows(IllegalArgumentException.class,
        () -> new GdtrIdtrInstructionInformation(MemoryOperand.decode(0), false, GdtrIdtrInstruction.SGDT,
            0x8000_0001));
    assertTrue(gdtr.getMessage().contains("may only hold bits 0xc000747c, had 0x1 outside them"), gdtr.getMessage());
  }

  @Test
  void exitReasonZeroIsDefined() {
    // SDM Vol. 3D Table C-1: basic exit reason 0 is "Exception or non-maskable interrupt (NMI)".
    FullExitReason reason = FullExitReason.of(ExitReason.EXCEPTION_OR_NMI);
    assertEquals(0, reason.basicReason());
    assertEquals(0, reason.encode());
    assertEquals(0x8000_0000, FullExitReason.entryFailure(ExitReason.EXCEPTION_OR_NMI).encode());
  }

  @Test
  void onlyTypeOneIsReserved() {
    // SDM Vol. 3C 25.8.3: interruption type 1 is reserved; 0 and 2 to 7 are not.
    for (InterruptionType type : InterruptionType.values()) {
      assertEquals(type.code() == 1, type.isReserved(), type.name());
    }
  }

  @Test
  void cleanInterruptionInformationHasNoReservedBits() {
    // SDM Vol. 3C 25.9.2: a valid #PF with error code, 0x80000B0E, has none of bits 30:13 set.
    assertFalse(InterruptionInformation.decode(0x8000_0B0E).hasReservedBits());
    assertTrue(InterruptionInformation.decode(0x8000_2B0E).hasReservedBits());
  }

  @Test
  void readsTheInstructionInformationField() {
    // SDM Vol. 3C 28.2.5: VM-exit instruction information is the 32-bit read-only field 0x440E (Vol. 3D B.3.2).
    SoftwareVmcs vmcs = SoftwareVmcs.create();
    vmcs.put(VmcsReadOnly32.VM_EXIT_INSTRUCTION_INFORMATION.encoding(), 0x2185_8102L);
    assertEquals(0x440E, VmcsReadOnly32.VM_EXIT_INSTRUCTION_INFORMATION.encoding());
    assertEquals(0x2185_8102, ExitInfo.readInstructionInformation(vmcs));
  }
}
