package dev.vmcscodegen.cli;

import dev.vmcscodegen.problem.Parsed;
import dev.vmcscodegen.problem.ProblemException;
import dev.vmcscodegen.runtime.capability.ProfileDiff;
import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.resolve.ControlConflictException;
import dev.vmcscodegen.runtime.resolve.ControlResolver;
import dev.vmcscodegen.runtime.resolve.ResolvedControls;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code vmcs caps}: a report of a processor's VMX capability MSRs (SDM Vol. 3D Appendix A), in the
 * manner of QEMU's {@code scripts/kvm/vmxcap}: basic information, every bit of every control field
 * with whether it may be 0 and may be 1 (from the TRUE MSRs when IA32_VMX_BASIC bit 55 is 1), the
 * EPT and VPID capabilities and the miscellaneous data; with {@code --diff}, two profiles side by side
 * ({@link ProfileDiff}). What the input lacks is reported as unknown, with a warning on stderr naming
 * the MSR and what it decides.
 */
@Command(name = "caps",
    mixinStandardHelpOptions = true,
    description = "Report VMX capabilities from a profile file ('MSR VALUE' lines, a VirtualBox release log or"
        + " QEMU vmxcap output) or a Linux MSR device (SDM Vol. 3D Appendix A).")
public final class CapsCommand implements Callable<Integer> {

  /** Where the MSR values come from: exactly one source, a profile, a device, or two profiles to compare. */
  static final class Source extends CapabilityInput {
    @Option(names = "--diff", arity = "2", paramLabel = "FILE", required = true,
        description = "Two profiles side by side: every capability that differs, and whether the controls"
            + " resolved on the first (with --require, --prefer, --forbid) run on the second.")
    List<Path> diff;
  }

  @Spec
  private CommandSpec spec;

  @Mixin
  private OutputOptions output;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private Source source;

  @Mixin
  private IntentOptions intents;

  @Override
  public Integer call() {
    if (source.diff != null) {
      return diff(source.diff.get(0), source.diff.get(1));
    }
    Parsed<VmxCapabilities> capabilities = source.read(spec.commandLine().getErr());
    if (output.json()) {
      JsonOutput.print(spec.commandLine().getOut(), CapsReport.json(capabilities));
    } else {
      CapsReport.printText(spec.commandLine().getOut(), capabilities.value());
    }
    return ExitCode.OK.code();
  }

  private int diff(Path firstFile, Path secondFile) {
    VmxCapabilities first = loadFile(firstFile);
    VmxCapabilities second = loadFile(secondFile);
    ResolvedControls resolved;
    try {
      resolved = ControlResolver.resolve(first, intents.intents());
    } catch (ControlConflictException conflicts) {
      throw ControlsReport.conflicts(firstFile.toString(), conflicts);
    }
    ProfileDiff diff = ProfileDiff.compare(first, second);
    List<String> problems = resolved.problemsOn(second);
    if (output.json()) {
      JsonOutput.print(spec.commandLine().getOut(),
          CapsDiffReport.json(firstFile.toString(), secondFile.toString(), diff, problems));
    } else {
      CapsDiffReport.printText(spec.commandLine().getOut(), firstFile.toString(), secondFile.toString(), diff, problems);
    }
    return ExitCode.OK.code();
  }

  /**
   * Loads a profile file strictly, for the commands that resolve controls on it ({@code controls},
   * {@code init}, {@code caps --diff}): a missing or unreadable file, or a profile with any problem, is
   * an input error.
   *
   * @throws InputException naming a file that cannot be read
   * @throws ProblemException with every problem of the profile
   */
  static VmxCapabilities loadFile(Path file) {
    return InputFiles.read(file, VmxCapabilities::load);
  }
}
