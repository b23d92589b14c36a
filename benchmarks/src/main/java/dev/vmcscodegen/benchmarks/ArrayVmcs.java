package dev.vmcscodegen.benchmarks;

import dev.vmcscodegen.encoding.HostWidth;
import dev.vmcscodegen.runtime.VmxInstructions;
import java.util.Objects;

/**
 * The cheapest backend Java allows: one array slot per encoding, no checks at all. It stands in for
 * the physical limit of a {@link VmxInstructions} call, so a wrapper's overhead shows undiluted.
 * Encodings outside 0 to 0x7FFF (bit 15 and above are reserved, SDM Vol. 3C 25.11.2) throw
 * {@link ArrayIndexOutOfBoundsException}.
 */
final class ArrayVmcs implements VmxInstructions {

  /** Bits 14:0 of an encoding: everything that is not reserved above bit 14 (Table 25-21). */
  private static final int ENCODINGS = 1 << 15;

  private final long[] values = new long[ENCODINGS];
  private final HostWidth hostWidth;

  ArrayVmcs(HostWidth hostWidth) {
    this.hostWidth = Objects.requireNonNull(hostWidth, "hostWidth");
  }

  @Override
  public long vmread(int encoding) {
    return values[encoding];
  }

  @Override
  public void vmwrite(int encoding, long value) {
    values[encoding] = value;
  }

  @Override
  public HostWidth hostWidth() {
    return hostWidth;
  }
}
