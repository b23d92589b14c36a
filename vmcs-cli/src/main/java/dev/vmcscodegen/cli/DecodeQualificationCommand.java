package dev.vmcscodegen.cli;

import dev.vmcscodegen.runtime.arch.ExceptionVector;
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
 * and debug exception. Other reasons print the value as it is. For reason 0, {@code --vector} picks
 * the format by the exception vector ({@link Qualifications#decodeException}).
 */
@Command(name = "qualification",
    mixinStandardHelpOptions = true,
    description = "Decode an exit qualification in the format of its exit reason (SDM Vol. 3C 28.2.1).")
public final class DecodeQualificationCommand implements Callable<Integer> {

  /** The exit qualification is a natural-width field, at most 64 bits (SDM Vol. 3D B.4.2). */
  private static final int FIELD_BITS = 64;
  /** A vector is bits 7:0 of the interruption information (SDM Vol. 3C 25.9.2). */
  private static final int VECTOR_BITS = 8;

  @Spec
  private CommandSpec spec;

  @Mixin
  private OutputOptions output;

  @Option(names = "--reason", paramLabel = "REASON", required = true, converter = QualificationReason.Converter.class,
      description = "The basic exit reason: a number (30, 0x1E), a name of SDM Vol. 3D Table C-1"
          + " (IO_INSTRUCTION, CONTROL_REGISTER_ACCESSES, MOV_DR, EPT_VIOLATION, APIC_ACCESS, TASK_SWITCH),"
          + " a short name (io, cr, dr, ept, apic), or debug-exception (db).")
  private QualificationReason reason;

  @Option(names = "--vector", paramLabel = "N", converter = UnsignedNumberConverter.class,
      description = "For reason 0 (exception or NMI): the vector from the VM-exit interruption information;"
          + " 1 (#DB) decodes the debug-exception format, any other vector keeps the raw value.")
  private Long vector;

  @Parameters(paramLabel = "VALUE", converter = UnsignedNumberConverter.class,
      description = "The exit qualification (hex 0x.. or decimal).")
  private long value;

  @Override
  public Integer call() {
    Numbers.requireBits(value, FIELD_BITS, "exit qualification");
    ExitReason exitReason = reason.reason();
    if (vector != null) {
      Numbers.requireBits(vector, VECTOR_BITS, "vector");
      if (exitReason != ExitReason.EXCEPTION_OR_NMI) {
        throw new InputException("--vector applies to exit reason 0 (exception or NMI), not to " + exitReason.name());
      }
      if (reason.debugException() && vector != ExceptionVector.DB) {
        throw new InputException("--reason debug-exception is vector " + ExceptionVector.DB
            + ", not " + vector);
      }
    }
    boolean debugException = reason.debugException()
        || vector != null && vector == ExceptionVector.DB;
    ExitQualification decoded = vector != null
        ? Qualifications.decodeException(vector.intValue(), value)
        : reason.debugException() ? DebugExceptionQualification.decode(value) : Qualifications.decode(exitReason, value);
    JsonObject report = new JsonObject();
    report.addProperty("reason", debugException ? "DEBUG_EXCEPTION" : exitReason.name());
    report.addProperty("basic_reason", exitReason == ExitReason.UNKNOWN ? null : Integer.valueOf(exitReason.number()));
    report.addProperty("value", Numbers.unsigned(value));
    if (vector != null) {
      report.addProperty("vector", vector);
    }
    QualificationReport.add(report, decoded);
    PrintWriter out = spec.commandLine().getOut();
    if (output.json()) {
      JsonOutput.print(out, report);
    } else {
      printText(out, report, decoded);
    }
    return ExitCode.OK.code();
  }

  private void printText(PrintWriter out, JsonObject report, ExitQualification decoded) {
    TextTable table = new TextTable()
        .row("exit qualification", Numbers.hex(value, 16))
        .row("exit reason", report.get("reason").getAsString().equals("DEBUG_EXCEPTION")
            ? "debug exception (#DB: reason 0, vector 1)"
            : reason.reason().name() + " (" + reason.reason().description() + ")");
    if (vector != null) {
      table.row("vector", Long.toString(vector));
    }
    for (Map.Entry<String, JsonElement> entry : report.entrySet()) {
      if (!entry.getKey().equals("reason") && !entry.getKey().equals("basic_reason")
          && !entry.getKey().equals("value") && !entry.getKey().equals("vector")) {
        table.row(entry.getKey().replace('_', ' '), words(entry.getValue()));
      }
    }
    table.print(out);
    if (report.get("format").getAsString().equals("raw")) {
      out.println("no structured format for this reason: the value is the qualification as it is"
          + (reason.reason() == ExitReason.EXCEPTION_OR_NMI ? " (for a #DB use --vector 1 or --reason"
              + " debug-exception; for a #PF it is the faulting linear address)" : ""));
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
