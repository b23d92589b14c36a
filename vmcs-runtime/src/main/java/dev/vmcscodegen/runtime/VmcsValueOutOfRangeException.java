package dev.vmcscodegen.runtime;

/**
 * A value does not fit the field it was meant for: writing it would cut bits, so nothing was written.
 */
public final class VmcsValueOutOfRangeException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final int encoding;
  private final long value;
  private final int bits;

  /**
   * @param field the field's name
   * @param encoding the field's encoding
   * @param value the rejected value
   * @param bits how many bits the field holds on this host
   */
  public VmcsValueOutOfRangeException(String field, int encoding, long value, int bits) {
    super(String.format("value 0x%x does not fit %s (0x%04X), a %d-bit field on this host: bits %d and above would be lost",
        value, field, encoding, bits, bits));
    this.encoding = encoding;
    this.value = value;
    this.bits = bits;
  }

  /** The field's encoding. */
  public int encoding() {
    return encoding;
  }

  /** The rejected value. */
  public long value() {
    return value;
  }

  /** The field's width in bits on the host that was written to. */
  public int bits() {
    return bits;
  }
}
