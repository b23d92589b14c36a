package dev.vmcscodegen.runtime.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.runtime.EntryOutcome;
import dev.vmcscodegen.runtime.capability.VmxCapabilityMsr;
import dev.vmcscodegen.runtime.control.SecondaryProcessorBasedControl;
import dev.vmcscodegen.runtime.fields.VmcsEncodings;
import dev.vmcscodegen.runtime.image.VmcsImage;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Reports: missing inputs, ordering, outcomes and the diagnosis text. */
class EntryReportTest {

  @Test
  void absentFieldMakesItsChecksNotVerifiableNotViolated() {
    EntryReport report = Baselines.longMode().remove(VmcsEncodings.GUEST_RIP).check();
    assertTrue(report.enters());
    // A 64-bit guest (IA-32e mode, CS.L) needs RIP only for the canonical check (27.3.1.4).
    assertEquals(List.of("guest-rip-canonical"), report.notVerifiableIds());
    assertTrue(report.notVerifiable().get(0).missing().contains("VmcsGuestNW.RIP"));
  }

  @Test
  void gatedCheckWithItsGateOffNeedsNoField() {
    // "use I/O bitmaps" is 0 in the baseline: the bitmap addresses are never read (27.2.1.1).
    EntryReport report = Baselines.longMode().remove(VmcsEncodings.IO_BITMAP_A_ADDRESS).check();
    assertEquals(List.of(), report.notVerifiableIds());
  }

  @Test
  void memoryChecksWithoutMemoryAreNotVerifiable() {
    EntryReport report = Baselines.pae()
        .clear(VmcsEncodings.SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS, SecondaryProcessorBasedControl.ENABLE_EPT.mask()).check();
    assertEquals(List.of("guest-pdpte-noept"), report.notVerifiableIds());
    assertTrue(report.enters());
  }

  @Test
  void everyViolationIsListedInCheckOrderWithItsOwnOutcome() {
    EntryReport report = Baselines.longMode().set(VmcsEncodings.GUEST_RFLAGS, 0)
        .set(VmcsEncodings.HOST_TR_SELECTOR, 0).set(VmcsEncodings.VIRTUAL_PROCESSOR_ID, 0).check();
    assertEquals(List.of("ctl-vpid-nonzero", "host-tr-nonzero", "guest-rflags-bit1"), report.violatedIds());
    assertEquals(List.of("error-7", "error-8", "exit-33"),
        report.violations().stream().map(v -> v.outcome().code()).toList());
    assertEquals(EntryOutcome.ERROR_7, report.outcome().orElseThrow());
  }

  @Test
  void guestOutcomeCarriesTheQualificationOfItsCheck() {
    EntryReport report = Baselines.pae().or(VmcsEncodings.GUEST_PDPTE0, 1L << 5).check();
    // SDM Vol. 3C 27.8 / Table 28-1: qualification 2 = PDPTE loading.
    assertEquals(EntryOutcome.invalidGuestState(2), report.outcome().orElseThrow());
    assertEquals(0x8000_0021, ((EntryOutcome.EntryFailure) report.outcome().orElseThrow()).exitReasonField());
  }

  @Test
  void violationNamesFieldsAndValuesSeen() {
    EntryReport report = Baselines.longMode().set(VmcsEncodings.VIRTUAL_PROCESSOR_ID, 0).check();
    Violation violation = report.violations().get(0);
    FieldValue vpid = violation.fields().get(violation.fields().size() - 1);
    assertEquals(new FieldValue(0x0000, "VmcsControl16.VIRTUAL_PROCESSOR_ID", OptionalLong.of(0)), vpid);
    String text = report.diagnosis();
    assertTrue(text.contains("ctl-vpid-nonzero (SDM Vol. 3C 27.2.1.1)"), text);
    assertTrue(text.contains("VmcsControl16.VIRTUAL_PROCESSOR_ID (0x0000) = 0x0"), text);
    assertTrue(text.contains("Fix: Give the guest a VPID of 1 or more"), text);
    assertTrue(text.contains("VMfailValid(7)"), text);
  }

