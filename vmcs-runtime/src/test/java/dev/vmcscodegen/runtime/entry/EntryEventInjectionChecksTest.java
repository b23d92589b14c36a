package dev.vmcscodegen.runtime.entry;

import static dev.vmcscodegen.runtime.fields.VmcsEncodings.*;
import static dev.vmcscodegen.runtime.entry.RowProbe.assertHolds;
import static dev.vmcscodegen.runtime.entry.RowProbe.assertViolated;

import dev.vmcscodegen.runtime.capability.VmxCapabilityMsr;
import dev.vmcscodegen.runtime.arch.Cr0;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Boundaries of the event-injection checks on the VM-entry interruption-information field, SDM Vol. 3C
 * 27.2.1.3 (field layout in 25.8.3, Table 25-17: vector 7:0, type 10:8, deliver error code 11, valid 31).
 */
class EntryEventInjectionChecksTest {

  private static final int INFO = VM_ENTRY_INTERRUPTION_INFORMATION;
  private static final List<Check> ROWS = EntryControlChecks.rows();
  private static final long VALID = 1L << 31;
  private static final long DELIVER = 1L << 11;
  /** IA32_VMX_BASIC bit 56: no error-code consistency check for hardware exceptions (SDM Vol. 3D A.1). */
  private static final long BASIC_56 = 1L << 56;

  private final Scenario l = Baselines.longMode();

  private static long event(int type, int vector) {
    return VALID | ((long) type << 8) | vector;
  }

  private Scenario inject(Scenario s, int type, int vector) {
    return s.set(INFO, event(type, vector));
  }

  /** "If the interruption type is hardware exception, the vector is at most 31." */
  @Test
  void hardwareExceptionVector31IsTheLargestAllowed() {
    assertHolds(ROWS, "ctl-entry-intinfo-vector-hwexc", inject(l, 3, 31), "vector 31");
    assertViolated(ROWS, "ctl-entry-intinfo-vector-hwexc", inject(l, 3, 32), "vector 32");
    assertHolds(ROWS, "ctl-entry-intinfo-vector-hwexc", inject(l, 0, 0x80), "an external interrupt may use 80H");
  }

  /** "Bits 31:16 of the VM-entry exception error code must be 0" when an error code is delivered. */
  @Test
  void sixteenBitErrorCodesAreAccepted() {
    Scenario gp = l.set(INFO, event(3, 13) | DELIVER);
    assertHolds(ROWS, "ctl-entry-errcode-reserved", gp.set(VM_ENTRY_EXCEPTION_ERROR_CODE, 0), "error code 0");
    assertHolds(ROWS, "ctl-entry-errcode-reserved", gp.set(VM_ENTRY_EXCEPTION_ERROR_CODE, 0xFFFF),
        "error code FFFFH");
    assertViolated(ROWS, "ctl-entry-errcode-reserved", gp.set(VM_ENTRY_EXCEPTION_ERROR_CODE, 0x8000_0000L),
        "bit 31 set");
    assertHolds(ROWS, "ctl-entry-errcode-reserved", inject(l, 3, 6).set(VM_ENTRY_EXCEPTION_ERROR_CODE, 0x1_0000),
        "no error code delivered: the field is not checked");
  }

  /**
   * For software interrupts (4), privileged software exceptions (5) and software exceptions (6) the
   * VM-entry instruction length must be 0 to 15, 0 only when IA32_VMX_MISC[30] is 1 (SDM Vol. 3D A.6).
   */
  @Test
  void softwareEventInstructionLengthBoundaries() {
    String id = "ctl-entry-instr-len";
    for (int type : new int[] {4, 5, 6}) {
      int vector = type == 5 ? 1 : 3;
      Scenario s = inject(l, type, vector);
      assertHolds(ROWS, id, s.set(VM_ENTRY_INSTRUCTION_LENGTH, 15), "type " + type + " length 15");
      assertViolated(ROWS, id, s.set(VM_ENTRY_INSTRUCTION_LENGTH, 16), "type " + type + " length 16");
      assertHolds(ROWS, id, s.set(VM_ENTRY_INSTRUCTION_LENGTH, 1), "type " + type + " length 1");
    }
    // The baseline's IA32_VMX_MISC (7004C1E7H) has bit 30; without it, length 0 is an error.
    Scenario int3 = inject(l, 6, 3);
    assertHolds(ROWS, id, int3.set(VM_ENTRY_INSTRUCTION_LENGTH, 0), "length 0 with MISC[30]");
    Scenario noZero = int3.msr(VmxCapabilityMsr.IA32_VMX_MISC, 0x3004_C1E7L);
    assertViolated(ROWS, id, noZero.set(VM_ENTRY_INSTRUCTION_LENGTH, 0), "length 0 without MISC[30]");
    assertHolds(ROWS, id, noZero.set(VM_ENTRY_INSTRUCTION_LENGTH, 1), "length 1 without MISC[30]");
  }

