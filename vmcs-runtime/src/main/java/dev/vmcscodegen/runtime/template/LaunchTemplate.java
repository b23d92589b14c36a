package dev.vmcscodegen.runtime.template;

import static dev.vmcscodegen.runtime.fields.VmcsEncodings.*;

import dev.vmcscodegen.runtime.VmcsField;
import dev.vmcscodegen.runtime.arch.Cr0;
import dev.vmcscodegen.runtime.arch.Cr4;
import dev.vmcscodegen.runtime.arch.Efer;
import dev.vmcscodegen.runtime.arch.ResetState;
import dev.vmcscodegen.runtime.arch.Rflags;
import dev.vmcscodegen.runtime.arch.VmcsPointer;
import dev.vmcscodegen.runtime.capability.EptVpidCapability;
import dev.vmcscodegen.runtime.capability.EptVpidCapabilityBit;
import dev.vmcscodegen.runtime.capability.FixedBits;
import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.capability.VmxMemoryType;
import dev.vmcscodegen.runtime.control.ControlBit;
import dev.vmcscodegen.runtime.control.SecondaryProcessorBasedControl;
import dev.vmcscodegen.runtime.fields.VmcsFields;
import dev.vmcscodegen.runtime.image.VmcsImage;
import dev.vmcscodegen.runtime.resolve.ControlConflict;
import dev.vmcscodegen.runtime.resolve.ControlConflictException;
import dev.vmcscodegen.runtime.resolve.ControlIntents;
import dev.vmcscodegen.runtime.resolve.ControlResolver;
import dev.vmcscodegen.runtime.resolve.ResolvedControls;
import dev.vmcscodegen.runtime.state.EptPointer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a VMCS that VM entry accepts: the mode's controls added to the VMM's intents and resolved
 * ({@link ControlResolver}), the guest state of the mode ({@link GuestState}), the host state of the
 * VMM ({@link HostState}), and every other field of the catalog 0. CR0 and CR4 bits that VMX
 * operation fixes to 1 (IA32_VMX_CR0_FIXED0, IA32_VMX_CR4_FIXED0, SDM Vol. 3D A.7, A.8) but the mode
 * has clear are set in the guest registers and hidden from the guest by the guest/host mask and read
 * shadow (SDM Vol. 3C 25.6.6), so the guest reads the mode's values.
 */
public final class LaunchTemplate {

  private LaunchTemplate() {}

  /** {@link #build(VmxCapabilities, GuestMode, ControlIntents, HostState, GuestOptions)} with no intents, a typical 64-bit host and default options. */
  public static Launch build(VmxCapabilities capabilities, GuestMode mode) {
    return build(capabilities, mode, ControlIntents.none(), HostState.typical64Bit(), GuestOptions.defaults());
  }

  /**
   * Builds the VMCS of a guest starting in {@code mode} on a processor with {@code capabilities}.
   *
   * @throws ModeUnsupportedException with every reason when the processor cannot run the mode with these intents
   */
  public static Launch build(VmxCapabilities capabilities, GuestMode mode, ControlIntents intents, HostState host,
      GuestOptions options) {
    List<String> reasons = new ArrayList<>();
    ResolvedControls controls = resolve(capabilities, mode, intents, host, reasons);
    if (options.waitForSipi()) {
      if (mode != GuestMode.RESET) {
        reasons.add("only the reset state may wait for a SIPI (SDM Vol. 3A 10.4: an application processor after INIT)");
      }
      if (!capabilities.misc().supportsActivityWaitForSipi()) {
        reasons.add("the wait-for-SIPI activity state is not supported: IA32_VMX_MISC bit 8 is 0 (SDM Vol. 3D A.6)");
      }
    }
    long eptPointer = 0;
    if (controls != null && controls.isSet(SecondaryProcessorBasedControl.ENABLE_EPT)) {
      try {
        eptPointer = eptPointer(capabilities.eptVpidCapability().orElse(new EptVpidCapability(0)), options);
      } catch (IllegalStateException unsupported) {
        reasons.add(unsupported.getMessage());
      }
    }
    if (!reasons.isEmpty()) {
      throw new ModeUnsupportedException(mode, reasons);
    }
    Map<Integer, Long> fields = new HashMap<>();
    for (VmcsField field : VmcsFields.CATALOG.fields()) {
      fields.put(field.encoding(), 0L);
    }
    fields.putAll(controls.fieldValues());
    if (controls.isSet(SecondaryProcessorBasedControl.ENABLE_EPT)) {
      fields.put(EPT_POINTER, eptPointer);
    }
    if (controls.isSet(SecondaryProcessorBasedControl.ENABLE_VPID)) {
      fields.put(VIRTUAL_PROCESSOR_ID, (long) options.vpid());
    }
    boolean unrestricted = controls.isSet(SecondaryProcessorBasedControl.UNRESTRICTED_GUEST);
    GuestState guest = GuestState.of(mode, options.waitForSipi());
    fields.putAll(guest.fieldValues());
    long cr0Exempt = unrestricted ? Cr0.PE | Cr0.PG : 0;
    controlRegister(fields, capabilities.cr0Fixed(), cr0Exempt, guest.cr0(), GUEST_CR0, CR0_GUEST_HOST_MASK, CR0_READ_SHADOW);
    controlRegister(fields, capabilities.cr4Fixed(), 0, guest.cr4(), GUEST_CR4, CR4_GUEST_HOST_MASK, CR4_READ_SHADOW);
    fields.put(GUEST_VMCS_LINK_POINTER, VmcsPointer.NONE);
    fields.put(GUEST_DR7, ResetState.DR7);
    fields.put(GUEST_IA32_PAT, ResetState.IA32_PAT);
    fields.putAll(host.fieldValues());
    return new Launch(mode, controls, VmcsImage.of(fields));
  }

