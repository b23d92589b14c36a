package dev.vmcscodegen.runtime.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.runtime.VmFailValidException;
import dev.vmcscodegen.runtime.VmxInstructionError;
import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.fields.VmcsFields;
import dev.vmcscodegen.runtime.image.KvmDumpParser;
import dev.vmcscodegen.runtime.image.KvmDumpSample;
import dev.vmcscodegen.runtime.image.VmcsImage;
import dev.vmcscodegen.runtime.software.SoftwareVmcs;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checker called from Java as docs/ENTRY-CHECKS.md shows it (the lines between the doc-snippet
 * markers are the doc's block, which the CLI module's {@code DocExamplesTest} compares).
 */
class EntryCheckerExampleTest {

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(KvmDumpSample.class.getResource(name).toURI());
  }

  @Test
  void anImageReadFromABackendIsChecked() throws IOException, URISyntaxException {
    // A backend holding the fields of the sample KVM dump, a guest that entered on that processor.
    SoftwareVmcs vmx = SoftwareVmcs.load(VmcsFields.CATALOG,
        KvmDumpParser.parse(KvmDumpSample.text()).value().values());
    Path path = resource("kvm-dump-sample.msr");

    // doc-snippet: check-an-image
    EntryReport report = EntryChecker.standard().check(
        VmcsImage.read(vmx, VmcsFields.CATALOG),          // or KvmDumpParser.parse(text).value()
        EntryCapabilities.of(VmxCapabilities.load(path)), // TRUE MSRs when IA32_VMX_BASIC[55] = 1
        ProcessorFacts.defaults());                       // MAXPHYADDR 46 and the other defaults
    // end doc-snippet

    assertTrue(report.enters(), report::diagnosis);
    assertEquals(List.of(), report.violations());
  }

  @Test
  void theSoftwareVmcsRunsTheChecksOnVmlaunch() {
    EntryCapabilities capabilities = EntryCapabilities.of(VmxCapabilities.sample());
    ProcessorFacts facts = ProcessorFacts.defaults();

    VmFailValidException failure = assertThrows(VmFailValidException.class, () -> {
      // doc-snippet: entry-check-hook
      SoftwareVmcs vmcs = SoftwareVmcs.builder().entryCheck(EntryCheckHook.of(capabilities, facts)).build();
      vmcs.vmlaunch();  // VMfailValid 7/8, or EXIT_REASON 0x80000021 + EXIT_QUALIFICATION, as hardware
      // end doc-snippet
    });
    // A zeroed VMCS clears the default-1 pin-based bits: invalid control field, VMfailValid(7), SDM Vol. 3C 27.2.1.1.
    assertEquals(VmxInstructionError.ENTRY_INVALID_CONTROL_FIELD, failure.error());
  }
}
