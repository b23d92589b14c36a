package dev.vmcscodegen.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.capability.VmxCapabilityMsr;
import dev.vmcscodegen.runtime.fields.VmcsControl32;
import dev.vmcscodegen.runtime.fields.VmcsGuest64;
import dev.vmcscodegen.runtime.software.SoftwareVmcs;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LongModeTest {

  // SDM Vol. 3A 2.2.1: IA32_EFER bit 8 LME, bit 10 LMA; Vol. 3A 2.5: CR0 bit 31 PG, bit 0 PE
  private static final long LME = 0x100;
  private static final long LMA = 0x400;
  private static final long SCE = 0x1;
  private static final long CR0_PG_PE = 0x8000_0001L;
  private static final long CR0_PE = 0x1;
  // SDM Vol. 3C 25.8.1: "IA-32e mode guest" is VM-entry control bit 9
  private static final long IA32E_MODE_GUEST = 0x200;

  private final VmxCapabilities sample = VmxCapabilities.sample();

  @Test
  void pagingOnWithLmeActivatesLongModeAndTheEntryControl() {
    SoftwareVmcs vmx = SoftwareVmcs.builder().msrs(sample.msrs()).build();
    VmcsGuest64.IA32_EFER.write(vmx, LME | SCE);
    LongModeUpdate update = LongMode.onGuestPagingChange(vmx, sample, CR0_PG_PE);
    assertEquals(LongModeUpdate.Action.ACTIVATED, update.action());
    assertEquals(LME | LMA | SCE, VmcsGuest64.IA32_EFER.read(vmx));
    // Algorithm 3 with IA32_VMX_TRUE_ENTRY_CTLS allowed-0 0x11FB (bit 55 set) plus bit 9
    assertEquals(0x11FB | IA32E_MODE_GUEST, Integer.toUnsignedLong(VmcsControl32.VM_ENTRY_CONTROLS.read(vmx)));
    assertEquals(0x11FB | IA32E_MODE_GUEST, update.entryControlsAfter());
  }

  @Test
  void pagingOffWithLmeDeactivatesLongModeAndTheEntryControl() {
    SoftwareVmcs vmx = SoftwareVmcs.builder().msrs(sample.msrs()).build();
    VmcsGuest64.IA32_EFER.write(vmx, LME | LMA);
    VmcsControl32.VM_ENTRY_CONTROLS.write(vmx, (int) (0x11FB | IA32E_MODE_GUEST));
    LongModeUpdate update = LongMode.onGuestPagingChange(vmx, sample, CR0_PE);
    assertEquals(LongModeUpdate.Action.DEACTIVATED, update.action());
    assertEquals(LME, VmcsGuest64.IA32_EFER.read(vmx));
    assertEquals(0x11FB, VmcsControl32.VM_ENTRY_CONTROLS.read(vmx));
  }

  @Test
  void nothingHappensWithoutLme() {
    SoftwareVmcs vmx = SoftwareVmcs.builder().msrs(sample.msrs()).build();
    VmcsGuest64.IA32_EFER.write(vmx, SCE);
    VmcsControl32.VM_ENTRY_CONTROLS.write(vmx, 0x11FB);
    LongModeUpdate update = LongMode.onGuestPagingChange(vmx, sample, CR0_PG_PE);
    assertEquals(LongModeUpdate.Action.NONE, update.action());
    assertEquals(SCE, VmcsGuest64.IA32_EFER.read(vmx));
    assertEquals(0x11FB, VmcsControl32.VM_ENTRY_CONTROLS.read(vmx));
  }

  @Test
  void withoutTrueControlsThePlainEntryMsrDecides() {
    Map<VmxCapabilityMsr, Long> values = new EnumMap<>(VmxCapabilityMsr.class);
    for (VmxCapabilityMsr msr : VmxCapabilityMsr.values()) {
      sample.value(msr).ifPresent(value -> values.put(msr, value));
    }
    values.put(VmxCapabilityMsr.IA32_VMX_BASIC, values.get(VmxCapabilityMsr.IA32_VMX_BASIC) & ~(1L << 55));
    values.keySet().removeIf(msr -> msr.condition().orElse(null) == VmxCapabilityMsr.IA32_VMX_BASIC);
    VmxCapabilities plain = VmxCapabilities.of(values);
    SoftwareVmcs vmx = SoftwareVmcs.builder().msrs(plain.msrs()).build();
    VmcsGuest64.IA32_EFER.write(vmx, LME);
    LongMode.onGuestPagingChange(vmx, plain, CR0_PG_PE);
    // IA32_VMX_ENTRY_CTLS allowed-0 0x11FF: "load debug controls" (bit 2) is default1 (SDM Vol. 3D A.5)
    assertEquals(0x11FF | IA32E_MODE_GUEST, Integer.toUnsignedLong(VmcsControl32.VM_ENTRY_CONTROLS.read(vmx)));
  }
}
