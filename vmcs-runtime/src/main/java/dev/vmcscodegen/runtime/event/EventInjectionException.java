package dev.vmcscodegen.runtime.event;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An event was not injected because it breaks the rules of SDM Vol. 3C 27.2.1.3 (VM entry would fail)
 * or another event is pending; nothing was written.
 */
public final class EventInjectionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient EventInjection event;
  private final transient List<InjectionRule> rules;

  /**
   * An exception for {@code event} breaking {@code rules}.
   *
   * @throws IllegalArgumentException if {@code rules} is empty
   */
  public EventInjectionException(EventInjection event, List<InjectionRule> rules) {
    super(message(event, rules));
    this.event = event;
    this.rules = List.copyOf(rules);
  }

  private static String message(EventInjection event, List<InjectionRule> rules) {
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("an exception needs at least one broken rule");
    }
    boolean sdmRule = rules.stream().anyMatch(rule -> rule != InjectionRule.EVENT_PENDING);
    return "cannot inject " + event.describe() + ": "
        + rules.stream().map(InjectionRule::description).collect(Collectors.joining("; "))
        + (sdmRule ? " (SDM Vol. 3C 27.2.1.3)" : "");
  }

  /** The refused event. */
  public EventInjection event() {
    return event;
  }

  /** Every rule it breaks. */
  public List<InjectionRule> rules() {
    return rules;
  }
}
