package dev.vmcscodegen.examples.exitloop;

import dev.vmcscodegen.runtime.arch.InterruptionInfoLayout;
import dev.vmcscodegen.runtime.exit.ExitReason;
import dev.vmcscodegen.runtime.exit.FullExitReason;
import dev.vmcscodegen.runtime.exit.GeneralPurposeRegister;
import dev.vmcscodegen.runtime.fields.VmcsControl32;
import dev.vmcscodegen.runtime.fields.VmcsReadOnly32;
import dev.vmcscodegen.runtime.fields.VmcsReadOnly64;
import dev.vmcscodegen.runtime.fields.VmcsReadOnlyNW;
import dev.vmcscodegen.runtime.software.SoftwareVmcs;
import java.util.Map;
import java.util.Objects;

/**
 * One VM exit the scripted guest causes: what the processor would record in the VM-exit information
 * fields (SDM Vol. 3C 28.2), and the guest's general-purpose registers at that moment (which the VMM,
 * not the VMCS, holds).
 *
 * @param reason the basic exit reason
 * @param qualification the exit qualification
 * @param instructionLength the VM-exit instruction length (0 when the exit is not caused by an instruction)
 * @param guestPhysicalAddress the guest-physical address (EPT violations)
 * @param guestLinearAddress the guest-linear address (EPT violations with qualification bit 7)
 * @param idtVectoringInformation the IDT-vectoring information (bit 31 clear if no event was being delivered)
 * @param idtVectoringErrorCode the IDT-vectoring error code
 * @param registers the guest registers the exit finds
 */
public record ScriptedExit(ExitReason reason, long qualification, int instructionLength, long guestPhysicalAddress,
    long guestLinearAddress, int idtVectoringInformation, int idtVectoringErrorCode,
    Map<GeneralPurposeRegister, Long> registers) {

  /** Checks the reason is a defined one and freezes the registers. */
  public ScriptedExit {
    Objects.requireNonNull(reason, "reason");
    if (!reason.isDefined()) {
      throw new IllegalArgumentException("a scripted exit needs a reason of SDM Vol. 3D Table C-1, not " + reason);
    }
    registers = Map.copyOf(registers);
  }

  /** An exit caused by an instruction of {@code length} bytes, with nothing being delivered. */
  public static ScriptedExit instruction(ExitReason reason, long qualification, int length,
      Map<GeneralPurposeRegister, Long> registers) {
    return new ScriptedExit(reason, qualification, length, 0, 0, 0, 0, registers);
  }

  /**
   * Writes what the processor records on this VM exit through the software VMCS's simulation hook: the
   * exit reason, qualification, instruction length, addresses, IDT-vectoring information and error code,
   * and an invalid VM-exit interruption information (no exception caused it). Like every VM exit, it
   * clears the valid bit of the VM-entry interruption-information field: the event injected at the
   * previous entry was delivered (SDM Vol. 3C 28.2).
   */
  public void simulate(SoftwareVmcs vmcs) {
    vmcs.put(VmcsReadOnly32.EXIT_REASON.encoding(), FullExitReason.of(reason).encode());
    vmcs.put(VmcsReadOnlyNW.EXIT_QUALIFICATION.encoding(), qualification);
    vmcs.put(VmcsReadOnly32.VM_EXIT_INSTRUCTION_LENGTH.encoding(), instructionLength);
    vmcs.put(VmcsReadOnly64.GUEST_PHYSICAL_ADDRESS.encoding(), guestPhysicalAddress);
    vmcs.put(VmcsReadOnlyNW.GUEST_LINEAR_ADDRESS.encoding(), guestLinearAddress);
    vmcs.put(VmcsReadOnly32.VM_EXIT_INTERRUPTION_INFORMATION.encoding(), 0);
    vmcs.put(VmcsReadOnly32.IDT_VECTORING_INFORMATION.encoding(), Integer.toUnsignedLong(idtVectoringInformation));
    vmcs.put(VmcsReadOnly32.IDT_VECTORING_ERROR_CODE.encoding(), Integer.toUnsignedLong(idtVectoringErrorCode));
    int entryInformation = VmcsControl32.VM_ENTRY_INTERRUPTION_INFORMATION.read(vmcs);
    VmcsControl32.VM_ENTRY_INTERRUPTION_INFORMATION.write(vmcs,
        entryInformation & ~(int) InterruptionInfoLayout.VALID);
  }
}
