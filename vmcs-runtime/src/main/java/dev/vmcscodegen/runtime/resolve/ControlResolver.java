package dev.vmcscodegen.runtime.resolve;

import dev.vmcscodegen.runtime.capability.AllowedSettings;
import dev.vmcscodegen.runtime.capability.ControlCapability;
import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.control.ControlBit;
import dev.vmcscodegen.runtime.control.ControlKind;
import dev.vmcscodegen.runtime.control.PrimaryVmExitControl;
import dev.vmcscodegen.runtime.control.VmEntryControl;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Chooses the value of every control field for a capability profile and a VMM's intents, and says for
 * every bit why it has its value. In this order:
 *
 * <ol>
 *   <li>What is not a choice: bits the capability MSR in force fixes to 1 or 0 (the TRUE MSR when
 *       IA32_VMX_BASIC bit 55 is 1, SDM Vol. 3D A.2 to A.5; no bit of a field whose MSR does not exist
 *       may be 1); "host address-space size" equal to the VMM's IA-32e mode and "IA-32e mode guest" 0
 *       outside it (SDM Vol. 3C 27.2.4); "entry to SMM" and "deactivate dual-monitor treatment" 0, VM
 *       entry being outside SMM (SDM Vol. 3C 27.2.1.3).
 *   <li>Forbidden bits are 0, required bits 1, with everything they need
 *       ({@link dev.vmcscodegen.runtime.control.ControlDependency}, and the field's activation, {@link
 *       ControlKind#activatedBy()}) 1 and everything they exclude 0. Any bit then needed both 1 and 0
 *       is a conflict; all conflicts are thrown together as a {@link ControlConflictException}.
 *   <li>Preferred bits, in field and bit order, are granted when they and what they need fit with
 *       everything decided so far; else they stay 0, with the reason.
 *   <li>Every other bit takes its default setting (SDM Vol. 3C 31.5.1, Algorithm 3: a control the VMM
 *       does not choose gets its default): 1 for the default1 class the plain capability MSR reports
 *       as fixed to 1 while the TRUE MSR lets it be 0 (SDM Vol. 3D A.2), when that fits; else 0.
 * </ol>
 */
public final class ControlResolver {

  private ControlResolver() {}

  /**
   * Resolves {@code intents} on {@code capabilities}.
   *
   * @throws ControlConflictException listing every bit that would have to be both 1 and 0
   */
  public static ResolvedControls resolve(VmxCapabilities capabilities, ControlIntents intents) {
    Objects.requireNonNull(capabilities, "capabilities");
    Objects.requireNonNull(intents, "intents");
    Map<ControlKind, Long> fixedOne = new EnumMap<>(ControlKind.class);
    for (ControlKind kind : ControlKind.values()) {
      capabilities.controlCapability(kind).ifPresent(capability -> fixedOne.put(kind, capability.allowed().fixedOne()));
    }
    Assignment assignment = new Assignment(fixedOne);
    seedCapabilities(capabilities, assignment);
    seedContext(intents, assignment);
    for (ControlBit bit : intents.forbidden()) {
      assignment.markZero(Assignment.index(bit), Reason.FORBIDDEN, "forbidden");
    }
    for (ControlBit bit : intents.required()) {
      assignment.markOne(Assignment.index(bit), Reason.REQUIRED, "required");
    }
    List<ControlConflict> conflicts = assignment.conflicts();
    if (!conflicts.isEmpty()) {
      throw new ControlConflictException(conflicts);
    }
    List<ControlBit> preferred = new ArrayList<>(intents.preferred());
    preferred.sort(Comparator.comparing(ControlBit::kind).thenComparingInt(ControlBit::bit));
    for (ControlBit bit : preferred) {
      tryOne(assignment, Assignment.index(bit), Reason.PREFERRED_GRANTED, "preferred, granted",
          Reason.PREFERRED_NOT_GRANTED, "preferred, not granted: ");
    }
    for (ControlKind kind : ControlKind.values()) {
      long default1 = defaultOne(capabilities, kind);
      for (long rest = default1; rest != 0; rest &= rest - 1) {
        int bit = Long.numberOfTrailingZeros(rest);
        tryOne(assignment, Assignment.index(kind, bit), Reason.DEFAULT,
            "default setting 1: the default1 class, which " + kind.capabilityMsr().name()
                + " reports as fixed to 1 (SDM Vol. 3D A.2)",
            Reason.DEFAULT, "default1, but 0: ");
      }
    }
    return ResolvedControls.of(capabilities, intents, assignment);
  }

  /** Tries to make a bit 1; keeps it (and what it needs) if that makes no conflict, else marks it 0 with the conflict. */
  private static void tryOne(Assignment assignment, int index, Reason granted, String grantedWhy, Reason refused,
      String refusedPrefix) {
    if (assignment.isOne(index)) {
      return;
    }
    if (assignment.isZero(index)) {
      if (refused == Reason.DEFAULT) {
        return;
      }
      assignment.refuse(index, refused, refusedPrefix + assignment.zeroWhy(index));
      return;
    }
    Assignment trial = assignment.copy();
    trial.markOne(index, granted, grantedWhy);
    List<ControlConflict> conflicts = trial.conflicts();
    if (conflicts.isEmpty()) {
      assignment.markOne(index, granted, grantedWhy);
    } else {
      assignment.refuse(index, refused, refusedPrefix + conflicts.get(0).describe());
    }
  }

  private static void seedCapabilities(VmxCapabilities capabilities, Assignment assignment) {
    for (ControlKind kind : ControlKind.values()) {
      Optional<ControlCapability> capability = capabilities.controlCapability(kind);
      if (capability.isEmpty()) {
        for (int bit = 0; bit < kind.width(); bit++) {
          assignment.markZero(Assignment.index(kind, bit), Reason.UNSUPPORTED, "not supported: the processor has no "
              + kind.capabilityMsr().name() + ", so no " + kind.sdmName() + " (" + kind.capabilityMsr().sdmReference() + ")");
        }
        continue;
      }
      AllowedSettings allowed = capability.get().allowed();
      String msr = capability.get().msr().name();
      for (long rest = allowed.fixedZero(); rest != 0; rest &= rest - 1) {
        int bit = Long.numberOfTrailingZeros(rest);
        assignment.markZero(Assignment.index(kind, bit), Reason.UNSUPPORTED,
            "not supported: " + msr + " allows only 0 (allowed-1 bit " + allowedOneBit(kind, bit) + " is 0, "
                + capability.get().msr().sdmReference() + ")");
      }
      if (kind.activatedBy().isEmpty()) {
        for (long rest = allowed.fixedOne(); rest != 0; rest &= rest - 1) {
          int bit = Long.numberOfTrailingZeros(rest);
          assignment.markOne(Assignment.index(kind, bit), Reason.FIXED_BY_CPU,
              "fixed to 1: " + msr + " allows only 1 (its allowed-0 setting is 1, "
                  + capability.get().msr().sdmReference() + ")");
        }
      }
    }
  }

  private static void seedContext(ControlIntents intents, Assignment assignment) {
    String outsideSmm = "VM entry outside SMM: must be 0 (SDM Vol. 3C, 27.2.1.3)";
    assignment.markZero(Assignment.index(VmEntryControl.ENTRY_TO_SMM), Reason.CONTEXT, outsideSmm);
    assignment.markZero(Assignment.index(VmEntryControl.DEACTIVATE_DUAL_MONITOR_TREATMENT), Reason.CONTEXT, outsideSmm);
    if (intents.vmmInIa32eMode()) {
      assignment.markOne(Assignment.index(PrimaryVmExitControl.HOST_ADDRESS_SPACE_SIZE), Reason.CONTEXT,
          "the VMM runs in IA-32e mode: must be 1 (SDM Vol. 3C, 27.2.4)");
    } else {
      String outside = "the VMM runs outside IA-32e mode: must be 0 (SDM Vol. 3C, 27.2.4)";
      assignment.markZero(Assignment.index(PrimaryVmExitControl.HOST_ADDRESS_SPACE_SIZE), Reason.CONTEXT, outside);
      assignment.markZero(Assignment.index(VmEntryControl.IA32E_MODE_GUEST), Reason.CONTEXT, outside);
    }
  }

  /**
   * The default1 bits the VMM may clear: 1 in the plain MSR's allowed-0 settings, flexible in the TRUE
   * MSR (SDM Vol. 3D A.2). Without TRUE MSRs the default1 bits are fixed, so already decided.
   */
  private static long defaultOne(VmxCapabilities capabilities, ControlKind kind) {
    Optional<ControlCapability> inForce = capabilities.controlCapability(kind);
    if (inForce.isEmpty() || inForce.get().msr() == kind.capabilityMsr()) {
      return 0;
    }
    long plain = capabilities.value(kind.capabilityMsr()).orElse(0);
    return AllowedSettings.fromMsr(plain, kind.width()).allowed0() & inForce.get().allowed().flexible();
  }

  /** The bit of the capability MSR holding the allowed-1 setting: 32 + bit for a 32-bit field, the bit itself for a 64-bit one. */
  private static int allowedOneBit(ControlKind kind, int bit) {
    return kind.width() == 64 ? bit : Integer.SIZE + bit;
  }
}
