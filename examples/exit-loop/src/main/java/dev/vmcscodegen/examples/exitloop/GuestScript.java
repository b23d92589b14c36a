package dev.vmcscodegen.examples.exitloop;

import dev.vmcscodegen.runtime.exit.ExitReason;
import dev.vmcscodegen.runtime.exit.GeneralPurposeRegister;
import java.util.List;
import java.util.Map;

/**
 * The scripted guest: six VM exits a small 32-bit guest kernel would cause while it starts, each value
 * taken from the SDM's formats (SDM Vol. 3C 28.2.1 for qualifications, 25.9.3 for IDT-vectoring
 * information) rather than from a running processor.
 */
public final class GuestScript {

  /** Where the guest starts executing. */
  public static final long ENTRY_RIP = 0x0010_0000L;
  /** The guest's initial stack pointer. */
  public static final long STACK_POINTER = 0x0009_F000L;
  /** The hypervisor CPUID leaf the guest asks for (0x40000000, the range reserved for hypervisors). */
  public static final long HYPERVISOR_CPUID_LEAF = 0x4000_0000L;
  /** The CR0 the guest loads to enable paging: PG (31), NE (5), ET (4), PE (0) (SDM Vol. 3A 2.5). */
  public static final long CR0_WITH_PAGING = 0x8000_0031L;

  private GuestScript() {}

  /** The exits in the order the guest causes them. */
  public static List<ScriptedExit> exits() {
    return List.of(
        // 1. OUT DX, AL (EE, 1 byte) with DX = 0x3F8, AL = 'H': I/O qualification bits 2:0 = 0
        //    (1 byte), bit 3 = 0 (OUT), bit 6 = 0 (port in DX), bits 31:16 = 0x3F8.
        ScriptedExit.instruction(ExitReason.IO_INSTRUCTION, 0x03F8_0000L, 1,
            Map.of(GeneralPurposeRegister.RAX, (long) 'H', GeneralPurposeRegister.RDX, 0x3F8L)),
        // 2. CPUID (0F A2, 2 bytes) with EAX = 0x40000000; CPUID always exits (SDM Vol. 3C 26.1.2).
        ScriptedExit.instruction(ExitReason.CPUID, 0, 2,
            Map.of(GeneralPurposeRegister.RAX, HYPERVISOR_CPUID_LEAF, GeneralPurposeRegister.RCX, 0L)),
        // 3. MOV CR0, RAX (0F 22 C0, 3 bytes): bits 3:0 = 0 (CR0), bits 5:4 = 0 (MOV to CR),
        //    bits 11:8 = 0 (RAX); it exits because CR0.PG is owned by the host (guest/host mask).
        ScriptedExit.instruction(ExitReason.CONTROL_REGISTER_ACCESSES, 0x0L, 3,
            Map.of(GeneralPurposeRegister.RAX, CR0_WITH_PAGING)),
        // 4. A data read of guest-physical page 0x201000 that EPT does not map: qualification bit 0
        //    (read), bits 3:5 = 0 (not present), bit 7 (linear address valid), bit 8 (translation).
        new ScriptedExit(ExitReason.EPT_VIOLATION, 0x181L, 0, 0x0020_1008L, 0x0020_1008L, 0, 0, Map.of()),
        // 5. HLT (F4, 1 byte).
        ScriptedExit.instruction(ExitReason.HLT, 0, 1, Map.of()),
        // 6. While delivering a #PF (vector 14, hardware exception, error code 0x2: a write to a
        //    not-present page) the processor pushes the exception frame onto a stack page EPT does not
        //    map: an EPT violation for a data write (bit 1) with IDT-vectoring information
        //    0x80000B0E (valid, error code valid, type 3, vector 14) and error code 0x2 (SDM Vol. 3C 25.9.3).
        new ScriptedExit(ExitReason.EPT_VIOLATION, 0x182L, 0, 0x0009_EFF8L, 0x0009_EFF8L, 0x8000_0B0E, 0x2,
            Map.of()));
  }
}
