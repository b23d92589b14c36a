package dev.vmcscodegen.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.vmcscodegen.problem.Parsed;
import dev.vmcscodegen.runtime.capability.ControlCapability;
import dev.vmcscodegen.runtime.capability.EptVpidCapability;
import dev.vmcscodegen.runtime.capability.EptVpidCapabilityBit;
import dev.vmcscodegen.runtime.capability.VmxBasic;
import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.capability.VmxCapabilityMsr;
import dev.vmcscodegen.runtime.capability.VmxMisc;
import dev.vmcscodegen.runtime.control.ControlKind;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * The report {@code vmcs caps} prints for a capability profile, as one JSON object or as text
 * sections like QEMU's {@code vmxcap}. Decoding is the capability package's; this class only lays
 * out what it says (SDM Vol. 3D Appendix A).
 */
final class CapsReport {

  private CapsReport() {}

  /** The JSON key of a control field's bit list. */
  static String jsonKey(ControlKind kind) {
    return switch (kind) {
      case PIN_BASED_VM_EXECUTION_CONTROLS -> "pin_based";
      case PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS -> "primary";
      case SECONDARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS -> "secondary";
      case TERTIARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS -> "tertiary";
      case PRIMARY_VM_EXIT_CONTROLS -> "exit";
      case SECONDARY_VM_EXIT_CONTROLS -> "secondary_exit";
      case VM_ENTRY_CONTROLS -> "entry";
    };
  }

  /**
   * {@code {"basic":{...}, "controls":{"pin_based":[{"bit","name","may_be_0","may_be_1"}...] ...},
   * "control_msrs":{...}, "ept_vpid":{...}|null, "misc":{...}|null, "msrs":[...], "unknown_msrs":[...],
   * "warnings":[...]}}. A control field whose capability MSR does not exist has an empty list and a
   * {@code null} MSR; one whose MSR is unknown has {@code null} for its list and its MSR. {@code ept_vpid}
   * and {@code misc} are {@code null} when unknown too; {@code unknown_msrs} names every MSR the input
   * lacks that the processor has or may have; {@code warnings} holds each warning as printed on stderr.
   */
  static JsonObject json(Parsed<VmxCapabilities> parsed) {
    VmxCapabilities capabilities = parsed.value();
    JsonObject report = new JsonObject();
    report.add("basic", basicJson(capabilities.basic()));
    JsonObject controls = new JsonObject();
    JsonObject controlMsrs = new JsonObject();
    for (ControlKind kind : ControlKind.values()) {
      if (!capabilities.knows(kind)) {
        controls.add(jsonKey(kind), JsonNull.INSTANCE);
        controlMsrs.add(jsonKey(kind), JsonNull.INSTANCE);
        continue;
      }
      Optional<ControlCapability> capability = capabilities.controlCapability(kind);
      JsonArray bits = new JsonArray();
      capability.ifPresent(present -> ControlBitRow.of(kind, present.allowed()).forEach(row -> {
        JsonObject bit = new JsonObject();
        bit.addProperty("bit", row.bit());
        bit.addProperty("name", row.name().orElse(null));
        bit.addProperty("may_be_0", row.mayBe0());
        bit.addProperty("may_be_1", row.mayBe1());
        bits.add(bit);
      }));
      controls.add(jsonKey(kind), bits);
      controlMsrs.addProperty(jsonKey(kind), capability.map(present -> present.msr().name()).orElse(null));
    }
    report.add("controls", controls);
    report.add("control_msrs", controlMsrs);
    report.add("ept_vpid", capabilities.eptVpidCapability().map(CapsReport::eptVpidJson).orElse(null));
    report.add("misc", capabilities.has(VmxCapabilityMsr.IA32_VMX_MISC) ? miscJson(capabilities.misc()) : JsonNull.INSTANCE);
    JsonArray msrs = new JsonArray();
    capabilities.msrs().forEach((address, value) -> {
      JsonObject msr = new JsonObject();
      msr.addProperty("address", address);
      msr.addProperty("name", VmxCapabilityMsr.fromAddress(address).map(Enum::name).orElse(null));
      msr.addProperty("value", Numbers.unsigned(value));
      msrs.add(msr);
    });
    report.add("msrs", msrs);
    JsonArray unknown = new JsonArray();
    capabilities.unknownMsrs().forEach(msr -> unknown.add(msr.name()));
    report.add("unknown_msrs", unknown);
    JsonArray warnings = new JsonArray();
    parsed.problems().forEach(problem -> warnings.add(problem.render()));
    report.add("warnings", warnings);
    return report;
  }

