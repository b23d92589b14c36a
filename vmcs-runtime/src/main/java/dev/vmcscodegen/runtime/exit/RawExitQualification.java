package dev.vmcscodegen.runtime.exit;

/**
 * An exit qualification kept as its raw value: for exits whose qualification is a plain value (the
 * INVLPG linear address, the displacement of a VMX or descriptor-table instruction, SDM Vol. 3C
 * 28.2.1), is undefined (EPT misconfiguration), or depends on more than the reason (an exception's
 * qualification depends on its vector: decode a #DB with {@link DebugExceptionQualification#decode}).
 *
 * @param reason the basic exit reason the qualification came with, possibly {@link ExitReason#UNKNOWN}
 * @param value the exit qualification
 */
public record RawExitQualification(ExitReason reason, long value) implements ExitQualification {

  /** Checks the reason is given. */
  public RawExitQualification {
    if (reason == null) {
      throw new IllegalArgumentException("exit reason must not be null (use ExitReason.UNKNOWN)");
    }
  }

  @Override
  public long encode() {
    return value;
  }
}
