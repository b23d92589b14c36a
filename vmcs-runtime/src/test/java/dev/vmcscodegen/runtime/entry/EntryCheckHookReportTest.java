package dev.vmcscodegen.runtime.entry;

import dev.vmcscodegen.runtime.fields.VmcsEncodings;
import dev.vmcscodegen.runtime.LaunchState;
import dev.vmcscodegen.runtime.EntryOutcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vmcscodegen.runtime.control.SecondaryProcessorBasedControl;
import dev.vmcscodegen.runtime.VmFailValidException;
import dev.vmcscodegen.runtime.VmxInstructionError;
import dev.vmcscodegen.runtime.software.SoftwareVmcs;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What the hook's report keeps from the full report: no launch-state checks, every undecided check, memory when given. */
class EntryCheckHookReportTest {

  private static SoftwareVmcs vmcs(Scenario scenario, EntryCheckHook hook) {
    SoftwareVmcs vmcs = SoftwareVmcs.builder().entryCheck(hook).build();
    scenario.image().values().forEach(vmcs::put);
    return vmcs;
  }

  @Test
  void basicChecksAreLeftToTheSoftwareVmcs() {
    // VMRESUME with a clear VMCS violates 27.1 (error 5) in the offline checker; the software VMCS checks
    // launch state itself, so the hook reports nothing for it.
    Scenario resume = Baselines.longMode().facts(f -> f.withLaunch(EntryInstruction.VMRESUME, LaunchState.CLEAR));
    assertEquals(List.of("basic-vmresume-launch-state"), resume.check().violatedIds());
    EntryCheckHook hook = EntryCheckHook.of(resume.capabilities(), resume.facts());
    SoftwareVmcs vmcs = vmcs(resume, hook);
    assertEquals(List.of(), hook.report(vmcs).violatedIds());
    assertInstanceOf(EntryOutcome.Entered.class, vmcs.vmlaunch());
  }

  @Test
  void blockingByMovSsIsStillReportedAsError26() {
    // SDM Vol. 3C 27.1: events blocked by MOV SS fail with VMfailValid 26 (Table 31-1); the software VMCS
    // does not model MOV SS, so the hook keeps this basic check.
    Scenario movSs = Baselines.longMode().facts(f -> f.withEventsBlockedByMovSs(true));
    EntryCheckHook hook = EntryCheckHook.of(movSs.capabilities(), movSs.facts());
    SoftwareVmcs vmcs = vmcs(movSs, hook);
    assertEquals(List.of("basic-movss-blocking"), hook.report(vmcs).violatedIds());
    assertEquals(VmxInstructionError.ENTRY_EVENTS_BLOCKED_BY_MOV_SS,
        assertThrows(VmFailValidException.class, vmcs::vmlaunch).error());
  }

  @Test
  void undecidedChecksStayInTheHookReportAndMemoryDecidesThem() {
    // A PAE guest without EPT: VM entry loads the PDPTEs from the page-directory-pointer table at CR3
    // (SDM Vol. 3C 27.3.1.6), so the check needs physical memory.
    Scenario pae = Baselines.pae()
        .clear(VmcsEncodings.SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS, SecondaryProcessorBasedControl.ENABLE_EPT.mask());
    EntryCheckHook blind = EntryCheckHook.of(pae.capabilities(), pae.facts());
    EntryReport withoutMemory = blind.report(vmcs(pae, blind));
    assertEquals(List.of("guest-pdpte-noept"), withoutMemory.notVerifiableIds());
    assertEquals(List.of(), withoutMemory.violatedIds());

    // Memory of zeros: every PDPTE is not present, which is valid.
    EntryCheckHook seeing = EntryCheckHook.of(pae.capabilities(), pae.facts(), (address, bytes) -> OptionalLong.of(0));
    EntryReport withMemory = seeing.report(vmcs(pae, seeing));
    assertEquals(List.of(), withMemory.notVerifiableIds());
    assertEquals(List.of(), withMemory.violatedIds());
    assertEquals(withoutMemory.checked(), withMemory.checked());
  }

  @Test
  void memoryReachesTheChecksThatReadIt() {
    // A present PDPTE with reserved bits 2:1 set fails (SDM Vol. 3C 27.3.1.6; qualification 2, Table 28-1).
    Scenario pae = Baselines.pae()
        .clear(VmcsEncodings.SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS, SecondaryProcessorBasedControl.ENABLE_EPT.mask());
    EntryCheckHook hook = EntryCheckHook.of(pae.capabilities(), pae.facts(), (address, bytes) -> OptionalLong.of(0x7));
    SoftwareVmcs vmcs = vmcs(pae, hook);
    assertEquals(List.of("guest-pdpte-noept"), hook.report(vmcs).violatedIds());
    assertEquals(new EntryOutcome.EntryFailure(33, 2), vmcs.vmlaunch());
  }
}