  private static JsonObject basicJson(VmxBasic basic) {
    JsonObject json = new JsonObject();
    json.addProperty("revision", basic.revisionId());
    json.addProperty("vmcs_size", basic.vmcsRegionSize());
    json.addProperty("true_controls", basic.trueControls());
    json.addProperty("memory_type", basic.memoryTypeValue());
    json.addProperty("physical_addresses_32_bit", basic.physicalAddressesLimitedTo32Bits());
    json.addProperty("dual_monitor", basic.dualMonitorTreatment());
    json.addProperty("ins_outs_information", basic.insOutsInstructionInformation());
    json.addProperty("entry_without_error_code", basic.entryWithoutErrorCode());
    return json;
  }

  private static JsonObject eptVpidJson(EptVpidCapability capability) {
    JsonObject json = new JsonObject();
    JsonArray bits = new JsonArray();
    for (EptVpidCapabilityBit bit : EptVpidCapabilityBit.values()) {
      JsonObject row = new JsonObject();
      row.addProperty("bit", bit.bit());
      row.addProperty("name", bit.name());
      row.addProperty("supported", capability.supports(bit));
      bits.add(row);
    }
    json.add("capabilities", bits);
    json.addProperty("max_hlat_prefix_size", capability.maxHlatPrefixSize());
    json.addProperty("undefined_bits", Numbers.unsigned(capability.undefinedBits()));
    return json;
  }

  private static JsonObject miscJson(VmxMisc misc) {
    JsonObject json = new JsonObject();
    json.addProperty("preemption_timer_rate", misc.preemptionTimerRate());
    json.addProperty("stores_efer_lma", misc.storesEferLmaOnExit());
    json.addProperty("activity_hlt", misc.supportsActivityHlt());
    json.addProperty("activity_shutdown", misc.supportsActivityShutdown());
    json.addProperty("activity_wait_for_sipi", misc.supportsActivityWaitForSipi());
    json.addProperty("intel_pt", misc.intelPtInVmx());
    json.addProperty("rdmsr_smbase_in_smm", misc.rdmsrSmbaseInSmm());
    json.addProperty("cr3_target_count", misc.cr3TargetCount());
    json.addProperty("max_msr_list_size", misc.maxMsrListSize());
    json.addProperty("smm_monitor_ctl_bit2", misc.smmMonitorCtlBit2());
    json.addProperty("vmwrite_any_field", misc.vmwriteAnyField());
    json.addProperty("zero_length_injection", misc.zeroLengthInjection());
    json.addProperty("mseg_revision", Integer.toUnsignedLong(misc.msegRevisionId()));
    return json;
  }

  /** The text report: one section an MSR group, aligned columns. */
  static void printText(PrintWriter out, VmxCapabilities capabilities) {
    VmxBasic basic = capabilities.basic();
    heading(out, "Basic VMX information", VmxCapabilityMsr.IA32_VMX_BASIC, capabilities);
    new TextTable()
        .row("revision", Integer.toString(basic.revisionId()))
        .row("VMCS size", basic.vmcsRegionSize() + " bytes")
        .row("VMCS memory type", basic.memoryTypeValue() + basic.memoryType()
            .map(type -> " (" + type.shortName() + ")").orElse(" (not used by the SDM)"))
        .row("physical addresses limited to 32 bits", Text.yesNo(basic.physicalAddressesLimitedTo32Bits()))
        .row("dual-monitor treatment of SMIs and SMM", Text.yesNo(basic.dualMonitorTreatment()))
        .row("INS/OUTS instruction information", Text.yesNo(basic.insOutsInstructionInformation()))
        .row("TRUE capability MSRs (bit 55)", Text.yesNo(basic.trueControls()))
        .row("entry without error code (bit 56)", Text.yesNo(basic.entryWithoutErrorCode()))
        .print(out, "  ");
    for (ControlKind kind : ControlKind.values()) {
      printControls(out, kind, capabilities);
    }
    printEptVpid(out, capabilities);
    printMisc(out, capabilities);
  }

