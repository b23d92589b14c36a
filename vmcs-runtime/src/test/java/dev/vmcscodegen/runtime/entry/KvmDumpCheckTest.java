package dev.vmcscodegen.runtime.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.image.KvmDumpParser;
import dev.vmcscodegen.runtime.image.KvmDumpSample;
import dev.vmcscodegen.runtime.image.VmcsImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The VM-entry checker on the project's KVM dump sample, read by the dump parser. */
class KvmDumpCheckTest {

  private static EntryCapabilities capabilities() {
    return EntryCapabilities.of(VmxCapabilities.parse(KvmDumpSample.profile()));
  }

  @Test
  void sampleEntersOnAMatchingProfileWithUnprintedFieldsNotVerifiable() {
    VmcsImage sample = KvmDumpParser.parse(KvmDumpSample.text()).value();
    EntryReport report = EntryChecker.standard().check(sample, capabilities(), ProcessorFacts.defaults());
    assertTrue(report.enters(), report.diagnosis());
    // KVM prints neither the MSR-bitmap address nor the VMCS link pointer (vmx_dump_vmcs).
    assertTrue(report.notVerifiableIds().contains("ctl-msr-bitmap-addr"));
    assertTrue(report.notVerifiableIds().contains("guest-link-ptr-align"));
  }

  @Test
  void unusableTrInTheDumpIsReported() {
    // TR access rights with bit 16 (unusable) set, SDM Vol. 3C Table 25-2; 27.3.1.2 requires a usable TR.
    String broken = KvmDumpSample.text().replace("attr=0x0008b", "attr=0x1008b");
    EntryReport report = EntryChecker.standard().check(KvmDumpParser.parse(broken).value(), capabilities(),
        ProcessorFacts.defaults());
    assertEquals(List.of("guest-tr-usable"), report.violatedIds());
  }
}
