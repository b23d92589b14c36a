package dev.vmcscodegen.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.vmcscodegen.problem.Parsed;
import dev.vmcscodegen.problem.ProblemException;
import dev.vmcscodegen.runtime.EntryOutcome;
import dev.vmcscodegen.runtime.entry.EntryCapabilities;
import dev.vmcscodegen.runtime.entry.EntryChecker;
import dev.vmcscodegen.runtime.entry.EntryReport;
import dev.vmcscodegen.runtime.entry.FieldValue;
import dev.vmcscodegen.runtime.entry.ProcessorFacts;
import dev.vmcscodegen.runtime.entry.Verdict;
import dev.vmcscodegen.runtime.entry.Violation;
import dev.vmcscodegen.runtime.fields.VmcsFields;
import dev.vmcscodegen.runtime.image.DumpFormat;
import dev.vmcscodegen.runtime.image.DumpProblem;
import dev.vmcscodegen.runtime.image.DumpReading;
import dev.vmcscodegen.runtime.image.KvmDumpParser;
import dev.vmcscodegen.runtime.image.XenDumpParser;
import dev.vmcscodegen.runtime.image.VmcsImage;
import dev.vmcscodegen.runtime.image.VmcsImageText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code vmcs check}: why did (or would) VM entry fail? Runs the offline VM-entry checker (SDM Vol. 3C
 * 27.1 to 27.3; 26.x in editions before 2023) on a VMCS image and names every violated check with its
 * SDM section, the fields and values involved, what the processor reports, and the fix.
 *
 * <p>Exit codes ({@link ExitCode}): 0 the image would enter (every check decided), 3 it would fail, 4
 * undecided (no check fails but some could not be decided), 1 bad input, 2 bad usage. Without a profile
 * the checks that need one are not verifiable, and a hint on stderr says how to get one.
 * Every problem of the inputs is printed on stderr, one a line: the errors of a profile, image or dump
 * that cannot be used (exit 1), and the warnings of a dump that could (the lines it skipped). Checks whose
 * inputs the image lacks are listed as not verifiable, never as violations.
 */
@Command(name = "check",
    mixinStandardHelpOptions = true,
    description = "Check a VMCS image against the VM-entry checks of SDM Vol. 3C 27.1-27.3; exit 0 if it"
        + " would enter (every check decided), 3 if it would fail, 4 if undecided.")
public final class CheckCommand implements Callable<Integer> {

  /** Where the VMCS image comes from: exactly one source. */
  static final class Image {
    @Option(names = "--vmcs-file", paramLabel = "FILE", required = true,
        description = "'FIELD VALUE' lines: FIELD an encoding (0x681E), a name (VmcsGuestNW.RIP) or a unique"
            + " bare name (RIP); VALUE hex with 0x or decimal; '#' comments.")
    Path vmcsFile;

    @Option(names = "--kvm-dump", paramLabel = "FILE", required = true,
        description = "A Linux KVM dump_vmcs log (the kernel messages after 'VMCS ..., last attempted VM-entry').")
    Path kvmDump;

    @Option(names = "--dump", paramLabel = "FILE", required = true,
        description = "A Linux KVM dump_vmcs log, a Xen vmcs_dump_vcpu log or 'FIELD VALUE' lines, told apart"
            + " by their lines.")
    Path dump;
  }

  @Spec
  private CommandSpec spec;

  @Mixin
  private OutputOptions output;

  /** The capability profile, if given: without one the checks that compare with it are not verifiable. */
  @ArgGroup(exclusive = true, multiplicity = "0..1")
  private CapabilityInput profile;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private Image image;

  @Option(names = "--maxphyaddr", paramLabel = "N", defaultValue = "46",
      description = "Physical-address width MAXPHYADDR, 32 to 52 (default: ${DEFAULT-VALUE}).")
  private int maxPhysicalAddress;

