package dev.vmcscodegen.runtime.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.runtime.capability.TestProfiles;
import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.control.ControlBit;
import dev.vmcscodegen.runtime.control.ControlDependency;
import dev.vmcscodegen.runtime.control.ControlKind;
import dev.vmcscodegen.runtime.control.PrimaryProcessorBasedControl;
import dev.vmcscodegen.runtime.control.PrimaryVmExitControl;
import dev.vmcscodegen.runtime.control.SecondaryProcessorBasedControl;
import dev.vmcscodegen.runtime.control.TertiaryProcessorBasedControl;
import dev.vmcscodegen.runtime.entry.EntryCapabilities;
import dev.vmcscodegen.runtime.entry.EntryChecker;
import dev.vmcscodegen.runtime.entry.ProcessorFacts;
import dev.vmcscodegen.runtime.image.VmcsImage;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each rule between controls, broken on purpose: the VM-entry checker must object, where the SDM makes it a VM-entry check. */
class ControlDependencyEntryCheckTest {

  private static final VmxCapabilities KVM = TestProfiles.get(TestProfiles.KVM_DUMP);

  @Test
  void holdsIsTheRuleTruthTable() {
    ControlDependency requires = ControlDependency.VIRTUAL_NMIS_NEED_NMI_EXITING;
    assertTrue(requires.holds(false, false));
    assertTrue(requires.holds(true, true));
    assertFalse(requires.holds(true, false));
    ControlDependency excludes = ControlDependency.VIRTUALIZE_X2APIC_MODE_EXCLUDES_APIC_ACCESSES;
    assertTrue(excludes.holds(true, false));
    assertFalse(excludes.holds(true, true));
    assertEquals("\"virtual NMIs\" requires \"NMI exiting\" (SDM Vol. 3C, 27.2.1.1)", requires.describe());
  }

  @Test
  void everyVmEntryRuleBrokenIsAViolation() {
    for (ControlDependency rule : ControlDependency.values()) {
      boolean entryCheck = rule.sdmReference().contains("27.2.");
      Map<ControlKind, Long> values = new EnumMap<>(ControlKind.class);
      for (ControlKind kind : ControlKind.values()) {
        values.put(kind, KVM.controlCapability(kind).map(capability -> capability.allowed().fixedOne()).orElse(0L));
      }
      if (rule.other() != PrimaryVmExitControl.HOST_ADDRESS_SPACE_SIZE) {
        set(values, PrimaryVmExitControl.HOST_ADDRESS_SPACE_SIZE);
      }
      // Make both sides' fields apply (SDM Vol. 3C 25.6.2, 25.7.1), then break the rule.
      set(values, PrimaryProcessorBasedControl.ACTIVATE_SECONDARY_CONTROLS);
      set(values, PrimaryProcessorBasedControl.ACTIVATE_TERTIARY_CONTROLS);
      set(values, rule.subject());
      if (rule.relation() == ControlDependency.Relation.EXCLUDES) {
        set(values, rule.other());
      }
      Map<Integer, Long> fields = new HashMap<>();
      values.forEach((kind, value) -> fields.put(kind.encoding(), value));
      var report = EntryChecker.standard().check(VmcsImage.of(fields), EntryCapabilities.of(KVM), ProcessorFacts.defaults());
      boolean controlViolation = report.violations().stream()
          .anyMatch(v -> v.check().id().startsWith("ctl-") || v.check().id().startsWith("host-addr-space"));
      assertEquals(entryCheck, controlViolation, rule + ": " + report.violatedIds());
    }
  }

  private static void set(Map<ControlKind, Long> values, ControlBit bit) {
    values.merge(bit.kind(), bit.mask(), (a, b) -> a | b);
  }

  @Test
  void activationGatesAreTheSdmOnes() {
    // SDM Vol. 3C 25.6.2: secondary controls by primary bit 31, tertiary by bit 17; 25.7.1: secondary
    // VM-exit controls by primary VM-exit bit 31.
    assertEquals(PrimaryProcessorBasedControl.ACTIVATE_SECONDARY_CONTROLS,
        ControlKind.SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS.activatedBy().orElseThrow());
    assertEquals(17, ControlKind.TERTIARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS.activatedBy().orElseThrow().bit());
    assertEquals(31, ControlKind.SECONDARY_VM_EXIT_CONTROLS.activatedBy().orElseThrow().bit());
    assertEquals(ControlKind.PRIMARY_VM_EXIT_CONTROLS, ControlKind.SECONDARY_VM_EXIT_CONTROLS.activatedBy().orElseThrow().kind());
    assertTrue(ControlKind.PIN_BASED_VM_EXECUTION_CONTROLS.activatedBy().isEmpty());
    assertTrue(SecondaryProcessorBasedControl.ENABLE_EPT.kind().activatedBy().isPresent());
    assertTrue(TertiaryProcessorBasedControl.IPI_VIRTUALIZATION.kind().activatedBy().isPresent());
  }
}
