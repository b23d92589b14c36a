package dev.vmcscodegen.cli;

import dev.vmcscodegen.problem.ProblemException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * The {@code vmcs} command: the VMCS field catalog, decoders for the VM-exit information fields, and
 * capability MSR reports. Each subcommand is one class listed here; adding a command is adding a class.
 *
 * <p>Exit codes: {@link ExitCode}. Errors go to stderr, never as a stack trace: one line, or for an input
 * with problems ({@link ProblemException}) every problem rendered, one a line.
 */
@Command(name = "vmcs",
    mixinStandardHelpOptions = true,
    versionProvider = VmcsCli.Version.class,
    description = "Intel VMX VMCS toolkit: field catalog, exit decoders, capability reports.",
    subcommands = {FieldsCommand.class, DecodeCommand.class, CapsCommand.class, ControlsCommand.class,
        InitCommand.class, CheckCommand.class})
public final class VmcsCli {

  private VmcsCli() {}

  /** Runs {@code vmcs} with the process's stdout and stderr and exits with its exit code. */
  public static void main(String[] args) {
    // Straight to the file descriptors: System.out is a PrintStream, which would hide a write error.
    PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
        Charset.defaultCharset()), true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(run(args, out, err));
  }

  /**
   * Runs {@code vmcs} writing to {@code out} and {@code err}; returns the exit code. Output that could not
   * be written (a full disk, a closed pipe: {@link PrintWriter#checkError()}) is reported on {@code err}
   * and exits with {@link ExitCode#BAD_INPUT}, whatever the command returned.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    int code = commandLine(out, err).execute(args);
    if (out.checkError()) {
      err.println("vmcs: cannot write the output (standard output is full or closed)");
      code = ExitCode.BAD_INPUT.code();
    }
    err.flush();
    return code;
  }

  /** The configured picocli command line: output streams, exit codes and one-line error handlers. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(VmcsCli.class);
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setParameterExceptionHandler((exception, args) -> {
      CommandLine failed = exception.getCommandLine();
      failed.getErr().println(oneLine(commandName(failed) + ": " + exception.getMessage())
          + " (see '" + commandName(failed) + " --help')");
      return ExitCode.USAGE.code();
    });
    commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
      PrintWriter errors = failed.getErr();
      if (exception instanceof ProblemException problems) {
        problems.problems().forEach(problem -> errors.println(problem.render()));
      } else if (exception instanceof InputException input && !input.lines().isEmpty()) {
        input.lines().forEach(errors::println);
      } else {
        String message = exception instanceof InputException
            ? exception.getMessage()
            : exception.getClass().getSimpleName() + ": " + exception.getMessage();
        errors.println(oneLine(commandName(failed) + ": " + message));
      }
      return ExitCode.BAD_INPUT.code();
    });
    return commandLine;
  }

  private static String commandName(CommandLine commandLine) {
    return commandLine.getCommandSpec().qualifiedName();
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s*\\R\\s*", " ").strip();
  }

  /** The version from the jar manifest, or a development marker when run from classes. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = VmcsCli.class.getPackage().getImplementationVersion();
      return new String[] {"vmcs " + (version == null ? "(development build)" : version)};
    }
  }
}