  private static void printControls(PrintWriter out, ControlKind kind, VmxCapabilities capabilities) {
    Optional<ControlCapability> capability = capabilities.controlCapability(kind);
    out.println();
    if (!capabilities.knows(kind)) {
      out.println(capitalized(kind.sdmName()) + ": unknown (" + unknownBecause(kind.capabilityMsrInForce(
          capabilities.basic().trueControls()), capabilities) + ")");
      return;
    }
    if (capability.isEmpty()) {
      out.println(capitalized(kind.sdmName()) + ": not supported (no capability MSR "
          + kind.capabilityMsr().name() + ")");
      return;
    }
    heading(out, capitalized(kind.sdmName()), capability.get().msr(), capabilities);
    if (capabilities.defaultOnesShownFixed(kind)) {
      out.println("  (" + kind.trueCapabilityMsr().orElseThrow().name() + " is missing: default-1 bits are shown"
          + " as fixed to 1, but may be 0)");
    }
    TextTable table = new TextTable().row("bit", "control", "may be 0", "may be 1", "setting");
    List<ControlBitRow> rows = ControlBitRow.of(kind, capability.get().allowed());
    for (ControlBitRow row : rows) {
      table.row(Integer.toString(row.bit()), row.name().orElse("(reserved)"), Text.yesNo(row.mayBe0()),
          Text.yesNo(row.mayBe1()), row.setting());
    }
    table.print(out, "  ");
  }

  private static void printEptVpid(PrintWriter out, VmxCapabilities capabilities) {
    out.println();
    Optional<EptVpidCapability> capability = capabilities.eptVpidCapability();
    if (capabilities.unknownMsrs().contains(VmxCapabilityMsr.IA32_VMX_EPT_VPID_CAP)) {
      out.println("EPT and VPID capabilities: unknown ("
          + unknownBecause(VmxCapabilityMsr.IA32_VMX_EPT_VPID_CAP, capabilities) + ")");
      return;
    }
    if (capability.isEmpty()) {
      out.println("EPT and VPID capabilities: none (IA32_VMX_EPT_VPID_CAP does not exist)");
      return;
    }
    heading(out, "EPT and VPID capabilities", VmxCapabilityMsr.IA32_VMX_EPT_VPID_CAP, capabilities);
    TextTable table = new TextTable();
    for (EptVpidCapabilityBit bit : EptVpidCapabilityBit.values()) {
      table.row(Integer.toString(bit.bit()), bit.name(), Text.yesNo(capability.get().supports(bit)));
    }
    table.row("53:48", "maximum HLAT prefix size", Integer.toString(capability.get().maxHlatPrefixSize()));
    table.print(out, "  ");
  }

  private static void printMisc(PrintWriter out, VmxCapabilities capabilities) {
    out.println();
    if (!capabilities.has(VmxCapabilityMsr.IA32_VMX_MISC)) {
      out.println("Miscellaneous data: unknown (" + unknownBecause(VmxCapabilityMsr.IA32_VMX_MISC, capabilities) + ")");
      return;
    }
    VmxMisc misc = capabilities.misc();
    heading(out, "Miscellaneous data", VmxCapabilityMsr.IA32_VMX_MISC, capabilities);
    new TextTable()
        .row("VMX-preemption timer rate", "TSC bit " + misc.preemptionTimerRate())
        .row("stores EFER.LMA into IA-32e mode guest", Text.yesNo(misc.storesEferLmaOnExit()))
        .row("activity states", "HLT " + Text.yesNo(misc.supportsActivityHlt())
            + ", shutdown " + Text.yesNo(misc.supportsActivityShutdown())
            + ", wait-for-SIPI " + Text.yesNo(misc.supportsActivityWaitForSipi()))
        .row("Intel PT in VMX operation", Text.yesNo(misc.intelPtInVmx()))
        .row("RDMSR of IA32_SMBASE in SMM", Text.yesNo(misc.rdmsrSmbaseInSmm()))
        .row("CR3-target values", Integer.toString(misc.cr3TargetCount()))
        .row("maximum MSR-list size", Integer.toString(misc.maxMsrListSize()))
        .row("IA32_SMM_MONITOR_CTL bit 2", Text.yesNo(misc.smmMonitorCtlBit2()))
        .row("VMWRITE to any field", Text.yesNo(misc.vmwriteAnyField()))
        .row("zero-length injection", Text.yesNo(misc.zeroLengthInjection()))
        .row("MSEG revision", Integer.toUnsignedString(misc.msegRevisionId()))
        .print(out, "  ");
  }

  /** Why an MSR is unknown: it is missing, or what decides whether it exists is. */
  private static String unknownBecause(VmxCapabilityMsr msr, VmxCapabilities capabilities) {
    VmxCapabilityMsr missing = msr;
    while (missing.condition().filter(capabilities.unknownMsrs()::contains).isPresent()) {
      missing = missing.condition().get();
    }
    return missing == msr
        ? msr.name() + " is missing from the input"
        : missing.name() + " is missing from the input, so whether " + msr.name() + " exists is unknown";
  }

  private static void heading(PrintWriter out, String title, VmxCapabilityMsr msr, VmxCapabilities capabilities) {
    out.printf("%s (%s = %s)%n", title, msr.name(), Numbers.hex(capabilities.value(msr).orElse(0), 16));
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
