package dev.vmcscodegen.cli;

import dev.vmcscodegen.runtime.capability.AllowedSettings;
import dev.vmcscodegen.runtime.control.ControlBit;
import dev.vmcscodegen.runtime.control.ControlKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One bit of a control field in a capability report: its SDM name (empty for reserved bits) and
 * whether the capability MSR lets it be 0 and be 1 (SDM Vol. 3D A.3 to A.5).
 *
 * @param bit the bit position
 * @param name the SDM name of the control, empty for a reserved (unnamed) bit
 * @param mayBe0 bit X of the allowed-0 settings is 0
 * @param mayBe1 bit X of the allowed-1 settings is 1
 */
public record ControlBitRow(int bit, Optional<String> name, boolean mayBe0, boolean mayBe1) {

  /**
   * The rows of a control field: every named bit, then every reserved bit the MSR does not fix to 0
   * (a default1 bit, or one a newer processor may set), in bit order.
   */
  public static List<ControlBitRow> of(ControlKind kind, AllowedSettings allowed) {
    List<ControlBitRow> rows = new ArrayList<>();
    for (int bit = 0; bit < kind.width(); bit++) {
      Optional<String> name = kind.bit(bit).map(ControlBit::sdmName);
      boolean mayBe0 = allowed.allowsZero(bit);
      boolean mayBe1 = allowed.allowsOne(bit);
      if (name.isPresent() || !mayBe0 || mayBe1) {
        rows.add(new ControlBitRow(bit, name, mayBe0, mayBe1));
      }
    }
    return rows;
  }

  /** {@code flexible}, {@code fixed 1}, {@code fixed 0}, or {@code malformed} (must be 1 yet may not be 1). */
  public String setting() {
    if (mayBe0 && mayBe1) {
      return "flexible";
    }
    if (mayBe1) {
      return "fixed 1";
    }
    return mayBe0 ? "fixed 0" : "malformed: must be 1 and may not be 1";
  }
}
