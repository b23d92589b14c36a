package dev.vmcscodegen.runtime.software;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import dev.vmcscodegen.encoding.HostWidth;
import dev.vmcscodegen.runtime.VmFailValidException;
import dev.vmcscodegen.encoding.VmcsCategory;
import dev.vmcscodegen.runtime.VmcsField;
import dev.vmcscodegen.encoding.VmcsWidth;
import dev.vmcscodegen.runtime.fields.VmcsControl64;
import dev.vmcscodegen.runtime.fields.VmcsFields;
import dev.vmcscodegen.runtime.fields.VmcsGuest16;
import dev.vmcscodegen.runtime.fields.VmcsGuestNW;
import dev.vmcscodegen.runtime.fields.VmcsReadOnly32;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * All 65,536 16-bit encodings against the software VMCS built from the full spec: each is a field of
 * the spec (its full access, or the high access of a 64-bit field) and works, or VMREAD and VMWRITE
 * fail with VMfailValid(12) and record 12 (SDM Vol. 3C 31.3, Table 31-1); nothing else happens.
 */
class EncodingSpaceTest {

  private static final int IA32_VMX_MISC = 0x485;
  private static final int ERROR_FIELD = VmcsReadOnly32.VM_INSTRUCTION_ERROR.encoding();
  private static final long MARKER = 0x0123_4567_89AB_CDEFL;

  /** The field an encoding accesses per the spec and 25.11.2, or empty: computed from the catalog, not the backend. */
  private static Optional<VmcsField> fieldOf(int encoding) {
    Optional<VmcsField> full = VmcsFields.CATALOG.byEncoding(encoding);
    if (full.isPresent() || (encoding & 1) == 0) {
      return full;
    }
    return VmcsFields.CATALOG.byEncoding(encoding - 1).filter(field -> field.width() == VmcsWidth.BITS_64);
  }

  private static long expectedRead(int encoding, VmcsField field, HostWidth host) {
    if ((encoding & 1) == 1) {
      // SDM 25.11.2: a high-access VMWRITE puts bits 31:0 of the source into bits 63:32; VMREAD returns them.
      return MARKER & 0xFFFF_FFFFL;
    }
    int bits = field.width() == VmcsWidth.BITS_64 ? host.bits() : field.width().bits(host);
    return bits == 64 ? MARKER : MARKER & ((1L << bits) - 1);
  }

  private static void sweep(HostWidth host) {
    SoftwareVmcs vmcs = SoftwareVmcs.builder().hostWidth(host).msrs(Map.of(IA32_VMX_MISC, 0L)).build();
    int supported = 0;
    for (int encoding = 0; encoding < 0x1_0000; encoding++) {
      final int e = encoding;
      Supplier<String> at = () -> String.format("0x%04X on %s", e, host);
      Optional<VmcsField> field = fieldOf(encoding);
      if (field.isEmpty()) {
        VmFailValidException read = assertThrows(VmFailValidException.class, () -> vmcs.vmread(e), at);
        assertEquals(12, read.errorNumber(), at);
        assertEquals(12, vmcs.get(ERROR_FIELD), at);
        vmcs.put(ERROR_FIELD, 0);
        VmFailValidException write = assertThrows(VmFailValidException.class, () -> vmcs.vmwrite(e, MARKER), at);
        assertEquals(12, write.errorNumber(), at);
        assertEquals(12, vmcs.get(ERROR_FIELD), at);
        vmcs.put(ERROR_FIELD, 0);
        continue;
      }
      supported++;
      vmcs.vmread(encoding);
      boolean readOnly = field.get().category() == VmcsCategory.READ_ONLY;
      if (readOnly) {
        VmFailValidException write = assertThrows(VmFailValidException.class, () -> vmcs.vmwrite(e, MARKER), at);
        // SDM Table 31-1: 13 = VMWRITE to read-only VMCS component.
        assertEquals(13, write.errorNumber(), at);
        assertEquals(13, vmcs.get(ERROR_FIELD), at);
        vmcs.put(ERROR_FIELD, 0);
      } else {
        if (encoding != ERROR_FIELD) {
          vmcs.put(field.get().encoding(), 0);
        }
        vmcs.vmwrite(encoding, MARKER);
        assertEquals(expectedRead(encoding, field.get(), host), vmcs.vmread(encoding), at);
        vmcs.put(ERROR_FIELD, 0);
      }
      assertEquals(0, vmcs.get(ERROR_FIELD), at);
    }
    long sixtyFour = VmcsFields.CATALOG.fields().stream().filter(f -> f.width() == VmcsWidth.BITS_64).count();
    assertEquals(VmcsFields.CATALOG.size() + sixtyFour, supported);
  }

