package dev.vmcscodegen.runtime.control;

import dev.vmcscodegen.runtime.HostWidth;
import dev.vmcscodegen.runtime.VmFailValidException;
import dev.vmcscodegen.runtime.VmxInstructionError;
import dev.vmcscodegen.runtime.VmxInstructions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tiny in-test backend: fields in a map (absent ones read as 0), an optional set of unsupported
 * encodings that fail with VMfailValid(12) as the SDM says, MSRs from a map, and a log of INVEPT calls.
 */
public final class MapVmx implements VmxInstructions {

  /** Field values by encoding. */
  public final Map<Integer, Long> fields = new HashMap<>();
  /** Encodings this backend does not support. */
  public final Set<Integer> unsupported;
  /** INVEPT calls as {type, eptPointer}. */
  public final List<long[]> invepts = new ArrayList<>();
  /** VMWRITE count. */
  public int writes;
  private final Map<Integer, Long> msrs;

  /** A backend with these MSRs and unsupported encodings. */
  public MapVmx(Map<Integer, Long> msrs, Set<Integer> unsupported) {
    this.msrs = msrs;
    this.unsupported = unsupported;
  }

  /** A backend supporting every encoding. */
  public MapVmx(Map<Integer, Long> msrs) {
    this(msrs, Set.of());
  }

  @Override
  public long vmread(int encoding) {
    if (unsupported.contains(encoding)) {
      throw new VmFailValidException(VmxInstructionError.UNSUPPORTED_VMCS_COMPONENT, "VMREAD 0x" + Integer.toHexString(encoding));
    }
    return fields.getOrDefault(encoding, 0L);
  }

  @Override
  public void vmwrite(int encoding, long value) {
    if (unsupported.contains(encoding)) {
      throw new VmFailValidException(VmxInstructionError.UNSUPPORTED_VMCS_COMPONENT, "VMWRITE 0x" + Integer.toHexString(encoding));
    }
    writes++;
    fields.put(encoding, value);
  }

  @Override
  public HostWidth hostWidth() {
    return HostWidth.BITS_64;
  }

  @Override
  public long rdmsr(int msr) {
    Long value = msrs.get(msr);
    if (value == null) {
      throw new IllegalStateException("#GP: RDMSR 0x" + Integer.toHexString(msr));
    }
    return value;
  }

  @Override
  public void invept(long type, long eptPointer) {
    invepts.add(new long[] {type, eptPointer});
  }
}
