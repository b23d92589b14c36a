package dev.vmcscodegen.runtime.entry;

import dev.vmcscodegen.runtime.EntryOutcome;
import dev.vmcscodegen.runtime.VmcsCatalog;
import dev.vmcscodegen.runtime.VmxInstructions;
import dev.vmcscodegen.runtime.fields.VmcsFields;
import dev.vmcscodegen.runtime.image.VmcsImage;
import dev.vmcscodegen.runtime.software.VmEntryCheck;
import java.util.Objects;

/**
 * The offline checker as the {@link VmEntryCheck} of a {@code SoftwareVmcs}, so that VMLAUNCH and
 * VMRESUME fail as the processor would: VMfailValid 7 or 8 for the control and host-state checks
 * (SDM Vol. 3C 27.2), a VM-entry failure with exit reason 33 (or 34) and its exit qualification for the
 * guest-state checks (27.3, 27.8). Opt in with
 * {@code SoftwareVmcs.builder().entryCheck(EntryCheckHook.of(capabilities, facts))}.
 *
 * <p>The software VMCS checks the launch state itself (27.1, errors 4 and 5), so those two basic checks are
 * left out here; it does not model blocking by MOV SS, so that basic check stays (error 26, from
 * {@link ProcessorFacts#eventsBlockedByMovSs()}). Checks that cannot be decided (an unsupported field, no
 * memory) do not stop the entry.
 */
public final class EntryCheckHook implements VmEntryCheck {

  private final EntryChecker checker;
  private final EntryCapabilities capabilities;
  private final ProcessorFacts facts;
  private final PhysicalMemory memory;
  private final VmcsCatalog catalog;

  private EntryCheckHook(EntryChecker checker, EntryCapabilities capabilities, ProcessorFacts facts,
      PhysicalMemory memory, VmcsCatalog catalog) {
    this.checker = Objects.requireNonNull(checker, "checker");
    this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
    this.facts = Objects.requireNonNull(facts, "facts");
    this.memory = memory;
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  /** The standard checks over every field of {@code VmcsFields.CATALOG}, without physical memory. */
  public static EntryCheckHook of(EntryCapabilities capabilities, ProcessorFacts facts) {
    return new EntryCheckHook(EntryChecker.standard(), capabilities, facts, null, VmcsFields.CATALOG);
  }

  /** The standard checks with a physical-memory view for the checks that read memory. */
  public static EntryCheckHook of(EntryCapabilities capabilities, ProcessorFacts facts, PhysicalMemory memory) {
    return new EntryCheckHook(EntryChecker.standard(), capabilities, facts, memory, VmcsFields.CATALOG);
  }

  /** The report for the current VMCS behind {@code vmx}, the launch-state checks excluded. */
  public EntryReport report(VmxInstructions vmx) {
    VmcsImage image = VmcsImage.read(vmx, catalog);
    EntryReport full = checker.check(image, capabilities, facts, memory);
    return new EntryReport(
        full.violations().stream().filter(v -> !BasicChecks.isLaunchState(v.check())).toList(),
        full.notVerifiable().stream().filter(n -> !BasicChecks.isLaunchState(n.check())).toList(),
        full.checked());
  }

  @Override
  public EntryOutcome check(VmxInstructions currentVmcs) {
    return report(currentVmcs).outcome().orElse(EntryOutcome.entered());
  }
}
