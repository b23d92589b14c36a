package dev.vmcscodegen.runtime.exit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

class QualificationsTest {

  private static final List<LongFunction<ExitQualification>> DECODERS = List.of(
      IoInstructionQualification::decode,
      ControlRegisterAccessQualification::decode,
      MovDrQualification::decode,
      EptViolationQualification::decode,
      ApicAccessQualification::decode,
      TaskSwitchQualification::decode,
      DebugExceptionQualification::decode);

  @Test
  void dispatchesOnTheBasicReason() {
    // SDM Vol. 3C 28.2.1 lists which exits carry which qualification format.
    assertInstanceOf(TaskSwitchQualification.class, Qualifications.decode(ExitReason.TASK_SWITCH, 0));
    assertInstanceOf(ControlRegisterAccessQualification.class,
        Qualifications.decode(ExitReason.CONTROL_REGISTER_ACCESSES, 0));
    assertInstanceOf(MovDrQualification.class, Qualifications.decode(ExitReason.MOV_DR, 0));
    assertInstanceOf(IoInstructionQualification.class, Qualifications.decode(ExitReason.IO_INSTRUCTION, 0));
    assertInstanceOf(ApicAccessQualification.class, Qualifications.decode(ExitReason.APIC_ACCESS, 0));
    assertInstanceOf(EptViolationQualification.class, Qualifications.decode(ExitReason.EPT_VIOLATION, 0));
    assertInstanceOf(EptViolationQualification.class,
        Qualifications.decode(FullExitReason.of(ExitReason.EPT_VIOLATION), 0));
  }

  @Test
  void reasonsWithoutAFormatStayRaw() {
    // SDM Vol. 3C 28.2.1: for INVLPG the qualification is the linear-address operand, kept as is.
    ExitQualification invlpg = Qualifications.decode(ExitReason.INVLPG, 0xFFFF_8000_0000_1000L);
    RawExitQualification raw = assertInstanceOf(RawExitQualification.class, invlpg);
    assertSame(ExitReason.INVLPG, raw.reason());
    assertEquals(0xFFFF_8000_0000_1000L, raw.encode());
    assertInstanceOf(RawExitQualification.class, Qualifications.decode(ExitReason.UNKNOWN, -1L));
    assertInstanceOf(RawExitQualification.class, Qualifications.decode(ExitReason.EPT_MISCONFIGURATION, 0));
    assertThrows(IllegalArgumentException.class, () -> Qualifications.decode((ExitReason) null, 0));
  }

  @Test
  void exceptionQualificationDependsOnTheVector() {
    // SDM Vol. 3C 28.2.1: a #DB (vector 1) reports DR6-like bits (BS = bit 14); a #PF (vector 14)
    // reports the faulting linear address.
    DebugExceptionQualification db = assertInstanceOf(DebugExceptionQualification.class,
        Qualifications.decodeException(1, 1L << 14));
    assertTrue(db.singleInstruction());
    RawExitQualification pf = assertInstanceOf(RawExitQualification.class,
        Qualifications.decodeException(14, 0xDEAD_B000L));
    assertSame(ExitReason.EXCEPTION_OR_NMI, pf.reason());
    assertEquals(0xDEAD_B000L, pf.value());
  }

  @Test
  void everyDecoderIsTotalAndRoundTrips() {
    Random random = new Random(0x5EED_0003L);
    for (int i = 0; i < 50_000; i++) {
      long raw = random.nextLong();
      for (LongFunction<ExitQualification> decoder : DECODERS) {
        assertEquals(raw, decoder.apply(raw).encode(), () -> Long.toHexString(raw));
      }
    }
    for (long raw : new long[] {0, -1L, Long.MIN_VALUE, Long.MAX_VALUE}) {
      for (LongFunction<ExitQualification> decoder : DECODERS) {
        assertEquals(raw, decoder.apply(raw).encode(), Long.toHexString(raw));
      }
    }
  }

  @Test
  void dispatcherIsTotalOverEveryReason() {
    Random random = new Random(0x5EED_0004L);
    for (ExitReason reason : ExitReason.values()) {
      for (int i = 0; i < 200; i++) {
        long raw = random.nextLong();
        assertEquals(raw, Qualifications.decode(reason, raw).encode(), reason + " " + Long.toHexString(raw));
      }
    }
  }
}
