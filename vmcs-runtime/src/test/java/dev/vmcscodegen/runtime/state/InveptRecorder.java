package dev.vmcscodegen.runtime.state;

import dev.vmcscodegen.encoding.HostWidth;
import dev.vmcscodegen.runtime.VmxInstructions;
import java.util.ArrayList;
import java.util.List;

/** Delegates to a backend and records INVEPT calls, which the software VMCS does not run. */
final class InveptRecorder implements VmxInstructions {

  final List<long[]> invepts = new ArrayList<>();
  private final VmxInstructions delegate;

  InveptRecorder(VmxInstructions delegate) {
    this.delegate = delegate;
  }

  @Override
  public long vmread(int encoding) {
    return delegate.vmread(encoding);
  }

  @Override
  public void vmwrite(int encoding, long value) {
    delegate.vmwrite(encoding, value);
  }

  @Override
  public HostWidth hostWidth() {
    return delegate.hostWidth();
  }

  @Override
  public long rdmsr(int msr) {
    return delegate.rdmsr(msr);
  }

  @Override
  public void invept(long type, long eptPointer) {
    invepts.add(new long[] {type, eptPointer});
  }
}
