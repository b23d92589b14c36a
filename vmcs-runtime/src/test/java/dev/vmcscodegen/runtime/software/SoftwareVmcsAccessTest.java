package dev.vmcscodegen.runtime.software;

import static dev.vmcscodegen.runtime.FakeField.CONTROL_TSC_OFFSET;
import static dev.vmcscodegen.runtime.FakeField.EXIT_QUALIFICATION;
import static dev.vmcscodegen.runtime.FakeField.GUEST_ES_LIMIT;
import static dev.vmcscodegen.runtime.FakeField.GUEST_ES_SELECTOR;
import static dev.vmcscodegen.runtime.FakeField.GUEST_RIP;
import static dev.vmcscodegen.runtime.FakeField.GUEST_VMCS_LINK_POINTER;
import static dev.vmcscodegen.runtime.FakeField.VM_INSTRUCTION_ERROR;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vmcscodegen.runtime.FakeField;
import dev.vmcscodegen.encoding.HostWidth;
import dev.vmcscodegen.runtime.VmcsAccess;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** How VMREAD and VMWRITE move values, SDM Vol. 3C 25.11.2 and 31.3 (VMREAD, VMWRITE descriptions). */
class SoftwareVmcsAccessTest {

  private static SoftwareVmcs vmcs(HostWidth host) {
    return SoftwareVmcs.builder().catalog(FakeField.catalog()).hostWidth(host).build();
  }

  @Test
  void freshVmcsFieldsReadZero() {
    SoftwareVmcs vmcs = vmcs(HostWidth.BITS_64);
    for (FakeField field : FakeField.ALL) {
      assertEquals(0, vmcs.vmread(field.encoding()), field.qualifiedName());
    }
  }

  @Test
  void writeKeepsOnlyTheBitsOfTheField64BitHost() {
    SoftwareVmcs vmcs = vmcs(HostWidth.BITS_64);
    // SDM 25.11.2: a VMWRITE to a 16-bit field writes bits 15:0 of the source; other bits are not used.
    vmcs.vmwrite(GUEST_ES_SELECTOR.encoding(), 0x1234_5678_9ABC_DEF0L);
    assertEquals(0xDEF0L, vmcs.vmread(GUEST_ES_SELECTOR.encoding()));
    // SDM 25.11.2: a 32-bit field takes bits 31:0; in 64-bit mode bits 63:32 of the source are not used.
    vmcs.vmwrite(GUEST_ES_LIMIT.encoding(), 0x1234_5678_9ABC_DEF0L);
    assertEquals(0x9ABC_DEF0L, vmcs.vmread(GUEST_ES_LIMIT.encoding()));
    // 64-bit and natural-width fields in 64-bit mode: all 64 bits.
    vmcs.vmwrite(GUEST_RIP.encoding(), 0xFFFF_8000_0000_1000L);
    assertEquals(0xFFFF_8000_0000_1000L, vmcs.vmread(GUEST_RIP.encoding()));
    vmcs.vmwrite(CONTROL_TSC_OFFSET.encoding(), -2L);
    assertEquals(-2L, vmcs.vmread(CONTROL_TSC_OFFSET.encoding()));
  }

  @Test
  void highAccessMovesBits63To32Only() {
    SoftwareVmcs vmcs = vmcs(HostWidth.BITS_64);
    int full = GUEST_VMCS_LINK_POINTER.encoding();
    vmcs.vmwrite(full, 0x1111_2222_3333_4444L);
    // SDM 25.11.2: with access type 1 a VMREAD returns the high 32 bits of the 64-bit field.
    assertEquals(0x1111_2222L, vmcs.vmread(full + 1));
    // ...and a VMWRITE writes the high 32 bits, leaving bits 31:0 unchanged; source bits 63:32 are not used.
    vmcs.vmwrite(full + 1, 0xFFFF_FFFF_AAAA_BBBBL);
    assertEquals(0xAAAA_BBBB_3333_4444L, vmcs.vmread(full));
    assertEquals(0xAAAA_BBBBL, vmcs.vmread(full + 1));
  }

