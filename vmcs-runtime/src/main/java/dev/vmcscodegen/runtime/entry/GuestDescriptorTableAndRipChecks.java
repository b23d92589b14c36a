package dev.vmcscodegen.runtime.entry;

import static dev.vmcscodegen.runtime.fields.VmcsEncodings.*;
import static dev.vmcscodegen.runtime.entry.Rules.*;

import dev.vmcscodegen.runtime.arch.Cr0;
import dev.vmcscodegen.runtime.arch.Rflags;
import dev.vmcscodegen.runtime.exit.InterruptionType;
import java.util.List;

/**
 * Checks on the guest GDTR and IDTR (SDM Vol. 3C 27.3.1.3) and on RIP and RFLAGS (27.3.1.4); 26.3.1.3
 * and 26.3.1.4 before 2023. A failure is exit reason 33, qualification 0.
 */
final class GuestDescriptorTableAndRipChecks {

  private static final String TABLES = "27.3.1.3";
  private static final String RIP_RFLAGS = "27.3.1.4";

  private GuestDescriptorTableAndRipChecks() {}

  private static Check row(String id, String section, String rule, String fix, Condition condition,
      int... fields) {
    return Check.of(id, section, CheckArea.GUEST_STATE, rule, fix, condition, fields);
  }

  static List<Check> rows() {
    return List.of(
        row("guest-gdtr-base-canonical", TABLES, "The guest GDTR base must be canonical.",
            "Write a canonical GDTR base.", s -> s.canonical(s.field(GUEST_GDTR_BASE)), GUEST_GDTR_BASE),
        row("guest-idtr-base-canonical", TABLES, "The guest IDTR base must be canonical.",
            "Write a canonical IDTR base.", s -> s.canonical(s.field(GUEST_IDTR_BASE)), GUEST_IDTR_BASE),
        row("guest-gdtr-limit", TABLES, "Guest GDTR limit bits 31:16 must be 0.", "Write a 16-bit GDTR limit.",
            s -> clear(s.field(GUEST_GDTR_LIMIT), 31, 16), GUEST_GDTR_LIMIT),
        row("guest-idtr-limit", TABLES, "Guest IDTR limit bits 31:16 must be 0.", "Write a 16-bit IDTR limit.",
            s -> clear(s.field(GUEST_IDTR_LIMIT), 31, 16), GUEST_IDTR_LIMIT),
        row("guest-rip-high", RIP_RFLAGS, "Unless the guest is in IA-32e mode with CS.L = 1, RIP bits 63:32"
                + " must be 0.",
            "Use a 32-bit RIP, or set \"IA-32e mode guest\" and CS.L for 64-bit code.",
            s -> s.guest64Bit() || clear(s.field(GUEST_RIP), 63, 32),
            VM_ENTRY_CONTROLS, GUEST_CS_ACCESS_RIGHTS, GUEST_RIP),
        row("guest-rip-canonical", RIP_RFLAGS, "In IA-32e mode with CS.L = 1, RIP bits 63:N must be identical"
                + " (N the linear-address width).",
            "Write a canonical RIP.",
            s -> !s.guest64Bit() || s.canonical(s.field(GUEST_RIP)),
            VM_ENTRY_CONTROLS, GUEST_CS_ACCESS_RIGHTS, GUEST_RIP),
        row("guest-rflags-reserved", RIP_RFLAGS, "RFLAGS reserved bits 63:22, 15, 5 and 3 must be 0.",
            "Clear the reserved RFLAGS bits.", s -> (s.field(GUEST_RFLAGS) & Rflags.RESERVED) == 0, GUEST_RFLAGS),
        row("guest-rflags-bit1", RIP_RFLAGS, "RFLAGS bit 1 must be 1.", "Set RFLAGS bit 1 (write 0x2 at least).",
            s -> set(s.field(GUEST_RFLAGS), Rflags.FIXED_1), GUEST_RFLAGS),
        row("guest-rflags-vm", RIP_RFLAGS, "RFLAGS.VM must be 0 when \"IA-32e mode guest\" is 1 or guest CR0.PE"
                + " is 0.",
            "Clear RFLAGS.VM, or enter virtual-8086 mode only from a protected-mode, non-IA-32e guest.",
            s -> !set(s.field(GUEST_RFLAGS), Rflags.VM) || (!s.ia32eModeGuest() && set(s.field(GUEST_CR0), Cr0.PE)),
            GUEST_RFLAGS, VM_ENTRY_CONTROLS, GUEST_CR0),
        row("guest-rflags-if-for-extint", RIP_RFLAGS, "RFLAGS.IF must be 1 when an external interrupt is"
                + " injected.",
            "Set RFLAGS.IF, or wait for an interrupt window before injecting.",
            s -> !s.injecting(InterruptionType.EXTERNAL_INTERRUPT) || set(s.field(GUEST_RFLAGS), Rflags.IF),
            VM_ENTRY_INTERRUPTION_INFORMATION, GUEST_RFLAGS));
  }
}
