package dev.vmcscodegen.runtime.capability;

import dev.vmcscodegen.runtime.control.ControlKind;
import java.util.Objects;

/**
 * The allowed settings of one control field together with the MSR they came from, so an error can say
 * which capability forbids a setting.
 *
 * @param kind the control field
 * @param msr the capability MSR consulted: the TRUE one when IA32_VMX_BASIC bit 55 is 1 and the field has one
 * @param allowed the allowed-0 and allowed-1 settings that MSR reports
 */
public record ControlCapability(ControlKind kind, VmxCapabilityMsr msr, AllowedSettings allowed) {

  /** Checks that nothing is null and the settings have the field's width. */
  public ControlCapability {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(msr, "msr");
    Objects.requireNonNull(allowed, "allowed");
    if (allowed.width() != kind.width()) {
      throw new IllegalArgumentException(String.format("%s is %d bits wide but %s reports %d-bit settings",
          kind.sdmName(), kind.width(), msr.name(), allowed.width()));
    }
  }
}
