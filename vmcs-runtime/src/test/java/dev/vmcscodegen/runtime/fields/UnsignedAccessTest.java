package dev.vmcscodegen.runtime.fields;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.runtime.VmcsValueOutOfRangeException;
import dev.vmcscodegen.runtime.software.SoftwareVmcs;
import java.util.Arrays;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code readUnsigned}/{@code writeUnsigned} of the generated 16- and 32-bit enums: the field's bits
 * zero-extended in the next wider type, and writes range-checked, so hex constants compare and write
 * without casts.
 */
class UnsignedAccessTest {

  private final SoftwareVmcs vmcs = SoftwareVmcs.create();

  @Nested
  class SixteenBit {
    @Test
    void highBitSetReadsPositive() {
      // SDM Vol. 3D B.1.2: guest CS selector, 16 bits at 0x0802
      VmcsGuest16.CS_SELECTOR.write(vmcs, (short) 0xBEEF);
      assertEquals(0xBEEF, VmcsGuest16.CS_SELECTOR.readUnsigned(vmcs));
      assertEquals((short) 0xBEEF, VmcsGuest16.CS_SELECTOR.read(vmcs));
      assertEquals(0xBEEFL, vmcs.vmread(0x0802));
    }

    @Test
    void writesTheWholeRangeWithoutCasts() {
      VmcsGuest16.CS_SELECTOR.writeUnsigned(vmcs, 0x8001);
      assertTrue(VmcsGuest16.CS_SELECTOR.readUnsigned(vmcs) == 0x8001);
      VmcsGuest16.CS_SELECTOR.writeUnsigned(vmcs, 0xFFFF);
      assertEquals(0xFFFFL, vmcs.vmread(0x0802));
      VmcsGuest16.CS_SELECTOR.writeUnsigned(vmcs, 0);
      assertEquals(0L, vmcs.vmread(0x0802));
    }

    @Test
    void outOfRangeWritesNothing() {
      VmcsGuest16.CS_SELECTOR.writeUnsigned(vmcs, 0x1234);
      VmcsValueOutOfRangeException tooWide = assertThrows(VmcsValueOutOfRangeException.class,
          () -> VmcsGuest16.CS_SELECTOR.writeUnsigned(vmcs, 0x1_0000));
      assertEquals(16, tooWide.bits());
      assertEquals(0x0802, tooWide.encoding());
      assertEquals(0x1_0000L, tooWide.value());
      assertTrue(tooWide.getMessage().contains("CS_SELECTOR"), tooWide.getMessage());
      assertThrows(VmcsValueOutOfRangeException.class, () -> VmcsGuest16.CS_SELECTOR.writeUnsigned(vmcs, -1));
      assertEquals(0x1234L, vmcs.vmread(0x0802));
    }
  }

  @Nested
  class ThirtyTwoBit {
    @Test
    void highBitSetReadsPositive() {
      // SDM Vol. 3D B.3.3: guest ES limit, 32 bits at 0x4800
      VmcsGuest32.ES_LIMIT.write(vmcs, 0xFFFF_FFFF);
      assertEquals(0xFFFF_FFFFL, VmcsGuest32.ES_LIMIT.readUnsigned(vmcs));
      assertEquals(-1, VmcsGuest32.ES_LIMIT.read(vmcs));
    }

    @Test
    void writesTheWholeRangeAndRejectsTheRest() {
      VmcsGuest32.ES_LIMIT.writeUnsigned(vmcs, 0x8000_0001L);
      assertEquals(0x8000_0001L, vmcs.vmread(0x4800));
      VmcsValueOutOfRangeException tooWide = assertThrows(VmcsValueOutOfRangeException.class,
          () -> VmcsGuest32.ES_LIMIT.writeUnsigned(vmcs, 0x1_0000_0000L));
      assertEquals(32, tooWide.bits());
      assertThrows(VmcsValueOutOfRangeException.class, () -> VmcsGuest32.ES_LIMIT.writeUnsigned(vmcs, -1L));
      assertEquals(0x8000_0001L, vmcs.vmread(0x4800));
    }

    @Test
    void readOnlyFieldsReadUnsignedButHaveNoUnsignedWrite() {
      // SDM Vol. 3D B.3.2: exit reason, read-only 32 bits at 0x4402; bit 31 is "VM-entry failure"
      vmcs.put(0x4402, 0x8000_0021L);
      assertEquals(0x8000_0021L, VmcsReadOnly32.EXIT_REASON.readUnsigned(vmcs));
      assertTrue(Arrays.stream(VmcsReadOnly32.class.getMethods()).noneMatch(m -> m.getName().startsWith("write")));
    }
  }

  @Test
  void sixtyFourBitAndNaturalWidthFieldsHaveNoUnsignedVariant() {
    // their long already holds every bit; there is no wider primitive
    assertTrue(Arrays.stream(VmcsGuest64.class.getMethods()).noneMatch(m -> m.getName().endsWith("Unsigned")));
    assertTrue(Arrays.stream(VmcsGuestNW.class.getMethods()).noneMatch(m -> m.getName().endsWith("Unsigned")));
  }
}
