package dev.vmcscodegen.cli;

import com.google.gson.JsonObject;
import dev.vmcscodegen.runtime.VmxInstructionError;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vmcs decode instruction-error N}: the meaning of a VM-instruction error number, the value of
 * the VM-instruction error field (encoding 0x4400) after VMfailValid (SDM Vol. 3C 31.4, Table 31-1).
 */
@Command(name = "instruction-error",
    mixinStandardHelpOptions = true,
    description = "Explain a VM-instruction error number (SDM Vol. 3C 31.4, Table 31-1).")
public final class DecodeInstructionErrorCommand implements Callable<Integer> {

  /** The VM-instruction error field is 32 bits wide (SDM Vol. 3D B.3.2). */
  private static final int FIELD_BITS = 32;

  @Spec
  private CommandSpec spec;

  @Mixin
  private OutputOptions output;

  @Parameters(paramLabel = "N", converter = UnsignedNumberConverter.class,
      description = "The error number (hex 0x.. or decimal).")
  private long number;

  @Override
  public Integer call() {
    Numbers.requireBits(number, FIELD_BITS, "VM-instruction error");
    VmxInstructionError error = VmxInstructionError.fromNumber(number);
    PrintWriter out = spec.commandLine().getOut();
    boolean known = error != VmxInstructionError.UNKNOWN;
    if (output.json()) {
      JsonObject report = new JsonObject();
      report.addProperty("number", number);
      report.addProperty("description", error.description());
      report.addProperty("reserved", error.reserved());
      report.addProperty("name", error.name());
      report.addProperty("known", known);
      JsonOutput.print(out, report);
    } else {
      new TextTable()
          .row("number", Long.toString(number))
          .row("name", error.name())
          .row("description", error.description())
          .row("reserved", error.reserved() ? "yes (Table 31-1 defines no error for it)" : "no")
          .print(out);
    }
    return ExitCode.OK.code();
  }
}
