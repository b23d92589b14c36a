package dev.vmcscodegen.runtime.resolve;

import dev.vmcscodegen.runtime.control.ControlBit;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a VMM asks of the control fields: bits it requires, prefers and forbids, and whether the VMM
 * itself runs in IA-32e mode (which fixes "host address-space size", SDM Vol. 3C 27.2.4). A bit may be
 * named under several intents; the resolver reports a bit both required and forbidden as a conflict,
 * and a preferred bit that is also forbidden stays 0.
 *
 * @param required bits that must be 1
 * @param preferred bits that should be 1 when possible
 * @param forbidden bits that must be 0
 * @param vmmInIa32eMode whether the VMM executes VM entry in IA-32e mode (a 64-bit VMM)
 */
public record ControlIntents(Set<ControlBit> required, Set<ControlBit> preferred, Set<ControlBit> forbidden,
    boolean vmmInIa32eMode) {

  /** Copies the sets, keeping their order. */
  public ControlIntents {
    required = copy(required);
    preferred = copy(preferred);
    forbidden = copy(forbidden);
  }

  /** No intent, for a VMM in IA-32e mode. */
  public static ControlIntents none() {
    return new ControlIntents(Set.of(), Set.of(), Set.of(), true);
  }

  /** These intents with {@code bits} required too. */
  public ControlIntents require(ControlBit... bits) {
    return new ControlIntents(plus(required, List.of(bits)), preferred, forbidden, vmmInIa32eMode);
  }

  /** These intents with {@code bits} preferred too. */
  public ControlIntents prefer(ControlBit... bits) {
    return new ControlIntents(required, plus(preferred, List.of(bits)), forbidden, vmmInIa32eMode);
  }

  /** These intents with {@code bits} forbidden too. */
  public ControlIntents forbid(ControlBit... bits) {
    return new ControlIntents(required, preferred, plus(forbidden, List.of(bits)), vmmInIa32eMode);
  }

  /** These intents for a VMM inside (true) or outside (false) IA-32e mode. */
  public ControlIntents withVmmInIa32eMode(boolean ia32e) {
    return new ControlIntents(required, preferred, forbidden, ia32e);
  }

  /** The intents of {@code bit}, in the order REQUIRE, PREFER, FORBID. */
  public Set<Intent> intentsOf(ControlBit bit) {
    Set<Intent> intents = new LinkedHashSet<>();
    if (required.contains(bit)) {
      intents.add(Intent.REQUIRE);
    }
    if (preferred.contains(bit)) {
      intents.add(Intent.PREFER);
    }
    if (forbidden.contains(bit)) {
      intents.add(Intent.FORBID);
    }
    return intents;
  }

  private static Set<ControlBit> plus(Set<ControlBit> set, Collection<ControlBit> more) {
    Set<ControlBit> union = new LinkedHashSet<>(set);
    union.addAll(more);
    return union;
  }

  private static Set<ControlBit> copy(Set<ControlBit> set) {
    return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(set));
  }
}
