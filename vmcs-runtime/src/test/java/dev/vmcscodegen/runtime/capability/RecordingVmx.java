package dev.vmcscodegen.runtime.capability;

import dev.vmcscodegen.encoding.HostWidth;
import dev.vmcscodegen.runtime.VmxInstructions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A backend serving only RDMSR from a map; reading an MSR not in the map fails as #GP would. */
final class RecordingVmx implements VmxInstructions {

  final List<Integer> reads = new ArrayList<>();
  private final Map<Integer, Long> msrs;

  RecordingVmx(Map<Integer, Long> msrs) {
    this.msrs = msrs;
  }

  @Override
  public long rdmsr(int msr) {
    reads.add(msr);
    Long value = msrs.get(msr);
    if (value == null) {
      throw new IllegalStateException("#GP: RDMSR of absent MSR 0x" + Integer.toHexString(msr));
    }
    return value;
  }

  @Override
  public long vmread(int encoding) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void vmwrite(int encoding, long value) {
    throw new UnsupportedOperationException();
  }

  @Override
  public HostWidth hostWidth() {
    return HostWidth.BITS_64;
  }
}
