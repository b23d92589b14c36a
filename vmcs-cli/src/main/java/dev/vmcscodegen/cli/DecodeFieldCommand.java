package dev.vmcscodegen.cli;

import com.google.gson.JsonObject;
import dev.vmcscodegen.encoding.VmcsEncoding;
import dev.vmcscodegen.runtime.VmcsField;
import dev.vmcscodegen.encoding.VmcsWidth;
import dev.vmcscodegen.runtime.fields.VmcsFields;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vmcs decode field ENCODING}: the parts of a VMCS component encoding (SDM Vol. 3C 25.11.2,
 * Table 25-21) and the field of the base catalog it names, if any. Every 32-bit pattern decodes.
 */
@Command(name = "field",
    mixinStandardHelpOptions = true,
    description = "Decode a VMCS field encoding (SDM Vol. 3C 25.11.2, Table 25-21).")
public final class DecodeFieldCommand implements Callable<Integer> {

  /** VMREAD and VMWRITE take the encoding in a 32-bit register operand (SDM Vol. 3C 25.11.2). */
  private static final int ENCODING_BITS = 32;

  @Spec
  private CommandSpec spec;

  @Mixin
  private OutputOptions output;

  @Parameters(paramLabel = "ENCODING", converter = UnsignedNumberConverter.class,
      description = "The 32-bit encoding (hex 0x.. or decimal).")
  private long encoding;

  @Override
  public Integer call() {
    Numbers.requireBits(encoding, ENCODING_BITS, "encoding");
    VmcsEncoding parts = VmcsEncoding.of((int) encoding);
    Optional<VmcsField> field = VmcsFields.CATALOG.byEncoding(parts.fullEncoding())
        .filter(known -> !parts.isHighAccess() || known.width() == VmcsWidth.BITS_64);
    PrintWriter out = spec.commandLine().getOut();
    if (output.json()) {
      printJson(out, parts, field);
    } else {
      printText(out, parts, field);
    }
    return ExitCode.OK.code();
  }

  private void printJson(PrintWriter out, VmcsEncoding parts, Optional<VmcsField> field) {
    JsonObject report = new JsonObject();
    report.addProperty("encoding", encoding);
    report.addProperty("known", field.isPresent());
    report.addProperty("name", field.map(VmcsField::name).orElse(null));
    report.addProperty("category", parts.category().specName());
    report.addProperty("width", parts.width().specName());
    report.addProperty("access", parts.isHighAccess() ? "high" : "full");
    report.addProperty("index", parts.index());
    report.addProperty("valid", parts.isWellFormed());
    report.addProperty("group", field.map(VmcsField::group).orElse(null));
    report.addProperty("doc", field.map(VmcsField::doc).orElse(null));
    report.addProperty("sdm_reference", field.map(VmcsField::sdmReference).orElse(null));
    report.addProperty("full_encoding", Integer.toUnsignedLong(parts.fullEncoding()));
    report.addProperty("reserved_bits", Integer.toUnsignedLong(parts.reservedBitsSet()));
    JsonOutput.print(out, report);
  }

  private void printText(PrintWriter out, VmcsEncoding parts, Optional<VmcsField> field) {
    new TextTable()
        .row("encoding", Numbers.hex(encoding, 4))
        .row("field", field.map(known -> known.qualifiedName() + " (" + known.doc() + ", "
            + known.sdmReference() + ")").orElse("not in the base catalog"))
        .row("category", parts.category().specName() + " (type " + parts.category().typeBits()
            + ", bits 11:10)")
        .row("width", parts.width().specName() + " (width " + parts.width().widthBits() + ", bits 14:13)")
        .row("access", (parts.isHighAccess() ? "high" : "full") + " (bit 0)"
            + (parts.isHighAccess() ? ": bits 63:32 of the field at " + Numbers.hex(parts.fullEncoding(), 4)
                : ""))
        .row("index", parts.index() + " (bits 9:1)")
        .row("reserved bits", parts.reservedBitsSet() == 0 ? "none set"
            : Numbers.hex(Integer.toUnsignedLong(parts.reservedBitsSet()), 8)
                + " set (bits 12, 15 and 31:16 must be 0)")
        .row("valid", validity(parts))
        .print(out);
  }

  private static String validity(VmcsEncoding parts) {
    if (parts.reservedBitsSet() != 0) {
      return "no: reserved bits are set";
    }
    if (!parts.isWellFormed()) {
      return "no: high access (bit 0) on a " + widthWords(parts.width()) + " field; only 64-bit fields have one";
    }
    return "yes";
  }

  private static String widthWords(VmcsWidth width) {
    return width == VmcsWidth.NATURAL ? "natural-width" : width.specName() + "-bit";
  }
}
