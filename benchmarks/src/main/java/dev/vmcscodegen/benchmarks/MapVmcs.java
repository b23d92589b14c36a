package dev.vmcscodegen.benchmarks;

import dev.vmcscodegen.encoding.HostWidth;
import dev.vmcscodegen.runtime.VmFailValidException;
import dev.vmcscodegen.runtime.VmxInstructionError;
import dev.vmcscodegen.runtime.VmxInstructions;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The in-memory backend a user might write in ten minutes: a {@code HashMap<Integer, Long>} of values
 * and a set of the encodings it supports (VMREAD/VMWRITE of any other encoding fails with VM-instruction
 * error 12, SDM Vol. 3C 31.4). What {@code SoftwareVmcs} is measured against.
 */
final class MapVmcs implements VmxInstructions {

  private final Map<Integer, Long> values = new HashMap<>();
  private final Set<Integer> supported;
  private final HostWidth hostWidth;

  MapVmcs(Set<Integer> supported, HostWidth hostWidth) {
    this.supported = Set.copyOf(supported);
    this.hostWidth = Objects.requireNonNull(hostWidth, "hostWidth");
  }

  @Override
  public long vmread(int encoding) {
    if (!supported.contains(encoding)) {
      throw new VmFailValidException(VmxInstructionError.UNSUPPORTED_VMCS_COMPONENT, "VMREAD");
    }
    return values.getOrDefault(encoding, 0L);
  }

  @Override
  public void vmwrite(int encoding, long value) {
    if (!supported.contains(encoding)) {
      throw new VmFailValidException(VmxInstructionError.UNSUPPORTED_VMCS_COMPONENT, "VMWRITE");
    }
    values.put(encoding, value);
  }

  @Override
  public HostWidth hostWidth() {
    return hostWidth;
  }
}
