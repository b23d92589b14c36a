package dev.vmcscodegen.cli;

import dev.vmcscodegen.problem.Parsed;
import dev.vmcscodegen.problem.Problem;
import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where {@code vmcs caps} and {@code vmcs check} take the capability MSRs from: a profile file (our
 * {@code MSR VALUE} lines, a VirtualBox release log or QEMU vmxcap output, detected) or a Linux msr device;
 * exactly one.
 * What cannot be read is a warning and reported as unknown; only an input without IA32_VMX_BASIC, or
 * without any line that reads, is an error.
 */
class CapabilityInput {

  /** How to get a profile on Linux, one line, for {@code check} without one. */
  static final String LINUX_HINT = "to get a profile on Linux: sudo modprobe msr, then give --msr-device"
      + " /dev/cpu/0/msr (as root), or 'vmcs caps --msr-device /dev/cpu/0/msr' to see it";

  @Option(names = "--msr-file", paramLabel = "FILE", required = true,
      description = "A capability profile: 'MSR VALUE' lines, hex (0x480 0x00da040000000004), '#' comments;"
          + " a VirtualBox release log (VBox.log) with its 'HM: MSR_IA32_VMX_...' lines; or QEMU vmxcap output"
          + " (its 'Hex:' values).")
  Path msrFile;

  @Option(names = "--msr-device", paramLabel = "PATH", required = true,
      description = "A Linux MSR device such as /dev/cpu/0/msr (needs root and the msr module).")
  Path msrDevice;

  /** The source's name, as problems and reports give it. */
  String name() {
    return (msrFile != null ? msrFile : msrDevice).toString();
  }

  /**
   * The capabilities with their warnings, printed on {@code err}.
   *
   * @throws InputException naming a file or device that cannot be read
   * @throws dev.vmcscodegen.problem.ProblemException if the input cannot be used
   */
  Parsed<VmxCapabilities> read(PrintWriter err) {
    Parsed<VmxCapabilities> parsed = msrFile != null ? InputFiles.read(msrFile, VmxCapabilities::loadProfile)
        : readDevice(msrDevice);
    parsed.problems().stream().map(Problem::render).forEach(err::println);
    err.flush();
    return parsed;
  }

  private static Parsed<VmxCapabilities> readDevice(Path device) {
    try {
      return VmxCapabilities.read(new MsrDevice(device), device.toString());
    } catch (UncheckedIOException e) {
      IOException cause = e.getCause();
      String reason = cause instanceof NoSuchFileException
          ? "no such device (load the msr kernel module: modprobe msr)"
          : cause.getMessage();
      throw new InputException(device + ": cannot read the VMX capability MSRs: " + reason, e);
    }
  }
}
