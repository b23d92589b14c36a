package dev.vmcscodegen.cli;

import com.google.gson.JsonObject;
import dev.vmcscodegen.runtime.exit.InterruptionInformation;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vmcs decode interruption-info VALUE}: a VM-exit interruption-information or IDT-vectoring
 * information field decoded with {@link InterruptionInformation} (SDM Vol. 3C 25.9.2 and 25.9.3, which
 * share the layout).
 */
@Command(name = "interruption-info",
    mixinStandardHelpOptions = true,
    description = "Decode a VM-exit interruption-information or IDT-vectoring information field"
        + " (SDM Vol. 3C 25.9.2, 25.9.3).")
public final class DecodeInterruptionInfoCommand implements Callable<Integer> {

  /** The interruption-information fields are 32 bits wide (SDM Vol. 3D B.3.2). */
  private static final int FIELD_BITS = 32;

  @Spec
  private CommandSpec spec;

  @Mixin
  private OutputOptions output;

  @Parameters(paramLabel = "VALUE", converter = UnsignedNumberConverter.class,
      description = "The interruption-information field (hex 0x.. or decimal).")
  private long value;

  @Override
  public Integer call() {
    Numbers.requireBits(value, FIELD_BITS, "interruption information");
    InterruptionInformation decoded = InterruptionInformation.decode((int) value);
    PrintWriter out = spec.commandLine().getOut();
    if (output.json()) {
      JsonObject report = new JsonObject();
      report.addProperty("vector", decoded.vector());
      report.addProperty("type", decoded.type().code());
      report.addProperty("type_name", decoded.type().name());
      report.addProperty("error_code_valid", decoded.errorCodeValid());
      report.addProperty("nmi_unblocking", decoded.nmiUnblockingDueToIret());
      report.addProperty("valid", decoded.valid());
      report.addProperty("reserved", Integer.toUnsignedLong(decoded.reservedBits()));
      report.addProperty("value", value);
      JsonOutput.print(out, report);
    } else {
      new TextTable()
          .row("interruption info", Numbers.hex(value, 8))
          .row("valid", Text.yesNo(decoded.valid()) + " (bit 31)")
          .row("vector", decoded.vector() + " (bits 7:0)")
          .row("type", decoded.type().code() + " (bits 10:8)", decoded.type().name())
          .row("error code valid", Text.yesNo(decoded.errorCodeValid()) + " (bit 11)")
          .row("NMI unblocking", Text.yesNo(decoded.nmiUnblockingDueToIret()) + " (bit 12, due to IRET)")
          .row("reserved bits", Text.reservedBits(decoded.reservedBits(), "bits 30:13"))
          .print(out);
    }
    return ExitCode.OK.code();
  }
}
