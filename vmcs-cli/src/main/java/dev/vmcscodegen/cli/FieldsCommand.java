package dev.vmcscodegen.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.vmcscodegen.runtime.fields.VmcsFields;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vmcs fields}: the VMCS field catalog, the base one generated from {@code vmcs-fields.spec}
 * or the fields of a spec file checked with the processor's rules.
 */
@Command(name = "fields",
    mixinStandardHelpOptions = true,
    description = "List the VMCS fields: the base catalog (SDM Vol. 3D Appendix B) or a spec file's.")
public final class FieldsCommand implements Callable<Integer> {

  /** How the list is printed. */
  public enum Format {
    /** Aligned columns with the doc line. */
    TABLE,
    /** A header line and tab-separated rows: encoding, name, group, category, width. */
    TSV,
    /** One JSON object {@code {"fields": [...]}}. */
    JSON
  }

  private static final String[] TSV_HEADER = {"encoding", "name", "group", "category", "width"};

  @Spec
  private CommandSpec spec;

  @Mixin
  private OutputOptions output;

  @Option(names = "--spec", paramLabel = "FILE",
      description = "A spec file to check and list instead of the base catalog.")
  private Path specFile;

  @Option(names = "--extends-base",
      description = "With --spec: the file extends the base spec; check it reuses no base encoding or name.")
  private boolean extendsBase;

  @Option(names = "--prefix", paramLabel = "PREFIX", defaultValue = "Vmcs",
      description = "With --spec: the type-name prefix of the generated enums (default: ${DEFAULT-VALUE}).")
  private String prefix;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table, tsv or json (default: ${DEFAULT-VALUE}); --json is --format json.")
  private Format format;

  @Override
  public Integer call() {
    List<FieldRow> rows = specFile == null
        ? VmcsFields.CATALOG.fields().stream().map(FieldRow::of).toList()
        : SpecFileFields.read(specFile, extendsBase, prefix);
    PrintWriter out = spec.commandLine().getOut();
    switch (output.json() ? Format.JSON : format) {
      case TABLE -> printTable(out, rows);
      case TSV -> printTsv(out, rows);
      case JSON -> printJson(out, rows);
      default -> throw new IllegalStateException("unhandled format " + format);
    }
    return ExitCode.OK.code();
  }

  private static void printTable(PrintWriter out, List<FieldRow> rows) {
    TextTable table = new TextTable().row("ENCODING", "NAME", "GROUP", "CATEGORY", "WIDTH", "DESCRIPTION");
    for (FieldRow row : rows) {
      table.row(row.hexEncoding(), row.name(), row.group(), row.category().specName(), row.width().specName(),
          row.doc());
    }
    table.print(out);
    out.println(rows.size() + " fields");
  }

  private static void printTsv(PrintWriter out, List<FieldRow> rows) {
    out.println(String.join("\t", TSV_HEADER));
    for (FieldRow row : rows) {
      out.println(String.join("\t", row.hexEncoding(), row.name(), row.group(), row.category().specName(),
          row.width().specName()));
    }
  }

  private static void printJson(PrintWriter out, List<FieldRow> rows) {
    JsonArray fields = new JsonArray();
    for (FieldRow row : rows) {
      JsonObject field = new JsonObject();
      field.addProperty("encoding", row.encoding());
      field.addProperty("name", row.name());
      field.addProperty("group", row.group());
      field.addProperty("category", row.category().specName());
      field.addProperty("width", row.width().specName());
      field.addProperty("doc", row.doc());
      field.addProperty("sdm_reference", row.sdmReference());
      fields.add(field);
    }
    JsonObject report = new JsonObject();
    report.add("fields", fields);
    JsonOutput.print(out, report);
  }
}
