package dev.vmcscodegen.encoding;

/**
 * The rules a VMCS component encoding follows, each named once with the SDM text behind it (SDM Vol. 3C
 * 25.11.2, Table 25-21). The processor reports a spec line that breaks one (with the rule's words), the
 * runtime's decoders and the software VMCS use the same predicates.
 */
public enum EncodingRule {
  /** Bits 12 and 31:15 are reserved and must be 0. */
  RESERVED_BITS_CLEAR("bits 12, 15 and 31:16 must be 0") {
    @Override
    public boolean isBrokenBy(int encoding) {
      return VmcsEncoding.reservedBits(encoding) != 0;
    }
  },
  /** Access type 1 (high) exists only for 64-bit fields: "must be full for 16-bit, 32-bit, and natural-width fields". */
  HIGH_ACCESS_ONLY_64_BIT("access type 1 (high) exists only for 64-bit fields") {
    @Override
    public boolean isBrokenBy(int encoding) {
      return EncodingPart.ACCESS_TYPE.of(encoding) == 1 && VmcsWidth.ofEncoding(encoding) != VmcsWidth.BITS_64;
    }
  };

  private final String text;

  EncodingRule(String text) {
    this.text = text;
  }

  /** Whether {@code encoding} breaks the rule. */
  public abstract boolean isBrokenBy(int encoding);

  /** The rule in words, such as {@code bits 12, 15 and 31:16 must be 0}. */
  public String text() {
    return text;
  }

  /** Where the SDM says it. */
  public String citation() {
    return EncodingPart.CITATION;
  }

  /** Whether {@code encoding} follows every rule: it may name a field, though maybe none a processor supports. */
  public static boolean allHold(int encoding) {
    for (EncodingRule rule : values()) {
      if (rule.isBrokenBy(encoding)) {
        return false;
      }
    }
    return true;
  }
}
