package dev.vmcscodegen.cli;

import dev.vmcscodegen.runtime.resolve.ControlIntents;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The control intents a command resolves: {@code --require}, {@code --prefer}, {@code --forbid}, {@code --vmm-32-bit}. */
public final class IntentOptions {

  @Option(names = "--require", split = ",", paramLabel = "CONTROL",
      description = "Controls that must be 1, by name (HLT_EXITING, exit.LOAD_IA32_PAT), comma-separated.")
  private List<String> required = new ArrayList<>();

  @Option(names = "--prefer", split = ",", paramLabel = "CONTROL",
      description = "Controls to make 1 when the processor and the other intents allow it.")
  private List<String> preferred = new ArrayList<>();

  @Option(names = "--forbid", split = ",", paramLabel = "CONTROL", description = "Controls that must be 0.")
  private List<String> forbidden = new ArrayList<>();

  @Option(names = "--vmm-32-bit",
      description = "The VMM runs outside IA-32e mode (\"host address-space size\" 0, no 64-bit guest).")
  private boolean vmm32Bit;

  /**
   * The intents the options name.
   *
   * @throws InputException for a name that is unknown or ambiguous
   */
  public ControlIntents intents() {
    ControlIntents intents = ControlIntents.none().withVmmInIa32eMode(!vmm32Bit);
    for (String name : required) {
      intents = intents.require(ControlNames.parse(name));
    }
    for (String name : preferred) {
      intents = intents.prefer(ControlNames.parse(name));
    }
    for (String name : forbidden) {
      intents = intents.forbid(ControlNames.parse(name));
    }
    return intents;
  }
}
