package dev.vmcscodegen.examples.exitloop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.exit.GeneralPurposeRegister;
import dev.vmcscodegen.runtime.fields.VmcsControl32;
import dev.vmcscodegen.runtime.fields.VmcsGuest64;
import dev.vmcscodegen.runtime.fields.VmcsGuestNW;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the exit loop's trace and final VMCS against what the SDM says the scripted values mean, not
 * against a recording of our own output.
 */
class ExitLoopTest {

  private static ExitLoop loop;
  private static List<String> trace;

  @BeforeAll
  static void runTheScript() {
    loop = new ExitLoop(VmxCapabilities.sample());
    loop.run(GuestScript.exits());
    trace = loop.trace();
  }

  private static boolean traced(String line) {
    return trace.stream().anyMatch(traced -> traced.strip().equals(line));
  }

  @Test
  void theControlsAreResolvedAndExplained() {
    // Pin-based: the TRUE MSR's fixed bits 1, 2, 4 (allowed-0 0x16, SDM Vol. 3D A.3.1) plus external-interrupt
    // exiting (0), NMI exiting (3) and virtual NMIs (5) (SDM Vol. 3C 25.6.1).
    assertTrue(traced("controls: pin-based VM-execution controls = 0x0000003F"), trace::toString);
    // Primary: allowed-0 0x04006172 of IA32_VMX_TRUE_PROCBASED_CTLS (CR3-load/store exiting, default1, forbidden
    // here) plus HLT exiting (7), unconditional I/O exiting (24) and "activate secondary controls" (31),
    // which EPT needs (25.6.2).
    assertTrue(traced("controls: primary processor-based VM-execution controls = 0x850061F2"), trace::toString);
    assertTrue(traced("controls:   CR3-load exiting (bit 15) = 0: forbidden"), trace::toString);
    // Secondary: enable EPT (1), enable VPID (5), unrestricted guest (7), the last for the template's CR0.PG = 0.
    assertTrue(traced("controls: secondary processor-based VM-execution controls = 0x000000A2"), trace::toString);
    // VM-exit: allowed-0 0x00036DFB, save debug controls (2, default1: the default setting of Algorithm 3),
    // host address-space size (9, a 64-bit VMM, 27.2.4), acknowledge interrupt (15), save/load EFER (20, 21).
    assertTrue(traced("controls: primary VM-exit controls = 0x0033EFFF"), trace::toString);
    // VM-entry: allowed-0 0x000011FB, load debug controls (2, default1), load IA32_EFER (15).
    assertTrue(traced("controls: VM-entry controls = 0x000091FF"), trace::toString);
    assertTrue(traced("controls: tertiary processor-based VM-execution controls: not supported by this processor"),
        trace::toString);
  }

  @Test
  void everyScriptedExitIsEnteredAndHandled() {
    assertEquals(1, trace.stream().filter(line -> line.startsWith("VMLAUNCH: guest entered")).count(), trace::toString);
    assertEquals(5, trace.stream().filter(line -> line.startsWith("VMRESUME: guest entered")).count(), trace::toString);
    // SDM Vol. 3D Table C-1: 30 I/O instruction, 10 CPUID, 28 control-register accesses, 48 EPT
    // violation, 12 HLT.
    assertTrue(traced("exit 1: IO_INSTRUCTION (basic reason 30) at RIP 0x100000"), trace::toString);
    assertTrue(traced("exit 2: CPUID (basic reason 10) at RIP 0x100001"), trace::toString);
    assertTrue(traced("exit 3: CONTROL_REGISTER_ACCESSES (basic reason 28) at RIP 0x100003"), trace::toString);
    assertTrue(traced("exit 4: EPT_VIOLATION (basic reason 48) at RIP 0x100006"), trace::toString);
    assertTrue(traced("exit 5: HLT (basic reason 12) at RIP 0x100006"), trace::toString);
    assertTrue(traced("exit 6: EPT_VIOLATION (basic reason 48) at RIP 0x100007"), trace::toString);
  }

