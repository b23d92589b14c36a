package dev.vmcscodegen.runtime;

import dev.vmcscodegen.encoding.HostWidth;

/**
 * The VMX instructions the library runs on: a backend. The hardware one executes VMREAD and VMWRITE
 * (through JNI, a hypervisor shim, or a debugger); {@code SoftwareVmcs} implements the SDM's behaviour
 * in memory so everything runs without VT-x.
 *
 * <p>Every failure is typed: a backend throws {@link VmFailInvalidException} when there is no current
 * VMCS (VMfailInvalid) and {@link VmFailValidException} carrying the VM-instruction error number when
 * the instruction fails with VMfailValid (SDM Vol. 3C 31.2, "Conventions").
 *
 * <p>Values cross this interface zero-extended in a {@code long}: a 16-bit field reads as 0 to 0xFFFF,
 * a 32-bit field or a high-half access as 0 to 0xFFFFFFFF; on a {@link HostWidth#BITS_32} host every
 * access is 32 bits wide.
 */
public interface VmxInstructions {

  /**
   * VMREAD: the field with the given 32-bit encoding, zero-extended.
   *
   * @throws VmFailInvalidException if there is no current VMCS
   * @throws VmFailValidException with {@link VmxInstructionError#UNSUPPORTED_VMCS_COMPONENT} (12) for
   *     an encoding the processor does not support
   */
  long vmread(int encoding);

  /**
   * VMWRITE: stores {@code value} into the field with the given encoding.
   *
   * @throws VmFailInvalidException if there is no current VMCS
   * @throws VmFailValidException with error 12 for an unsupported encoding, 13 for a read-only field
   */
  void vmwrite(int encoding, long value);

  /** The width of the code issuing the instructions: it decides how 64-bit and natural-width fields are accessed. */
  HostWidth hostWidth();

  /**
   * RDMSR of a model-specific register, for the capability MSRs (IA32_VMX_BASIC 0x480 to
   * IA32_VMX_EXIT_CTLS2 0x493). Backends without MSR access keep this default.
   *
   * @throws UnsupportedOperationException if this backend cannot read MSRs
   */
  default long rdmsr(int msr) {
    throw new UnsupportedOperationException(
        "this VmxInstructions backend cannot read MSR 0x" + Integer.toHexString(msr));
  }

  /**
   * INVEPT of the given type (1 single-context, 2 all-context) for an EPT pointer
   * (SDM Vol. 3C 31.3, "INVEPT").
   *
   * @throws UnsupportedOperationException if this backend cannot run INVEPT
   */
  default void invept(long type, long eptPointer) {
    throw new UnsupportedOperationException("this VmxInstructions backend cannot run INVEPT");
  }

  /**
   * INVVPID of the given type (0 individual-address, 1 single-context, 2 all-context, 3 single-context
   * retaining globals) for a VPID and linear address (SDM Vol. 3C 31.3, "INVVPID").
   *
   * @throws UnsupportedOperationException if this backend cannot run INVVPID
   */
  default void invvpid(long type, int vpid, long linearAddress) {
    throw new UnsupportedOperationException("this VmxInstructions backend cannot run INVVPID");
  }
}