  @Test
  void thirtyTwoBitHostMovesThirtyTwoBits() {
    SoftwareVmcs vmcs = vmcs(HostWidth.BITS_32);
    // Natural-width fields hold the 32 bits a 32-bit host writes (SDM 25.11.2; VMWRITE: the source is 32 bits).
    vmcs.vmwrite(GUEST_RIP.encoding(), 0x1234_5678_9ABC_DEF0L);
    assertEquals(0x9ABC_DEF0L, vmcs.vmread(GUEST_RIP.encoding()));
    assertEquals(0x9ABC_DEF0L, vmcs.get(GUEST_RIP.encoding()));
    int full = GUEST_VMCS_LINK_POINTER.encoding();
    vmcs.put(full, 0x1111_2222_3333_4444L);
    // SDM 31.3 VMREAD: outside IA-32e mode the destination is 32 bits; the high bits of a longer field are not read.
    assertEquals(0x3333_4444L, vmcs.vmread(full));
    assertEquals(0x1111_2222L, vmcs.vmread(full + 1));
  }

  @Test
  void thirtyTwoBitHostFullWriteClearsHighHalf() {
    SoftwareVmcs vmcs = vmcs(HostWidth.BITS_32);
    int full = GUEST_VMCS_LINK_POINTER.encoding();
    vmcs.put(full, 0xFFFF_FFFF_FFFF_FFFFL);
    // SDM 31.3 VMWRITE: "If the VMCS field is longer, then the high bits of the field are cleared to 0."
    vmcs.vmwrite(full, 0x5555_6666L);
    assertEquals(0x0000_0000_5555_6666L, vmcs.get(full));
    assertEquals(0L, vmcs.vmread(full + 1));
    // The high access afterwards sets bits 63:32 and keeps bits 31:0 (SDM 25.11.2).
    vmcs.vmwrite(full + 1, 0x7777_8888L);
    assertEquals(0x7777_8888_5555_6666L, vmcs.get(full));
  }

  @Test
  void thirtyTwoBitHostTwoAccessesRoundTripEvery64BitValue() {
    SoftwareVmcs vmcs = vmcs(HostWidth.BITS_32);
    Random random = new Random(0x5EED_0001L);
    for (int i = 0; i < 2_000; i++) {
      long value = random.nextLong();
      VmcsAccess.write64(vmcs, CONTROL_TSC_OFFSET.encoding(), value);
      assertEquals(value, vmcs.get(CONTROL_TSC_OFFSET.encoding()));
      assertEquals(value, VmcsAccess.read64(vmcs, CONTROL_TSC_OFFSET.encoding()));
      assertEquals((int) (value >>> 32), VmcsAccess.readHigh(vmcs, CONTROL_TSC_OFFSET.encoding()));
    }
  }

  @Test
  void randomValuesRoundTripOn64BitHost() {
    SoftwareVmcs vmcs = vmcs(HostWidth.BITS_64);
    Random random = new Random(0x5EED_0002L);
    for (int i = 0; i < 2_000; i++) {
      long value = random.nextLong();
      vmcs.vmwrite(GUEST_RIP.encoding(), value);
      vmcs.vmwrite(GUEST_ES_LIMIT.encoding(), value);
      vmcs.vmwrite(GUEST_ES_SELECTOR.encoding(), value);
      assertEquals(value, vmcs.vmread(GUEST_RIP.encoding()));
      assertEquals(value & 0xFFFF_FFFFL, vmcs.vmread(GUEST_ES_LIMIT.encoding()));
      assertEquals(value & 0xFFFFL, vmcs.vmread(GUEST_ES_SELECTOR.encoding()));
    }
  }

  @Test
  void successfulInstructionsLeaveTheErrorFieldAlone() {
    SoftwareVmcs vmcs = vmcs(HostWidth.BITS_64);
    vmcs.put(VM_INSTRUCTION_ERROR.encoding(), 12);
    vmcs.vmwrite(GUEST_RIP.encoding(), 1);
    vmcs.vmread(GUEST_RIP.encoding());
    vmcs.vmread(EXIT_QUALIFICATION.encoding());
    // SDM 31.2: VMsucceed clears the flags and changes no VMCS field.
    assertEquals(12, vmcs.vmread(VM_INSTRUCTION_ERROR.encoding()));
  }
}
