package dev.vmcscodegen.runtime.control;

/**
 * One bit of a VMX control field, named as the SDM names it (SDM Vol. 3C 25.6.1, 25.6.2, 25.7.1,
 * 25.8.1). Implemented by one enum per control field ({@link PinBasedControl},
 * {@link PrimaryProcessorBasedControl}, ...), so a set of bits can be checked and printed by name.
 * An enum supplies only its {@link #definition()}; everything else is derived here, once.
 */
public interface ControlBit {

  /** The bit's position and SDM name. */
  ControlBitDefinition definition();

  /** The bit's position in its control field, 0 to 31 (0 to 63 for the 64-bit fields). */
  default int bit() {
    return definition().bit();
  }

  /** The bit as a mask. */
  default long mask() {
    return 1L << bit();
  }

  /** The SDM's name of the control, such as {@code "external-interrupt exiting"}. */
  default String sdmName() {
    return definition().sdmName();
  }

  /** The control field this bit belongs to. */
  default ControlKind kind() {
    return ControlKind.of(this);
  }
}
