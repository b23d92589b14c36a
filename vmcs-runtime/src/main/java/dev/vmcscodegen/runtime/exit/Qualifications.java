package dev.vmcscodegen.runtime.exit;

import dev.vmcscodegen.runtime.arch.ExceptionVector;

/**
 * Picks the exit-qualification format for a basic exit reason (SDM Vol. 3C 28.2.1).
 *
 * <p>Reasons with a structured qualification decode to their record; every other reason (including
 * {@link ExitReason#UNKNOWN} and reason 0, whose format depends on the exception vector) gives a
 * {@link RawExitQualification} holding the value unchanged. Never throws.
 *
 * <p>Cost: the record decoders ({@code IoInstructionQualification.decode} and the others) allocate
 * nothing once C2 has inlined them and scalar-replaced the record (measured 0 bytes per decode on JDK 17
 * and 25 with {@code ThreadMXBean.getThreadAllocatedBytes}). This dispatcher returns one of several
 * record types, so when the reason varies at a call site the record escapes and is allocated (about
 * 24 bytes a call in the same measurement); on a hot path that already knows the reason, call the
 * record's own {@code decode}.
 */
public final class Qualifications {

  private Qualifications() {}

  /**
   * Decodes {@code qualification} in the format of {@code reason}.
   *
   * @throws IllegalArgumentException if {@code reason} is null
   */
  public static ExitQualification decode(ExitReason reason, long qualification) {
    if (reason == null) {
      throw new IllegalArgumentException("exit reason must not be null (use ExitReason.UNKNOWN)");
    }
    switch (reason) {
      case TASK_SWITCH:
        return TaskSwitchQualification.decode(qualification);
      case CONTROL_REGISTER_ACCESSES:
        return ControlRegisterAccessQualification.decode(qualification);
      case MOV_DR:
        return MovDrQualification.decode(qualification);
      case IO_INSTRUCTION:
        return IoInstructionQualification.decode(qualification);
      case APIC_ACCESS:
        return ApicAccessQualification.decode(qualification);
      case EPT_VIOLATION:
        return EptViolationQualification.decode(qualification);
      default:
        return new RawExitQualification(reason, qualification);
    }
  }

  /**
   * Decodes the qualification of an exception VM exit (basic reason 0), whose format depends on the
   * vector in the VM-exit interruption information (SDM Vol. 3C 28.2.1): a debug exception (#DB,
   * vector 1) gives a {@link DebugExceptionQualification}; any other vector (a page fault's linear
   * address, or no qualification at all) a {@link RawExitQualification} for
   * {@link ExitReason#EXCEPTION_OR_NMI}. Never throws.
   */
  public static ExitQualification decodeException(int vector, long qualification) {
    return vector == ExceptionVector.DB
        ? DebugExceptionQualification.decode(qualification)
        : new RawExitQualification(ExitReason.EXCEPTION_OR_NMI, qualification);
  }

  /** Decodes {@code qualification} in the format of the basic reason of {@code exitReason}. */
  public static ExitQualification decode(FullExitReason exitReason, long qualification) {
    return decode(exitReason.reason(), qualification);
  }
}
