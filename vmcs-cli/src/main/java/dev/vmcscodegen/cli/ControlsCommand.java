package dev.vmcscodegen.cli;

import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.resolve.ControlConflictException;
import dev.vmcscodegen.runtime.resolve.ControlResolver;
import dev.vmcscodegen.runtime.resolve.ResolvedControls;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vmcs controls}: resolves required, preferred and forbidden controls on a capability profile
 * ({@link ControlResolver}) and prints each control field's value with the reason of every bit that is
 * 1 or that an intent, a rule or the VMM's mode made 0.
 */
@Command(name = "controls",
    mixinStandardHelpOptions = true,
    description = "Choose the VMX controls for a processor from required, preferred and forbidden ones, and say"
        + " why each bit has its value (SDM Vol. 3C 27.2.1, Vol. 3D Appendix A).")
public final class ControlsCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private OutputOptions output;

  @Mixin
  private IntentOptions intents;

  @Option(names = "--msr-file", paramLabel = "FILE", required = true,
      description = "The capability profile: one 'MSR VALUE' pair a line (see 'vmcs caps').")
  private Path msrFile;

  @Override
  public Integer call() {
    VmxCapabilities capabilities = CapsCommand.loadFile(msrFile);
    ResolvedControls resolved;
    try {
      resolved = ControlResolver.resolve(capabilities, intents.intents());
    } catch (ControlConflictException conflicts) {
      throw ControlsReport.conflicts(msrFile.toString(), conflicts);
    }
    if (output.json()) {
      JsonOutput.print(spec.commandLine().getOut(), ControlsReport.json(resolved));
    } else {
      spec.commandLine().getOut().print(resolved.explain());
      spec.commandLine().getOut().flush();
    }
    return ExitCode.OK.code();
  }
}
