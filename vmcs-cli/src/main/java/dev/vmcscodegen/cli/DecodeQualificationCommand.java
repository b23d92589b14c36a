package dev.vmcscodegen.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.vmcscodegen.runtime.exit.DebugExceptionQualification;
import dev.vmcscodegen.runtime.exit.ExitQualification;
import dev.vmcscodegen.runtime.exit.ExitReason;
import dev.vmcscodegen.runtime.exit.Qualifications;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vmcs decode qualification --reason REASON VALUE}: an exit qualification (encoding 0x6400)
 * decoded in the format of its exit reason with the runtime's {@link Qualifications} (SDM Vol. 3C
 * 28.2.1): I/O instruction, control-register access, MOV DR, EPT violation, APIC access, task switch,
 * and debug exception. Other reasons print the value as it is.
 */
@Command(name = "qualification",
    mixinStandardHelpOptions = true,
    description = "Decode an exit qualification in the format of its exit reason (SDM Vol. 3C 28.2.1).")
public final class DecodeQualificationCommand implements Callable<Integer> {

  /** The exit qualification is a natural-width field, at most 64 bits (SDM Vol. 3D B.4.2). */
  private static final int FIELD_BITS = 64;

  @Spec
  private CommandSpec spec;

  @Mixin
  private OutputOptions output;

  @Option(names = "--reason", paramLabel = "REASON", required = true, converter = QualificationReason.Converter.class,
      description = "The basic exit reason: a number (30, 0x1E), a name of SDM Vol. 3D Table C-1"
          + " (IO_INSTRUCTION, CONTROL_REGISTER_ACCESSES, MOV_DR, EPT_VIOLATION, APIC_ACCESS, TASK_SWITCH),"
          + " a short name (io, cr, dr, ept, apic), or debug-exception (db).")
  private QualificationReason reason;

  @Parameters(paramLabel = "VALUE", converter = UnsignedNumberConverter.class,
      description = "The exit qualification (hex 0x.. or decimal).")
  private long value;

  @Override
  public Integer call() {
    Numbers.requireBits(value, FIELD_BITS, "exit qualification");
    ExitQualification decoded = reason.debugException()
        ? DebugExceptionQualification.decode(value)
        : Qualifications.decode(reason.reason(), value);
    ExitReason exitReason = reason.reason();
    JsonObject report = new JsonObject();
    report.addProperty("reason", reason.debugException() ? "DEBUG_EXCEPTION" : exitReason.name());
    report.addProperty("basic_reason", exitReason == ExitReason.UNKNOWN ? null : Integer.valueOf(exitReason.number()));
    report.addProperty("value", Numbers.unsigned(value));
    QualificationReport.add(report, decoded);
    PrintWriter out = spec.commandLine().getOut();
    if (output.json()) {
      JsonOutput.print(out, report);
    } else {
      printText(out, report, decoded);
    }
    return VmcsCli.EXIT_OK;
  }

  private void printText(PrintWriter out, JsonObject report, ExitQualification decoded) {
    TextTable table = new TextTable()
        .row("exit qualification", Numbers.hex(value, 16))
        .row("exit reason", reason.debugException()
            ? "debug exception (#DB: reason 0, vector 1)"
            : reason.reason().name() + " (" + reason.reason().description() + ")");
    for (Map.Entry<String, JsonElement> entry : report.entrySet()) {
      if (!entry.getKey().equals("reason") && !entry.getKey().equals("basic_reason")
          && !entry.getKey().equals("value")) {
        table.row(entry.getKey().replace('_', ' '), words(entry.getValue()));
      }
    }
    table.print(out);
    if (report.get("format").getAsString().equals("raw")) {
      out.println("no structured format for this reason: the value is the qualification as it is"
          + (reason.reason() == ExitReason.EXCEPTION_OR_NMI ? " (for a #DB use --reason debug-exception;"
              + " for a #PF it is the faulting linear address)" : ""));
    }
  }

  private static String words(JsonElement value) {
    if (value.isJsonNull()) {
      return "(not defined for this access)";
    }
    JsonPrimitive primitive = value.getAsJsonPrimitive();
    if (primitive.isBoolean()) {
      return Text.yesNo(primitive.getAsBoolean());
    }
    if (primitive.isNumber()) {
      long number = primitive.getAsLong();
      return number < 10 ? Long.toString(number) : number + " (" + Numbers.hex(number) + ")";
    }
    return primitive.getAsString();
  }
}
