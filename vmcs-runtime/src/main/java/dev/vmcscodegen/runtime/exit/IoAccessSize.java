package dev.vmcscodegen.runtime.exit;

/**
 * Size of access, bits 2:0 of the I/O-instruction exit qualification: SDM Vol. 3C 28.2.1, table "Exit Qualification for I/O Instructions"
 * (0 = 1-byte, 1 = 2-byte, 3 = 4-byte, other values not used). Code 2 is not 3 bytes: it is unused,
 * and so are 4 to 7; they decode to {@link #UNKNOWN}.
 */
public enum IoAccessSize {
  /** Code 0: 1 byte. */
  ONE_BYTE(0, 1),
  /** Code 1: 2 bytes. */
  TWO_BYTES(1, 2),
  /** Code 3: 4 bytes. */
  FOUR_BYTES(3, 4),
  /** Codes 2, 4 to 7: not used by the SDM; the qualification keeps the raw code. */
  UNKNOWN(-1, 0);

  private final int code;
  private final int bytes;

  IoAccessSize(int code, int bytes) {
    this.code = code;
    this.bytes = bytes;
  }

  /** The 3-bit code, -1 for {@link #UNKNOWN}. */
  public int code() {
    return code;
  }

  /** The access size in bytes, 0 for {@link #UNKNOWN}. */
  public int bytes() {
    return bytes;
  }

  /** The size for a code; {@link #UNKNOWN} for codes the SDM does not use. Never throws. */
  public static IoAccessSize fromCode(int code) {
    switch (code) {
      case 0:
        return ONE_BYTE;
      case 1:
        return TWO_BYTES;
      case 3:
        return FOUR_BYTES;
      default:
        return UNKNOWN;
    }
  }
}
