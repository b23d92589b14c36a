package dev.vmcscodegen.runtime.exit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Known answers for the MOV DR, APIC-access, task-switch and debug-exception qualifications. */
class SmallQualificationsTest {

  @Test
  void movFromDr7IntoRbx() {
    // SDM Vol. 3C 28.2.1 "Exit Qualification for MOV DR": DR number 7 in 2:0, direction bit 4
    // (1 = MOV from DR), register 3 (RBX) in 11:8.
    MovDrQualification dr = MovDrQualification.decode(0x317L);
    assertEquals(7, dr.debugRegister());
    assertTrue(dr.movFromDr());
    assertSame(GeneralPurposeRegister.RBX, dr.register());
    assertEquals(0, dr.reservedBits());
    // Bit 3 and bits 7:5 are reserved.
    assertEquals(0xE8L, MovDrQualification.decode(0xE8L).reservedBits());
  }

  @Test
  void apicAccessWriteToEoi() {
    // SDM Vol. 3C 28.2.1 "Exit Qualification for APIC-Access VM Exits ...": offset 0xB0 (EOI) in 11:0,
    // access type 1 (linear data write) in 15:12.
    ApicAccessQualification apic = ApicAccessQualification.decode(0x10B0L);
    assertEquals(0xB0, apic.offset());
    assertSame(ApicAccessType.LINEAR_DATA_WRITE, apic.accessType());
    assertTrue(apic.accessType().isLinear());
    assertFalse(apic.asynchronous());
  }

  @Test
  void apicAccessTypesTheTableDoesNotUseAreUnknownAndKept() {
    // Same table: 0-3, 10 and 15 are used; other values are not.
    assertSame(ApicAccessType.GUEST_PHYSICAL_EVENT_DELIVERY, ApicAccessQualification.decode(0xA000L).accessType());
    assertSame(ApicAccessType.GUEST_PHYSICAL_INSTRUCTION, ApicAccessQualification.decode(0xF000L).accessType());
    for (int code : new int[] {4, 5, 6, 7, 8, 9, 11, 12, 13, 14}) {
      ApicAccessQualification apic = ApicAccessQualification.decode((long) code << 12);
      assertSame(ApicAccessType.UNKNOWN, apic.accessType(), "code " + code);
      assertEquals(code, apic.accessTypeCode());
    }
    assertTrue(ApicAccessQualification.decode(1L << 16).asynchronous());
  }

  @Test
  void taskSwitchThroughIdtTaskGate() {
    // SDM Vol. 3C 28.2.1 "Exit Qualification for Task Switches": selector in 15:0, source in 31:30
    // (0 CALL, 1 IRET, 2 JMP, 3 task gate in IDT).
    TaskSwitchQualification ts = TaskSwitchQualification.decode(0xC000_0028L);
    assertEquals(0x28, ts.selector());
    assertSame(TaskSwitchSource.TASK_GATE_IN_IDT, ts.source());
    assertSame(TaskSwitchSource.CALL_INSTRUCTION, TaskSwitchQualification.decode(0x0L).source());
    assertSame(TaskSwitchSource.IRET_INSTRUCTION, TaskSwitchQualification.decode(0x4000_0000L).source());
    assertSame(TaskSwitchSource.JMP_INSTRUCTION, TaskSwitchQualification.decode(0x8000_0000L).source());
  }

  @Test
  void debugExceptionSingleStepAndBreakpoints() {
    // SDM Vol. 3C 28.2.1 "Exit Qualification for Debug Exceptions": B3-B0 in 3:0, BD bit 13, BS bit 14,
    // RTM bit 16.
    DebugExceptionQualification db = DebugExceptionQualification.decode(0x4005L);
    assertTrue(db.singleInstruction());
    assertTrue(db.breakpointCondition(0));
    assertFalse(db.breakpointCondition(1));
    assertTrue(db.breakpointCondition(2));
    assertFalse(db.debugRegisterAccessDetected());
    assertTrue(DebugExceptionQualification.decode(1L << 13).debugRegisterAccessDetected());
    assertTrue(DebugExceptionQualification.decode(1L << 16).rtm());
    assertTrue(DebugExceptionQualification.decode(1L << 11).busLockDetected());
    assertEquals(1L << 12, DebugExceptionQualification.decode(1L << 12).reservedBits());
    assertThrows(IllegalArgumentException.class, () -> db.breakpointCondition(4));
  }
}
