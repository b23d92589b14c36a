package dev.vmcscodegen.runtime.exit;

import dev.vmcscodegen.runtime.arch.InterruptionInfoLayout;

/**
 * The interruption type, bits 10:8 of the VM-entry interruption-information field (SDM Vol. 3C 25.8.3),
 * the VM-exit interruption-information field (25.9.2) and the IDT-vectoring information field (25.9.3).
 *
 * <p>All eight 3-bit values have a constant, so {@link #fromCode} is total over a 3-bit field. Not every
 * field uses every type: VM-exit interruption information uses 0, 2, 3, 5 and 6; IDT-vectoring
 * information 0, 2 to 6; VM entry injects all but 1, type 7 only for the pending MTF VM exit.
 */
public enum InterruptionType {
  /** 0: external interrupt. */
  EXTERNAL_INTERRUPT(0),
  /** 1: reserved (not used). */
  RESERVED(1),
  /** 2: non-maskable interrupt (NMI). */
  NMI(2),
  /** 3: hardware exception (every exception other than those of types 5 and 6). */
  HARDWARE_EXCEPTION(3),
  /** 4: software interrupt (INT n). */
  SOFTWARE_INTERRUPT(4),
  /** 5: privileged software exception (INT1). */
  PRIVILEGED_SOFTWARE_EXCEPTION(5),
  /** 6: software exception (INT3 or INTO). */
  SOFTWARE_EXCEPTION(6),
  /** 7: other event (with vector 0, the pending MTF VM exit on VM entry). */
  OTHER_EVENT(7);

  private static final InterruptionType[] BY_CODE = values();

  private final int code;

  InterruptionType(int code) {
    this.code = code;
  }

  /** The 3-bit code. */
  public int code() {
    return code;
  }

  /** Whether the SDM reserves this type ({@link #RESERVED}). */
  public boolean isReserved() {
    return this == RESERVED;
  }

  /**
   * Whether VM entry injecting this type uses the VM-entry instruction length (software interrupt,
   * privileged software exception, software exception: SDM Vol. 3C 25.8.3).
   */
  public boolean usesInstructionLength() {
    return this == SOFTWARE_INTERRUPT || this == PRIVILEGED_SOFTWARE_EXCEPTION
        || this == SOFTWARE_EXCEPTION;
  }

  /**
   * The type with this 3-bit code (bits 10:8, right-aligned).
   *
   * @throws IllegalArgumentException if {@code code} is outside 0 to 7
   */
  public static InterruptionType fromCode(int code) {
    return BY_CODE[BitField.checkWidth(code, InterruptionInfoLayout.TYPE_BITS, "interruption type (bits 10:8)")];
  }
}
