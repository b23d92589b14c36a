package dev.vmcscodegen.runtime.exit;

/**
 * A decoded exit qualification (SDM Vol. 3C 28.2.1): one record per format, and
 * {@link RawExitQualification} for exits whose qualification this package has no format for.
 * {@link Qualifications#decode} picks the format from the basic exit reason.
 */
public sealed interface ExitQualification
    permits ApicAccessQualification, ControlRegisterAccessQualification, DebugExceptionQualification,
        EptViolationQualification, IoInstructionQualification, MovDrQualification,
        RawExitQualification, TaskSwitchQualification {

  /** The 64-bit exit qualification this value decodes, reserved bits included. */
  long encode();
}