  private static ResolvedControls resolve(VmxCapabilities capabilities, GuestMode mode, ControlIntents intents,
      HostState host, List<String> reasons) {
    ControlIntents withMode = intents.require(mode.requiredControls().toArray(ControlBit[]::new))
        .withVmmInIa32eMode(host.ia32eMode());
    try {
      return ControlResolver.resolve(capabilities, withMode);
    } catch (ControlConflictException conflicts) {
      for (ControlBit needed : mode.requiredControls()) {
        reasons.add(mode.description() + " needs \"" + needed.sdmName() + "\" (" + needReference(needed) + ")");
      }
      for (ControlConflict conflict : conflicts.conflicts()) {
        reasons.add(conflict.describe());
      }
      return null;
    }
  }

  private static String needReference(ControlBit needed) {
    return needed == SecondaryProcessorBasedControl.UNRESTRICTED_GUEST
        ? "guest CR0.PE or CR0.PG may be 0 only under it, SDM Vol. 3C 27.3.1.1"
        : "a guest in IA-32e mode, SDM Vol. 3C 27.3.1.1 and 27.3.1.2";
  }

  /** A 4-level EPT pointer of a memory type the processor allows: WB, else UC (SDM Vol. 3D A.10; SDM Vol. 3C 27.2.1.1). */
  private static long eptPointer(EptVpidCapability capability, GuestOptions options) {
    if (!capability.supports(EptVpidCapabilityBit.PAGE_WALK_LENGTH_4)) {
      throw new IllegalStateException("EPT without a page-walk length of 4: IA32_VMX_EPT_VPID_CAP bit 6 is 0 (SDM Vol. 3D A.10)");
    }
    VmxMemoryType type;
    if (capability.supports(EptVpidCapabilityBit.MEMORY_TYPE_WRITE_BACK)) {
      type = VmxMemoryType.WRITE_BACK;
    } else if (capability.supports(EptVpidCapabilityBit.MEMORY_TYPE_UNCACHEABLE)) {
      type = VmxMemoryType.UNCACHEABLE;
    } else {
      throw new IllegalStateException("EPT with no usable memory type: IA32_VMX_EPT_VPID_CAP bits 8 and 14 are 0 (SDM Vol. 3D A.10)");
    }
    return new EptPointer(options.eptTableAddress(), type, 4, false, false).encode();
  }

  /**
   * Writes a guest control register: the mode's value with the bits VMX operation fixes to 1 added
   * (except {@code exempt}), those added bits owned by the host (mask) and read as the mode's value (shadow).
   */
  private static void controlRegister(Map<Integer, Long> fields, FixedBits fixed, long exempt, long intended,
      int register, int mask, int shadow) {
    long forced = fixed.mustBeOne() & ~exempt & ~intended;
    fields.put(register, intended | forced);
    fields.put(mask, forced);
    fields.put(shadow, intended);
  }
}
