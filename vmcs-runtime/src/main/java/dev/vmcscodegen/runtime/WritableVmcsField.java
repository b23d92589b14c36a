package dev.vmcscodegen.runtime;

/** A field that VMWRITE may write: control, guest-state and host-state fields. */
public interface WritableVmcsField extends VmcsField {

  /**
   * Writes an unsigned value to the field, whatever its width.
   *
   * @throws VmcsValueOutOfRangeException if {@code value} does not fit the field's width on the
   *     backend's host (nothing is written)
   */
  default void writeValue(VmxInstructions vmx, long value) {
    VmcsAccess.writeValue(vmx, this, value);
  }
}
