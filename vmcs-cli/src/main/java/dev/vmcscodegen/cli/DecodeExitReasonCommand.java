package dev.vmcscodegen.cli;

import com.google.gson.JsonObject;
import dev.vmcscodegen.runtime.exit.ExitReason;
import dev.vmcscodegen.runtime.exit.FullExitReason;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vmcs decode exit-reason VALUE}: the 32-bit exit-reason field (encoding 0x4402) decoded with
 * {@link FullExitReason} (SDM Vol. 3C 25.9.1, "Format of Exit Reason"; basic reasons Vol. 3D
 * Appendix C, Table C-1).
 */
@Command(name = "exit-reason",
    mixinStandardHelpOptions = true,
    description = "Decode the exit-reason field (SDM Vol. 3C 25.9.1; basic reasons Vol. 3D Table C-1).")
public final class DecodeExitReasonCommand implements Callable<Integer> {

  /** The exit-reason field is 32 bits wide (SDM Vol. 3D B.3.2). */
  private static final int FIELD_BITS = 32;

  @Spec
  private CommandSpec spec;

  @Mixin
  private OutputOptions output;

  @Parameters(paramLabel = "VALUE", converter = UnsignedNumberConverter.class,
      description = "The exit-reason field (hex 0x.. or decimal).")
  private long value;

  @Override
  public Integer call() {
    Numbers.requireBits(value, FIELD_BITS, "exit reason");
    FullExitReason decoded = FullExitReason.decode((int) value);
    ExitReason reason = decoded.reason();
    PrintWriter out = spec.commandLine().getOut();
    if (output.json()) {
      JsonObject report = new JsonObject();
      report.addProperty("basic_reason", decoded.basicReason());
      report.addProperty("name", reason.name());
      report.addProperty("reserved", Integer.toUnsignedLong(decoded.reservedBits()));
      report.addProperty("entry_failure", decoded.vmEntryFailure());
      report.addProperty("from_vmx_root", decoded.fromVmxRootOperation());
      report.addProperty("pending_mtf", decoded.pendingMtfVmExit());
      report.addProperty("enclave_mode", decoded.enclaveMode());
      report.addProperty("bus_lock", decoded.busLockAsserted());
      report.addProperty("prematurely_busy_shadow_stack", decoded.prematurelyBusyShadowStack());
      report.addProperty("defined", reason.isDefined());
      report.addProperty("description", reason.description());
      report.addProperty("value", value);
      JsonOutput.print(out, report);
    } else {
      new TextTable()
          .row("exit reason", Numbers.hex(value, 8))
          .row("basic reason", decoded.basicReason() + " (bits 15:0)", reason.name(), reason.description())
          .row("VM-entry failure", Text.yesNo(decoded.vmEntryFailure()) + " (bit 31)")
          .row("from VMX root", Text.yesNo(decoded.fromVmxRootOperation()) + " (bit 29, SMM VM exits)")
          .row("pending MTF", Text.yesNo(decoded.pendingMtfVmExit()) + " (bit 28, SMM VM exits)")
          .row("enclave mode", Text.yesNo(decoded.enclaveMode()) + " (bit 27)")
          .row("bus lock", Text.yesNo(decoded.busLockAsserted()) + " (bit 26)")
          .row("shadow stack busy", Text.yesNo(decoded.prematurelyBusyShadowStack()) + " (bit 25)")
          .row("reserved bits", Text.reservedBits(decoded.reservedBits(), "bits 24:16 and 30"))
          .print(out);
    }
    return ExitCode.OK.code();
  }
}