  @Test
  void every16BitEncodingOn64BitHost() {
    sweep(HostWidth.BITS_64);
  }

  @Test
  void every16BitEncodingOn32BitHost() {
    sweep(HostWidth.BITS_32);
  }

  @Test
  void everyFieldWithVmwriteToAnyField() {
    // SDM Vol. 3D A.6: IA32_VMX_MISC bit 29 lets VMWRITE write read-only fields, and only that changes.
    SoftwareVmcs vmcs = SoftwareVmcs.builder().msrs(Map.of(IA32_VMX_MISC, 1L << 29)).build();
    for (VmcsField field : VmcsFields.CATALOG.fields()) {
      vmcs.vmwrite(field.encoding(), MARKER);
      assertEquals(expectedRead(field.encoding(), field, HostWidth.BITS_64), vmcs.vmread(field.encoding()),
          field.qualifiedName());
      if (field.width() == VmcsWidth.BITS_64) {
        vmcs.vmwrite(field.encoding() + 1, 0x1357_9BDFL);
        assertEquals(0x1357_9BDFL, vmcs.vmread(field.encoding() + 1), field.qualifiedName());
      }
    }
    assertEquals(MARKER & 0xFFFF_FFFFL, vmcs.vmread(ERROR_FIELD), "no failure recorded; the last write stays");
  }

  @Test
  void encodingsWithBits31To16SetAreUnsupported() {
    SoftwareVmcs vmcs = SoftwareVmcs.create();
    Random random = new Random(0x5EED_0020L);
    for (int i = 0; i < 2_000; i++) {
      // SDM 25.11.2, Table 25-21: bits 31:16 are reserved; take a field's encoding and set some of them.
      VmcsField field = VmcsFields.CATALOG.fields().get(random.nextInt(VmcsFields.CATALOG.size()));
      int encoding = field.encoding() | ((random.nextInt(0xFFFF) + 1) << 16);
      assertEquals(12, assertThrows(VmFailValidException.class, () -> vmcs.vmread(encoding)).errorNumber());
      assertEquals(12, assertThrows(VmFailValidException.class, () -> vmcs.vmwrite(encoding, 0)).errorNumber());
    }
  }

  @Test
  void processorWithoutAFeatureFails12ForItsFields() {
    // A processor without TSC scaling and PML: no TSC multiplier (0x2032) nor PML index (0x0812).
    SoftwareVmcs vmcs = SoftwareVmcs.builder()
        .without(VmcsControl64.TSC_MULTIPLIER, VmcsGuest16.PML_INDEX).build();
    for (int encoding : new int[] {0x2032, 0x2033, 0x0812}) {
      assertEquals(12, assertThrows(VmFailValidException.class, () -> vmcs.vmread(encoding)).errorNumber());
      assertEquals(12, assertThrows(VmFailValidException.class, () -> vmcs.vmwrite(encoding, 0)).errorNumber());
    }
    VmFailValidException typed = assertThrows(VmFailValidException.class,
        () -> VmcsControl64.TSC_MULTIPLIER.read(vmcs));
    assertEquals(12, typed.errorNumber());
    assertEquals(12, VmcsReadOnly32.VM_INSTRUCTION_ERROR.read(vmcs));
    // The rest of the processor works.
    VmcsGuestNW.RIP.write(vmcs, 0xFFF0);
    assertEquals(0xFFF0, VmcsGuestNW.RIP.read(vmcs));
    VmcsControl64.TSC_OFFSET.write(vmcs, -1L);
    assertEquals(-1L, VmcsControl64.TSC_OFFSET.read(vmcs));
    assertEquals(VmcsFields.CATALOG.size() - 2, vmcs.supportedFields().size());
  }
}
