package dev.vmcscodegen.runtime.software;

import dev.vmcscodegen.encoding.HostWidth;
import dev.vmcscodegen.runtime.VmFailValidException;
import dev.vmcscodegen.runtime.VmxInstructionError;
import dev.vmcscodegen.runtime.VmxInstructions;

/**
 * What a {@link VmEntryCheck} sees of the current VMCS: VMREAD with the processor's field support, but a
 * failure records no error number (the checks are part of VMLAUNCH/VMRESUME, not VMREADs of their own);
 * VMWRITE is refused; RDMSR reads the processor's MSRs.
 */
final class EntryCheckView implements VmxInstructions {

  private final SoftwareVmcs processor;
  private final FieldSupport support;
  private final long[] fields;

  EntryCheckView(SoftwareVmcs processor, FieldSupport support, long[] fields) {
    this.processor = processor;
    this.support = support;
    this.fields = fields;
  }

  @Override
  public long vmread(int encoding) {
    if (!support.supports(encoding)) {
      throw new VmFailValidException(VmxInstructionError.UNSUPPORTED_VMCS_COMPONENT,
          String.format("VMREAD 0x%04X in a VM-entry check: %s", encoding, support.unsupportedReason(encoding)));
    }
    return support.read(fields, encoding);
  }

  @Override
  public void vmwrite(int encoding, long value) {
    throw new UnsupportedOperationException(String.format(
        "VMWRITE 0x%04X in a VM-entry check: the checks only read the VMCS", encoding));
  }

  @Override
  public HostWidth hostWidth() {
    return processor.hostWidth();
  }

  @Override
  public long rdmsr(int msr) {
    return processor.rdmsr(msr);
  }
}