  /** The length is checked for types 4, 5 and 6 only. */
  @Test
  void otherEventTypesIgnoreTheInstructionLength() {
    Scenario garbage = l.set(VM_ENTRY_INSTRUCTION_LENGTH, 16);
    String id = "ctl-entry-instr-len";
    assertHolds(ROWS, id, inject(garbage, 0, 0x20), "external interrupt");
    assertHolds(ROWS, id, inject(garbage, 2, 2), "NMI");
    assertHolds(ROWS, id, garbage.set(INFO, event(3, 13) | DELIVER), "hardware exception");
    assertHolds(ROWS, id, inject(garbage, 7, 0), "other event");
    assertHolds(ROWS, id, garbage, "no event");
  }

  /**
   * Interruption type 1 is reserved; type 7 (other event) is reserved unless the 1-setting of "monitor
   * trap flag" (primary control 27) is supported, bit 59 of IA32_VMX_(TRUE_)PROCBASED_CTLS (A.3.2).
   */
  @Test
  void otherEventTypeNeedsMonitorTrapFlagSupport() {
    String id = "ctl-entry-intinfo-type";
    assertHolds(ROWS, id, inject(l, 7, 0), "MTF supported");
    Scenario noMtf = l.msr(VmxCapabilityMsr.IA32_VMX_TRUE_PROCBASED_CTLS, 0xF7FF_FFFE_0400_6172L)
        .msr(VmxCapabilityMsr.IA32_VMX_PROCBASED_CTLS, 0xF7F9_FFFE_0401_E172L);
    assertViolated(ROWS, id, inject(noMtf, 7, 0), "MTF not supported");
    assertHolds(ROWS, id, inject(noMtf, 0, 0x20), "external interrupt without MTF support");
    assertHolds(ROWS, id, inject(noMtf, 6, 3), "software exception without MTF support");
    assertViolated(ROWS, id, inject(l, 1, 0x20), "type 1");
  }

  /**
   * "Deliver error code" must be 0 when the type is not hardware exception, or when "unrestricted guest"
   * is 1 and guest CR0.PE is 0; otherwise it must be 1 exactly for #DF 8, #TS 10, #NP 11, #SS 12, #GP 13,
   * #PF 14, #AC 17 and #CP 21 (Vol. 3A 6.3.1) unless IA32_VMX_BASIC[56] is 1.
   */
  @Test
  void deliverErrorCodeMustBeZeroForOtherTypesAndInRealMode() {
    String id = "ctl-entry-intinfo-errcode-bit";
    assertViolated(ROWS, id, l.set(INFO, event(0, 0x20) | DELIVER), "external interrupt with error code");
    assertHolds(ROWS, id, inject(l, 0, 0x20), "external interrupt without error code");
    assertViolated(ROWS, id, l.set(INFO, event(6, 3) | DELIVER), "software exception with error code");
    Scenario real = Baselines.realMode();
    assertViolated(ROWS, id, real.set(INFO, event(3, 13) | DELIVER), "#GP in real mode with error code");
    assertHolds(ROWS, id, inject(real, 3, 13), "#GP in real mode without error code");
    // Unrestricted guest with CR0.PE 1 is protected mode: #GP needs its error code.
    Scenario pe = real.or(GUEST_CR0, Cr0.PE);
    assertViolated(ROWS, id, inject(pe, 3, 13), "#GP in protected mode without error code");
    assertHolds(ROWS, id, pe.set(INFO, event(3, 13) | DELIVER), "#GP in protected mode with error code");
  }

  @Test
  void deliverErrorCodeFollowsTheExceptionVector() {
    String id = "ctl-entry-intinfo-errcode-bit";
    for (int vector = 0; vector < 32; vector++) {
      boolean pushes = vector == 8 || (vector >= 10 && vector <= 14) || vector == 17 || vector == 21;
      Scenario with = l.set(INFO, event(3, vector) | DELIVER);
      Scenario without = inject(l, 3, vector);
      if (pushes) {
        assertHolds(ROWS, id, with, "vector " + vector + " with error code");
        assertViolated(ROWS, id, without, "vector " + vector + " without error code");
      } else {
        assertViolated(ROWS, id, with, "vector " + vector + " with error code");
        assertHolds(ROWS, id, without, "vector " + vector + " without error code");
      }
    }
  }

  /** With IA32_VMX_BASIC[56] the vector no longer decides; the type and real-mode rules stay. */
  @Test
  void basicBit56RelaxesOnlyTheVectorRule() {
    String id = "ctl-entry-intinfo-errcode-bit";
    Scenario relaxed = l.msr(VmxCapabilityMsr.IA32_VMX_BASIC, Baselines.BASIC | BASIC_56);
    assertHolds(ROWS, id, inject(relaxed, 3, 13), "#GP without error code");
    assertHolds(ROWS, id, relaxed.set(INFO, event(3, 6) | DELIVER), "#UD with error code");
    assertViolated(ROWS, id, relaxed.set(INFO, event(0, 0x20) | DELIVER), "external interrupt with error code");
    Scenario real = Baselines.realMode().msr(VmxCapabilityMsr.IA32_VMX_BASIC, Baselines.BASIC | BASIC_56);
    assertViolated(ROWS, id, real.set(INFO, event(3, 13) | DELIVER), "#GP in real mode with error code");
  }
}