  @Test
  void outToTheSerialPort() {
    // SDM Vol. 3C 28.2.1, I/O qualification 0x03F80000: size 1 byte (bits 2:0 = 0), OUT (bit 3 = 0),
    // port 0x3F8 (bits 31:16); the byte is AL = 'H' (0x48); OUT DX, AL is 1 byte long.
    assertTrue(traced("OUT 1 byte to port 0x3F8 from AL = 0x48 'H': serial output"), trace::toString);
    assertTrue(traced("RIP 0x100000 -> 0x100001 (instruction length 1)"), trace::toString);
  }

  @Test
  void cpuidOfTheHypervisorLeaf() {
    assertTrue(traced("CPUID leaf 0x40000000: EAX = 0x40000000, EBX:ECX:EDX = \"vmcs-codegen\""), trace::toString);
    // "vmcs" in EBX little-endian: 'v' 0x76 in bits 7:0 ... 's' 0x73 in bits 31:24.
    assertEquals(0x73636D76L, loop.registers().get(GeneralPurposeRegister.RBX));
    assertTrue(traced("RIP 0x100001 -> 0x100003 (instruction length 2)"), trace::toString);
  }

  @Test
  void movToCr0TurnsOnLongMode() {
    // CR access qualification 0: MOV to CR0 (bits 5:4 = 0) from RAX (bits 11:8 = 0).
    assertTrue(traced("MOV to CR0 from RAX = 0x80000031: paging on"), trace::toString);
    // SDM Vol. 3A 10.8.5: CR0.PG = 1 with EFER.LME (bit 8) = 1 sets EFER.LMA (bit 10): 0x100 -> 0x500;
    // Vol. 3C 27.3.1.1: the "IA-32e mode guest" entry control (bit 9) must then equal LMA.
    assertTrue(traced("long mode activated: guest IA32_EFER 0x100 -> 0x500, IA-32e mode guest entry control on"),
        trace::toString);
    assertEquals(0x500L, VmcsGuest64.IA32_EFER.read(loop.vmcs()));
    assertEquals(1 << 9, VmcsControl32.VM_ENTRY_CONTROLS.read(loop.vmcs()) & (1 << 9));
    assertEquals(0x80000031L, VmcsGuestNW.CR0.read(loop.vmcs()));
  }

  @Test
  void eptViolationMapsThePageWithoutAdvancingRip() {
    // EPT-violation qualification 0x181: data read (bit 0), not present (bits 5:3 = 0), guest linear
    // address valid (bit 7); the faulting access is retried, so RIP stays 0x100006.
    assertTrue(traced("data read of GPA 0x201008 (linear 0x201008), not present in EPT: map guest page 0x201000;"
        + " retry (RIP unchanged)"), trace::toString);
  }

  @Test
  void hltInjectsTheTimerInterrupt() {
    assertTrue(traced("RIP 0x100006 -> 0x100007 (instruction length 1)"), trace::toString);
    assertTrue(traced("guest halted: wake it with external interrupt 32 (timer) on the next entry"), trace::toString);
    assertTrue(trace.contains("VMRESUME: guest entered, delivering vector 32 (EXTERNAL_INTERRUPT)"), trace::toString);
  }

  @Test
  void interruptedPageFaultIsReinjected() {
    // IDT-vectoring information 0x80000B0E (SDM Vol. 3C 25.9.3): valid, type 3 (hardware exception),
    // error code valid, vector 14 (#PF); error code 0x2. Qualification 0x182: data write.
    assertTrue(traced("data write of GPA 0x9EFF8 (linear 0x9EFF8), not present in EPT: map guest page 0x9E000;"
        + " retry (RIP unchanged)"), trace::toString);
    assertTrue(traced("the exit interrupted event delivery: re-inject hardware exception 14 with error code 0x2"),
        trace::toString);
    // 25.8.3: the VM-entry interruption information holds the same valid #PF, the error code its field.
    assertEquals(0x80000B0E, VmcsControl32.VM_ENTRY_INTERRUPTION_INFORMATION.read(loop.vmcs()));
    assertEquals(0x2, VmcsControl32.VM_ENTRY_EXCEPTION_ERROR_CODE.read(loop.vmcs()));
    assertEquals(0x100007L, VmcsGuestNW.RIP.read(loop.vmcs()));
  }

  @Test
  void summary() {
    String last = trace.get(trace.size() - 1);
    assertEquals("done: 6 exits handled, serial output \"H\", guest IA32_EFER 0x500, EPT pages mapped [0x9E000, 0x201000]",
        last);
  }
}
