package dev.vmcscodegen.runtime.template;

import dev.vmcscodegen.runtime.control.ControlBit;
import dev.vmcscodegen.runtime.control.SecondaryProcessorBasedControl;
import dev.vmcscodegen.runtime.control.VmEntryControl;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The common starting states of a guest, each with the controls VM entry needs to accept it.
 * Without paging (reset, real and protected mode) guest CR0.PE and CR0.PG may be 0 only under
 * "unrestricted guest" (SDM Vol. 3C 27.3.1.1: IA32_VMX_CR0_FIXED0 reports PE and PG as fixed to 1,
 * SDM Vol. 3D A.7); a 64-bit guest needs "IA-32e mode guest" (SDM Vol. 3C 27.3.1.1, 27.3.1.2).
 */
public enum GuestMode {
  /** The power-up, reset or INIT state of SDM Vol. 3A Table 10-1: real mode at FFFFFFF0H, caches disabled. */
  RESET("the INIT/reset state (SDM Vol. 3A Table 10-1)", SecondaryProcessorBasedControl.UNRESTRICTED_GUEST),
  /** Real mode as a boot loader starts: CS:IP = 0000:7C00, CR0.ET only. */
  REAL("real mode", SecondaryProcessorBasedControl.UNRESTRICTED_GUEST),
  /** 32-bit protected mode with flat 4-GByte segments and no paging, as a Multiboot loader hands over. */
  PROTECTED("32-bit protected mode, flat, no paging", SecondaryProcessorBasedControl.UNRESTRICTED_GUEST),
  /** 32-bit protected mode with PAE paging (CR0.PG, CR4.PAE). */
  PAE("32-bit protected mode with PAE paging"),
  /** 64-bit mode: IA-32e mode with CS.L = 1, 4-level paging. */
  LONG("64-bit long mode", VmEntryControl.IA32E_MODE_GUEST);

  private final String description;
  private final List<ControlBit> requiredControls;

  GuestMode(String description, ControlBit... requiredControls) {
    this.description = description;
    this.requiredControls = List.of(requiredControls);
  }

  /** What the mode is, in words. */
  public String description() {
    return description;
  }

  /** The controls VM entry needs for a guest in this mode. */
  public List<ControlBit> requiredControls() {
    return requiredControls;
  }

  /** The name on a command line: {@code reset}, {@code real}, {@code protected}, {@code pae}, {@code long}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mode of a {@link #cliName()}; empty for any other text. */
  public static Optional<GuestMode> fromCliName(String name) {
    for (GuestMode mode : values()) {
      if (mode.cliName().equals(name)) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }
}
