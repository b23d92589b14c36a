package dev.vmcscodegen.runtime.exit;

/**
 * Segment register, bits 17:15 of the VM-exit instruction-information field: SDM Vol. 3C 28.2.5
 * (0 = ES, 1 = CS, 2 = SS, 3 = DS, 4 = FS, 5 = GS, other values not used). Unused codes decode to
 * {@link #UNKNOWN}; the records keep the raw code.
 */
public enum SegmentRegister {
  /** Code 0. */
  ES,
  /** Code 1. */
  CS,
  /** Code 2. */
  SS,
  /** Code 3. */
  DS,
  /** Code 4. */
  FS,
  /** Code 5. */
  GS,
  /** Codes 6 and 7: not used by the SDM. */
  UNKNOWN;

  /** Bits 17:15. */
  public static final int SHIFT = 15;
  /** Width of the segment-register field. */
  public static final int BITS = 3;

  private static final SegmentRegister[] BY_CODE = values();

  /** The 3-bit code, -1 for {@link #UNKNOWN}. */
  public int code() {
    return this == UNKNOWN ? -1 : ordinal();
  }

  /** The register for a code; {@link #UNKNOWN} for codes the SDM does not use. Never throws. */
  public static SegmentRegister fromCode(int code) {
    return code >= 0 && code < UNKNOWN.ordinal() ? BY_CODE[code] : UNKNOWN;
  }
}
