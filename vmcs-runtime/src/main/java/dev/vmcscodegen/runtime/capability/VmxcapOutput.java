package dev.vmcscodegen.runtime.capability;

import static dev.vmcscodegen.runtime.capability.VmxCapabilityMsr.IA32_VMX_BASIC;
import static dev.vmcscodegen.runtime.capability.VmxCapabilityMsr.IA32_VMX_ENTRY_CTLS;
import static dev.vmcscodegen.runtime.capability.VmxCapabilityMsr.IA32_VMX_EPT_VPID_CAP;
import static dev.vmcscodegen.runtime.capability.VmxCapabilityMsr.IA32_VMX_EXIT_CTLS;
import static dev.vmcscodegen.runtime.capability.VmxCapabilityMsr.IA32_VMX_MISC;
import static dev.vmcscodegen.runtime.capability.VmxCapabilityMsr.IA32_VMX_PINBASED_CTLS;
import static dev.vmcscodegen.runtime.capability.VmxCapabilityMsr.IA32_VMX_PROCBASED_CTLS;
import static dev.vmcscodegen.runtime.capability.VmxCapabilityMsr.IA32_VMX_PROCBASED_CTLS2;
import static dev.vmcscodegen.runtime.capability.VmxCapabilityMsr.IA32_VMX_PROCBASED_CTLS3;
import static dev.vmcscodegen.runtime.capability.VmxCapabilityMsr.IA32_VMX_TRUE_ENTRY_CTLS;
import static dev.vmcscodegen.runtime.capability.VmxCapabilityMsr.IA32_VMX_TRUE_EXIT_CTLS;
import static dev.vmcscodegen.runtime.capability.VmxCapabilityMsr.IA32_VMX_TRUE_PINBASED_CTLS;
import static dev.vmcscodegen.runtime.capability.VmxCapabilityMsr.IA32_VMX_TRUE_PROCBASED_CTLS;
import static dev.vmcscodegen.runtime.capability.VmxCapabilityMsr.IA32_VMX_VMFUNC;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The output of QEMU's {@code scripts/kvm/vmxcap}, which reads the capability MSRs of CPU 0 and prints
 * them section by section, decoded. What of it is a value:
 * <ul>
 *   <li>the sections vmxcap prints with its {@code Misc} class (basic information, miscellaneous data, VPID
 *       and EPT capabilities, VM functions) start with {@code Hex: 0x...}, the MSR's value, in the versions
 *       that have that line; that value is read;</li>
 *   <li>the control sections print, for each bit vmxcap names, {@code yes}, {@code no}, {@code forced} or
 *       {@code default}, and nothing of the bits it does not name (reserved ones, or newer than that vmxcap):
 *       no value can be rebuilt from them without inventing the rest, so their MSRs stay unknown, with a
 *       warning, and so does a {@code Misc} section without a {@code Hex:} line (older vmxcap).</li>
 * </ul>
 * vmxcap prints no CR0/CR4 fixed bits and no VMCS enumeration: those MSRs are missing, as in any profile.
 */
final class VmxcapOutput {

  /**
   * vmxcap's sections, by title: whether vmxcap prints it as fields (its {@code Misc} class, with a
   * {@code Hex:} line in newer versions) or as control bits, and the MSRs it shows.
   */
  enum Section {
    BASIC("Basic VMX Information", true, IA32_VMX_BASIC),
    PIN_BASED("pin-based controls", false, IA32_VMX_PINBASED_CTLS, IA32_VMX_TRUE_PINBASED_CTLS),
    PRIMARY_PROCESSOR_BASED("primary processor-based controls", false, IA32_VMX_PROCBASED_CTLS,
        IA32_VMX_TRUE_PROCBASED_CTLS),
    SECONDARY_PROCESSOR_BASED("secondary processor-based controls", false, IA32_VMX_PROCBASED_CTLS2),
    TERTIARY_PROCESSOR_BASED("tertiary processor-based controls", false, IA32_VMX_PROCBASED_CTLS3),
    EXIT("VM-Exit controls", false, IA32_VMX_EXIT_CTLS, IA32_VMX_TRUE_EXIT_CTLS),
    ENTRY("VM-Entry controls", false, IA32_VMX_ENTRY_CTLS, IA32_VMX_TRUE_ENTRY_CTLS),
    MISC("Miscellaneous data", true, IA32_VMX_MISC),
    EPT_VPID("VPID and EPT capabilities", true, IA32_VMX_EPT_VPID_CAP),
    VM_FUNCTIONS("VM Functions", true, IA32_VMX_VMFUNC);

    private final String title;
    private final boolean fields;
    private final List<VmxCapabilityMsr> msrs;

    Section(String title, boolean fields, VmxCapabilityMsr... msrs) {
      this.title = title;
      this.fields = fields;
      this.msrs = List.of(msrs);
    }

    /** What vmxcap prints of this section when it prints no value. */
    String decoded() {
      return fields
          ? "its fields, without the 'Hex:' line of newer vmxcap versions"
          : "yes, no, forced or default for each control bit it names";
    }

    /** The section vmxcap starts with {@code line}: its title alone, or after a shell prompt and command. */
    static Optional<Section> startedBy(String line) {
      String content = line.strip();
      for (Section section : values()) {
        if (content.equals(section.title) || content.endsWith(" " + section.title)) {
          return Optional.of(section);
        }
      }
      return Optional.empty();
    }

    /** The MSRs, as a warning's subject names them. */
    String describeMsrs() {
      return msrs.stream().map(VmxCapabilityMsr::describe).collect(Collectors.joining(", "));
    }
  }

  private static final String HEX_LABEL = "Hex:";

  private VmxcapOutput() {}

  /**
   * Whether {@code lines} are vmxcap's output: one starts its first section and another line is the title
   * of a later one (so that a profile's comment naming a section is no vmxcap output).
   */
  static boolean isOutput(String[] lines) {
    boolean basic = false;
    boolean later = false;
    for (String line : lines) {
      Optional<Section> started = Section.startedBy(line);
      basic |= started.filter(Section.BASIC::equals).isPresent();
      later |= started.filter(section -> section != Section.BASIC && line.strip().equals(section.title)).isPresent();
    }
    return basic && later;
  }

  /** Reads every {@code Hex:} value of {@code lines} into {@code reading}; the other sections stay unknown. */
  static void read(String[] lines, VmxCapabilitiesParser.Reading reading) {
    Section section = null;
    int sectionLine = 0;
    boolean valued = false;
    for (int index = 0; index < lines.length; index++) {
      Optional<Section> started = Section.startedBy(lines[index]);
      if (started.isPresent()) {
        close(section, sectionLine, valued, reading);
        section = started.get();
        sectionLine = index + 1;
        valued = false;
        continue;
      }
      String content = lines[index].strip();
      if (section != null && section.fields && content.startsWith(HEX_LABEL)) {
        reading.value(section.msrs.get(0), content.substring(HEX_LABEL.length()).strip(), index + 1);
        valued = true;
      }
    }
    close(section, sectionLine, valued, reading);
  }

  private static void close(Section section, int line, boolean valued, VmxCapabilitiesParser.Reading reading) {
    if (section != null && !valued) {
      reading.unsettled(section.msrs, CapabilityProblem.DECODED_ONLY.at(reading.file(), line,
          section.describeMsrs(), section.title, section.decoded()));
    }
  }
}
