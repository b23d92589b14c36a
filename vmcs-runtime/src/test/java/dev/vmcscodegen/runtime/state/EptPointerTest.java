package dev.vmcscodegen.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.runtime.capability.EptVpidCapability;
import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.capability.VmxCapabilityMsr;
import dev.vmcscodegen.runtime.capability.VmxMemoryType;
import dev.vmcscodegen.runtime.fields.VmcsControl64;
import dev.vmcscodegen.runtime.software.SoftwareVmcs;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EptPointerTest {

  private final VmxCapabilities sample = VmxCapabilities.sample();
  private final EptVpidCapability ept = sample.eptVpidCapability().orElseThrow();

  @Test
  void encodesTheSdmLayout() {
    // SDM Vol. 3C 25.6.11: WB = 6 in bits 2:0, walk length 4 - 1 = 3 in bits 5:3 -> 0x1E
    assertEquals(0x1E, EptPointer.writeBack4Level(0).encode());
    // with A/D flags (bit 6): low byte 0x5E, as in KVM's dump "EPT pointer = 0x0000000299e9305e"
    assertEquals(0x2_99E9_305EL, new EptPointer(0x2_99E9_3000L, VmxMemoryType.WRITE_BACK, 4, true, false).encode());
    // UC = 0, 5-level walk -> 4 << 3, supervisor shadow stack bit 7
    assertEquals(0x1000 | 0x20 | 0x80, new EptPointer(0x1000, VmxMemoryType.UNCACHEABLE, 5, false, true).encode());
  }

  @Test
  void constructorReportsEveryStructuralProblem() {
    EptPointerException e = assertThrows(EptPointerException.class,
        () -> new EptPointer(0x1234, VmxMemoryType.WRITE_BACK, 3, false, false));
    assertEquals(2, e.problems().size());
    assertTrue(e.getMessage().contains("not 4-KByte aligned"));
    assertTrue(e.getMessage().contains("page-walk length 3"));
    assertThrows(EptPointerException.class, () -> EptPointer.writeBack4Level(1L << 52));
  }

  @Test
  void problemsAgainstTheCapabilityMsr() {
    assertEquals(List.of(), EptPointer.writeBack4Level(0x1000).problems(ept, 39));
    // the sample reports neither a 5-level walk (bit 7) nor shadow-stack control (bit 23), SDM Vol. 3D A.10
    List<String> problems = new EptPointer(0x1000, VmxMemoryType.WRITE_BACK, 5, true, true).problems(ept, 39);
    assertEquals(2, problems.size());
    assertTrue(problems.get(0).contains("bit 7 (PAGE_WALK_LENGTH_5)"), problems.get(0));
    assertTrue(problems.get(1).contains("bit 23"), problems.get(1));
    assertEquals(1, EptPointer.writeBack4Level(1L << 39).problems(ept, 39).size());
    assertEquals(1, EptPointer.writeBack4Level(0).problems(new EptVpidCapability(0x40), 39).size()); // no WB
  }

  @Test
  void writerWritesTheFieldThenRunsSingleContextInvept() {
    InveptRecorder vmx = new InveptRecorder(SoftwareVmcs.builder().msrs(sample.msrs()).build());
    EptPointer pointer = new EptPointer(0x5000, VmxMemoryType.WRITE_BACK, 4, true, false);
    assertEquals(Optional.of(InveptType.SINGLE_CONTEXT), EptPointerWriter.write(vmx, sample, pointer, 39));
    assertEquals(0x505EL, VmcsControl64.EPT_POINTER.read(vmx));
    assertEquals(1, vmx.invepts.size());
    assertEquals(1, vmx.invepts.get(0)[0]); // SDM Vol. 3C 31.3: type 1 single-context
    assertEquals(0x505EL, vmx.invepts.get(0)[1]);
  }

  @Test
  void writerFallsBackToAllContextAndRefusesWithoutWriting() {
    Map<VmxCapabilityMsr, Long> values = values();
    values.put(VmxCapabilityMsr.IA32_VMX_EPT_VPID_CAP, values.get(VmxCapabilityMsr.IA32_VMX_EPT_VPID_CAP) & ~(1L << 25));
    VmxCapabilities noSingle = VmxCapabilities.of(values);
    InveptRecorder vmx = new InveptRecorder(SoftwareVmcs.builder().msrs(noSingle.msrs()).build());
    assertEquals(Optional.of(InveptType.ALL_CONTEXT), EptPointerWriter.write(vmx, noSingle, EptPointer.writeBack4Level(0x5000), 39));
    assertEquals(2, vmx.invepts.get(0)[0]);

    InveptRecorder other = new InveptRecorder(SoftwareVmcs.builder().msrs(sample.msrs()).build());
    assertThrows(EptPointerException.class,
        () -> EptPointerWriter.write(other, sample, new EptPointer(0x5000, VmxMemoryType.WRITE_BACK, 5, false, false), 39));
    assertEquals(0, VmcsControl64.EPT_POINTER.read(other));
    assertEquals(0, other.invepts.size());
  }

  @Test
  void writerRefusesWhenEptCannotBeEnabled() {
    Map<VmxCapabilityMsr, Long> values = values();
    // VPID only: CTLS2 allowed-1 bit 33 (enable EPT) clear, bit 37 (enable VPID) set, so EPT_VPID_CAP still exists
    values.put(VmxCapabilityMsr.IA32_VMX_PROCBASED_CTLS2, values.get(VmxCapabilityMsr.IA32_VMX_PROCBASED_CTLS2) & ~(1L << 33));
    VmxCapabilities vpidOnly = VmxCapabilities.of(values);
    InveptRecorder vmx = new InveptRecorder(SoftwareVmcs.builder().msrs(vpidOnly.msrs()).build());
    EptPointerException e = assertThrows(EptPointerException.class,
        () -> EptPointerWriter.write(vmx, vpidOnly, EptPointer.writeBack4Level(0x5000), 39));
    assertTrue(e.getMessage().contains("does not support EPT"));
  }

  private Map<VmxCapabilityMsr, Long> values() {
    Map<VmxCapabilityMsr, Long> values = new EnumMap<>(VmxCapabilityMsr.class);
    for (VmxCapabilityMsr msr : VmxCapabilityMsr.values()) {
      sample.value(msr).ifPresent(value -> values.put(msr, value));
    }
    return values;
  }
}