  @Test
  void enteringReportSaysSo() {
    String text = Baselines.realMode().check().diagnosis();
    assertTrue(text.startsWith("VM entry would succeed"), text);
  }

  @Test
  void capabilitiesWithoutTrueControlsUseTheOriginalMsrs() {
    Scenario s = Baselines.longMode().msr(VmxCapabilityMsr.IA32_VMX_BASIC, Baselines.BASIC & ~(1L << 55));
    // IA32_VMX_PROCBASED_CTLS (482H) makes CR3-load/store exiting (bits 15, 16) default-1 (SDM Vol. 3D
    // A.3.2), IA32_VMX_EXIT_CTLS (483H) "save debug controls" (bit 2, A.4.1).
    assertEquals(List.of("ctl-proc-allowed0", "ctl-exit-allowed0"), s.check().violatedIds());
    assertTrue(s.or(VmcsEncodings.PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS, 0x1_8000)
        .or(VmcsEncodings.PRIMARY_VM_EXIT_CONTROLS, 1L << 2).check().enters());
  }

  @Test
  void unknownCapabilitiesMakeChecksUndecidedNeverViolated() {
    // Only IA32_VMX_BASIC known: every check comparing with another capability MSR is not verifiable.
    EntryCapabilities onlyBasic = new EntryCapabilities(Map.of(VmxCapabilityMsr.IA32_VMX_BASIC.address(),
        Baselines.BASIC));
    for (EntryCapabilities capabilities : List.of(onlyBasic, EntryCapabilities.unknown())) {
      EntryReport report = EntryChecker.standard().check(Baselines.longMode().image(), capabilities,
          ProcessorFacts.defaults());
      assertEquals(List.of(), report.violatedIds());
      assertEquals(Verdict.UNDECIDED, report.verdict());
      assertTrue(report.notVerifiableIds().contains("ctl-pin-allowed0"), report.notVerifiableIds().toString());
      if (capabilities.msrs().isEmpty()) {
        // no profile at all: one missing input for it, not one per MSR a profile would hold
        assertTrue(report.missingInputs().contains(EntryCapabilities.NO_PROFILE), report.missingInputs().toString());
        assertTrue(report.missingInputs().stream().noneMatch(m -> m.startsWith("capability MSR")),
            report.missingInputs().toString());
      } else {
        assertTrue(report.missingInputs().stream().anyMatch(m -> m.contains("IA32_VMX_PINBASED_CTLS (0x481)")
            || m.contains("IA32_VMX_TRUE_PINBASED_CTLS (0x48D)")), report.missingInputs().toString());
      }
    }
    // With the whole profile the same image is decided by every check that needs only a capability.
    EntryReport full = EntryChecker.standard().check(Baselines.longMode().image(), Baselines.capabilities(),
        ProcessorFacts.defaults());
    assertFalse(full.notVerifiableIds().contains("ctl-pin-allowed0"));
  }

  @Test
  void imageKeepsAbsentApartFromZeroAndRejectsValuesTooWide() {
    VmcsImage image = VmcsImage.empty().with(VmcsEncodings.GUEST_RIP, 0);
    assertTrue(image.value(VmcsEncodings.GUEST_RIP).isPresent());
    assertFalse(image.value(VmcsEncodings.GUEST_RSP).isPresent());
    // 16-bit field (encoding bits 14:13 = 0, SDM Vol. 3C Table 25-21).
    assertThrows(IllegalArgumentException.class, () -> image.with(VmcsEncodings.GUEST_CS_SELECTOR, 0x1_0000));
    assertThrows(IllegalArgumentException.class, () -> image.with(VmcsEncodings.GUEST_RIP + 1, 0));
  }
}