  @Override
  public Integer call() {
    if (maxPhysicalAddress < 32 || maxPhysicalAddress > 52) {
      throw new ParameterException(spec.commandLine(),
          "--maxphyaddr must be 32 to 52 (SDM Vol. 3A 4.1.4), got " + maxPhysicalAddress);
    }
    PrintWriter err = spec.commandLine().getErr();
    EntryCapabilities capabilities = profile == null ? EntryCapabilities.unknown()
        : EntryCapabilities.of(profile.read(err).value());
    if (profile == null) {
      err.println("vmcs check: no capability profile (--msr-file or --msr-device): the checks that compare with"
          + " one are not verifiable; " + CapabilityInput.LINUX_HINT);
    }
    Path source = image.vmcsFile != null ? image.vmcsFile : image.kvmDump != null ? image.kvmDump : image.dump;
    DumpFormat format = image.vmcsFile != null ? DumpFormat.IMAGE
        : image.kvmDump != null ? DumpFormat.KVM : InputFiles.stream(source, in -> DumpFormat.detect(in, source.toString()));
    DumpReading reading = switch (format) {
      case IMAGE -> new DumpReading("FIELD VALUE image", "", new Parsed<>(
          InputFiles.read(source, file -> VmcsImageText.load(file, VmcsFields.CATALOG)), List.of()));
      case KVM -> InputFiles.stream(source, in -> KvmDumpParser.read(in, source.toString()));
      case XEN -> InputFiles.stream(source, in -> XenDumpParser.read(in, source.toString()));
      case NONE -> throw new ProblemException(List.of(DumpProblem.NO_DUMP.at(source.toString(), 0, "")));
    };
    Parsed<VmcsImage> parsed = reading.parsed();
    VmcsImage vmcs = parsed.value();
    parsed.problems().forEach(problem -> err.println(problem.render()));
    err.flush();
    ProcessorFacts facts = ProcessorFacts.defaults().withMaxPhysicalAddress(maxPhysicalAddress);
    EntryReport report = EntryChecker.standard().check(vmcs, capabilities, facts);
    PrintWriter out = spec.commandLine().getOut();
    if (output.json()) {
      JsonOutput.print(out, json(report));
    } else {
      String kind = reading.layout().isEmpty() ? ""
          : " (" + reading.hypervisor() + ", " + reading.layout() + ")";
      out.printf("%s%s: %d fields%s; profile %s; MAXPHYADDR %d.%n", source, kind, vmcs.size(),
          parsed.problems().isEmpty() ? ""
              : " (" + parsed.problems().size() + (parsed.problems().size() == 1 ? " warning)" : " warnings)"),
          profile == null ? "none" : profile.name(),
          maxPhysicalAddress);
      out.print(report.diagnosis());
      out.flush();
    }
    return switch (report.verdict()) {
      case ENTERS -> ExitCode.OK.code();
      case FAILS -> ExitCode.WOULD_FAIL.code();
      case UNDECIDED -> ExitCode.UNDECIDED.code();
    };
  }

  private static JsonObject json(EntryReport report) {
    JsonObject root = JsonOutput.object();
    root.addProperty("enters", report.verdict() == Verdict.ENTERS);
    root.addProperty("verdict", report.verdict().word());
    JsonArray violations = new JsonArray();
    for (Violation violation : report.violations()) {
      JsonObject item = JsonOutput.object();
      item.addProperty("check", violation.check().id());
      item.addProperty("sdm", violation.check().sdmSection());
      JsonArray fields = new JsonArray();
      for (FieldValue field : violation.fields()) {
        fields.add(field.encoding());
      }
      item.add("fields", fields);
      EntryOutcome outcome = violation.outcome();
      item.addProperty("outcome", outcome.code());
      if (outcome instanceof EntryOutcome.EntryFailure failure) {
        item.addProperty("qualification", failure.exitQualification());
      } else {
        item.add("qualification", JsonNull.INSTANCE);
      }
      item.addProperty("message", violation.message() + " Fix: " + violation.check().fix());
      violations.add(item);
    }
    root.add("violations", violations);
    JsonArray notVerifiable = new JsonArray();
    report.notVerifiableIds().forEach(notVerifiable::add);
    root.add("not_verifiable", notVerifiable);
    JsonArray missingInputs = new JsonArray();
    report.missingInputs().forEach(missingInputs::add);
    root.add("missing_inputs", missingInputs);
    return root;
  }
}
