package dev.vmcscodegen.runtime.entry;

import static dev.vmcscodegen.runtime.fields.VmcsEncodings.*;
import static dev.vmcscodegen.runtime.entry.Rules.*;

import dev.vmcscodegen.runtime.control.ControlDependency;
import dev.vmcscodegen.runtime.arch.Cr4;
import java.util.List;

/**
 * Checks related to address-space size, SDM Vol. 3C 27.2.4 (26.2.4 before 2023): the "IA-32e mode
 * guest" and "host address-space size" controls against the VMM's mode, host CR4 and host RIP. A
 * failure is VMfailValid with VM-instruction error 8.
 */
final class AddressSpaceChecks {

  private static final String SECTION = "27.2.4";
  private static final int EXIT = PRIMARY_VM_EXIT_CONTROLS;

  private AddressSpaceChecks() {}

  private static Check row(String id, String rule, String fix, Condition condition, int... fields) {
    return Check.of(id, SECTION, CheckArea.HOST_STATE, rule, fix, condition, fields);
  }

  static List<Check> rows() {
    return List.of(
        row("host-addr-space-outside-ia32e", "When the VMM is outside IA-32e mode, \"IA-32e mode guest\" and"
                + " \"host address-space size\" must be 0.",
            "Clear both controls, or run the VMM in IA-32e mode.",
            s -> s.facts().vmmInIa32eMode() || (!s.ia32eModeGuest() && !s.hostAddressSpaceSize()),
            VM_ENTRY_CONTROLS, EXIT),
        row("host-addr-space-inside-ia32e", "When the VMM is in IA-32e mode, \"host address-space size\" must"
                + " be 1.",
            "Set the VM-exit control \"host address-space size\" (bit 9).",
            s -> !s.facts().vmmInIa32eMode() || s.hostAddressSpaceSize(), EXIT),
        row("host-addr-space-0-guest", "When \"host address-space size\" is 0, \"IA-32e mode guest\" must be 0.",
            "Clear \"IA-32e mode guest\" or set \"host address-space size\".",
            s -> s.hostAddressSpaceSize() || holds(s, ControlDependency.IA32E_MODE_GUEST_NEEDS_HOST_ADDRESS_SPACE_SIZE), EXIT, VM_ENTRY_CONTROLS),
        row("host-addr-space-0-pcide", "When \"host address-space size\" is 0, host CR4.PCIDE (bit 17) must be 0.",
            "Clear CR4.PCIDE in the host CR4 field.",
            s -> s.hostAddressSpaceSize() || !set(s.field(HOST_CR4), Cr4.PCIDE), EXIT, HOST_CR4),
        row("host-addr-space-0-rip", "When \"host address-space size\" is 0, host RIP bits 63:32 must be 0.",
            "Use a 32-bit host RIP.",
            s -> s.hostAddressSpaceSize() || clear(s.field(HOST_RIP), 63, 32), EXIT, HOST_RIP),
        row("host-addr-space-1-pae", "When \"host address-space size\" is 1, host CR4.PAE (bit 5) must be 1.",
            "Set CR4.PAE in the host CR4 field.",
            s -> !s.hostAddressSpaceSize() || set(s.field(HOST_CR4), Cr4.PAE), EXIT, HOST_CR4),
        row("host-addr-space-1-rip", "When \"host address-space size\" is 1, host RIP must be canonical.",
            "Write a canonical host RIP.",
            s -> !s.hostAddressSpaceSize() || s.canonical(s.field(HOST_RIP)), EXIT, HOST_RIP));
  }
}
