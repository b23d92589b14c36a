package dev.vmcscodegen.cli;

import dev.vmcscodegen.runtime.control.ControlBit;
import dev.vmcscodegen.runtime.control.ControlKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Control bits by the names a command line gives them: the constant name of the bit's enum
 * ({@code HLT_EXITING}, {@code hlt-exiting}), qualified by the field's JSON key of {@code vmcs caps}
 * ({@code exit.LOAD_IA32_PAT}) when several fields have a bit of that name.
 */
final class ControlNames {

  private ControlNames() {}

  /**
   * The bit a name means.
   *
   * @throws InputException for an unknown name, or a bare name several fields share (listing the qualified names)
   */
  static ControlBit parse(String text) {
    String token = text.strip();
    int dot = token.indexOf('.');
    String field = dot < 0 ? null : token.substring(0, dot).toLowerCase(Locale.ROOT).replace('-', '_');
    String name = (dot < 0 ? token : token.substring(dot + 1)).toUpperCase(Locale.ROOT).replace('-', '_');
    List<ControlBit> matches = new ArrayList<>();
    for (ControlKind kind : ControlKind.values()) {
      if (field != null && !CapsReport.jsonKey(kind).equals(field)) {
        continue;
      }
      for (ControlBit bit : kind.bits()) {
        if (((Enum<?>) bit).name().equals(name)) {
          matches.add(bit);
        }
      }
    }
    if (matches.size() == 1) {
      return matches.get(0);
    }
    if (matches.isEmpty()) {
      throw new InputException("no control is named '" + text + "': use the SDM name in constant case, such as"
          + " HLT_EXITING or ENABLE_EPT, qualified by its field (" + fieldKeys() + ") when several fields have it");
    }
    throw new InputException("'" + text + "' names several controls; write one of "
        + String.join(", ", matches.stream().map(ControlNames::qualified).toList()));
  }

  /** The qualified name of a bit, such as {@code exit.LOAD_IA32_PAT}. */
  static String qualified(ControlBit bit) {
    return CapsReport.jsonKey(bit.kind()) + "." + ((Enum<?>) bit).name();
  }

  private static String fieldKeys() {
    List<String> keys = new ArrayList<>();
    for (ControlKind kind : ControlKind.values()) {
      keys.add(CapsReport.jsonKey(kind));
    }
    return String.join(", ", keys);
  }
}
