package dev.vmcscodegen.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.image.VmcsImageText;
import dev.vmcscodegen.runtime.fields.VmcsFields;
import dev.vmcscodegen.runtime.resolve.ControlConflictException;
import dev.vmcscodegen.runtime.template.GuestMode;
import dev.vmcscodegen.runtime.template.GuestOptions;
import dev.vmcscodegen.runtime.template.HostState;
import dev.vmcscodegen.runtime.template.Launch;
import dev.vmcscodegen.runtime.template.LaunchTemplate;
import dev.vmcscodegen.runtime.template.ModeUnsupportedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vmcs init}: a VMCS image VM entry accepts for a guest starting in a mode
 * ({@link LaunchTemplate}), written in the text form {@code vmcs check --vmcs-file} reads, the controls'
 * explanation as comments at the top.
 */
@Command(name = "init",
    mixinStandardHelpOptions = true,
    description = "Write a VMCS image that VM entry accepts for a guest starting in reset, real, protected, pae"
        + " or long mode, in the form 'vmcs check --vmcs-file' reads.")
public final class InitCommand implements Callable<Integer> {

  /** Where the image goes: stdout as text (default), stdout as JSON, or a file. */
  static final class Destination {
    @Option(names = "--json", description = "Print one JSON object on stdout instead of the image text.")
    boolean json;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the image text to FILE.")
    Path out;
  }

  @Spec
  private CommandSpec spec;

  @Mixin
  private IntentOptions intents;

  @Option(names = "--msr-file", paramLabel = "FILE", required = true,
      description = "The capability profile: one 'MSR VALUE' pair a line (see 'vmcs caps').")
  private Path msrFile;

  @Option(names = "--mode", paramLabel = "MODE", required = true, converter = GuestModeConverter.class,
      description = "reset (SDM Vol. 3A Table 10-1), real, protected (flat, no paging), pae or long.")
  private GuestMode mode;

  @Option(names = "--wait-for-sipi", description = "With --mode reset: an application processor waiting for a SIPI.")
  private boolean waitForSipi;

  @ArgGroup(exclusive = true)
  private Destination destination = new Destination();

  @Override
  public Integer call() throws IOException {
    VmxCapabilities capabilities = CapsCommand.loadFile(msrFile);
    Launch launch;
    try {
      launch = LaunchTemplate.build(capabilities, mode, intents.intents(), HostState.typical64Bit(),
          GuestOptions.defaults().withWaitForSipi(waitForSipi));
    } catch (ControlConflictException conflicts) {
      throw ControlsReport.conflicts(msrFile.toString(), conflicts);
    } catch (ModeUnsupportedException unsupported) {
      List<String> lines = new ArrayList<>();
      lines.add(msrFile + ": " + unsupported.getMessage().lines().findFirst().orElseThrow());
      unsupported.reasons().forEach(reason -> lines.add("  " + reason));
      throw InputException.lines(lines);
    }
    if (destination.json) {
      JsonOutput.print(spec.commandLine().getOut(), json(launch));
      return ExitCode.OK.code();
    }
    String text = text(launch);
    if (destination.out != null) {
      try {
        Files.writeString(destination.out, text, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new InputException(destination.out + ": cannot write: " + e.getMessage(), e);
      }
      spec.commandLine().getOut().println(destination.out + ": " + launch.image().size() + " fields, a guest in "
          + mode.description() + " on " + msrFile);
    } else {
      spec.commandLine().getOut().print(text);
    }
    spec.commandLine().getOut().flush();
    return ExitCode.OK.code();
  }

  private String text(Launch launch) {
    StringBuilder text = new StringBuilder();
    text.append("# A guest in ").append(mode.description()).append(", written by 'vmcs init' for ").append(msrFile)
        .append('\n');
    launch.controls().explain().lines().forEach(line -> text.append("# ").append(line).append('\n'));
    text.append(VmcsImageText.format(launch.image(), VmcsFields.CATALOG));
    return text.toString();
  }

  private static JsonObject json(Launch launch) {
    JsonObject report = new JsonObject();
    report.addProperty("mode", launch.mode().cliName());
    JsonArray fields = new JsonArray();
    launch.image().values().forEach((encoding, value) -> {
      JsonObject field = new JsonObject();
      field.addProperty("field", VmcsFields.CATALOG.nameOf(encoding));
      field.addProperty("encoding", encoding);
      field.addProperty("value", Numbers.unsigned(value));
      fields.add(field);
    });
    report.add("fields", fields);
    report.add("controls", ControlsReport.json(launch.controls()));
    return report;
  }

  /** Reads {@code --mode} by its command-line name. */
  static final class GuestModeConverter implements picocli.CommandLine.ITypeConverter<GuestMode> {
    @Override
    public GuestMode convert(String value) {
      return GuestMode.fromCliName(value).orElseThrow(() -> new picocli.CommandLine.TypeConversionException(
          "'" + value + "' is not a mode: use reset, real, protected, pae or long"));
    }
  }
}
