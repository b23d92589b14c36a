package dev.vmcscodegen.runtime.state;

import dev.vmcscodegen.runtime.VmxInstructions;
import dev.vmcscodegen.runtime.capability.EptVpidCapability;
import dev.vmcscodegen.runtime.capability.EptVpidCapabilityBit;
import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.control.ControlKind;
import dev.vmcscodegen.runtime.control.SecondaryProcessorBasedControl;
import dev.vmcscodegen.runtime.fields.VmcsControl64;
import java.util.List;
import java.util.Optional;

/**
 * Installs an EPT pointer as the origin's {@code set_ept_pointer} does, but checked: validates it
 * against IA32_VMX_EPT_VPID_CAP (SDM Vol. 3D A.10) and the physical-address width, writes the EPT
 * pointer field (201AH), then invalidates cached EPT mappings with INVEPT through the backend
 * (SDM Vol. 3C 31.3): single-context if supported, else all-context.
 */
public final class EptPointerWriter {

  private EptPointerWriter() {}

  /**
   * Validates, writes and invalidates.
   *
   * @param physicalAddressWidth the processor's MAXPHYADDR (CPUID.80000008H:EAX[7:0]), 32 to 52
   * @return the INVEPT type used; empty if the processor supports no INVEPT type (nothing to invalidate with)
   * @throws EptPointerException if the processor cannot use EPT or this pointer; nothing is written then
   */
  public static Optional<InveptType> write(VmxInstructions vmx, VmxCapabilities capabilities, EptPointer pointer,
      int physicalAddressWidth) {
    boolean eptAllowed = capabilities.controlCapability(ControlKind.SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS)
        .map(capability -> capability.allowed().allowsOne(SecondaryProcessorBasedControl.ENABLE_EPT.bit()))
        .orElse(false);
    EptVpidCapability capability = capabilities.eptVpidCapability().orElse(null);
    if (!eptAllowed || capability == null) {
      throw new EptPointerException(List.of("the processor does not support EPT: the \"enable EPT\" secondary"
          + " control may not be 1 (IA32_VMX_PROCBASED_CTLS2 bit 33, SDM Vol. 3D A.3.3)"));
    }
    List<String> problems = pointer.problems(capability, physicalAddressWidth);
    if (!problems.isEmpty()) {
      throw new EptPointerException(problems);
    }
    long eptp = pointer.encode();
    VmcsControl64.EPT_POINTER.write(vmx, eptp);
    if (!capability.supports(EptVpidCapabilityBit.INVEPT)) {
      return Optional.empty();
    }
    for (InveptType type : InveptType.values()) {
      if (capability.supports(type.capability())) {
        vmx.invept(type.type(), eptp);
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
