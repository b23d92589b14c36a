package dev.vmcscodegen.runtime.template;

import dev.vmcscodegen.encoding.VmcsEncoding;
import dev.vmcscodegen.runtime.VmcsAccess;
import dev.vmcscodegen.runtime.VmxInstructions;
import dev.vmcscodegen.runtime.WritableVmcsField;
import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.fields.VmcsFields;
import dev.vmcscodegen.runtime.image.VmcsImage;
import dev.vmcscodegen.runtime.resolve.ResolvedControls;
import java.util.Objects;

/**
 * A VMCS ready for VMLAUNCH: the controls resolved for the mode and the intents, and an image of every
 * field of the catalog (0 where the template has nothing to say).
 *
 * @param mode the guest's starting mode
 * @param controls the resolved controls with their explanation
 * @param image the full VMCS image: controls, guest state, host state
 */
public record Launch(GuestMode mode, ResolvedControls controls, VmcsImage image) {

  /** Checks nothing is null. */
  public Launch {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(controls, "controls");
    Objects.requireNonNull(image, "image");
  }

  /**
   * Writes the image through {@code vmx}: every writable field (control, guest and host state) whose
   * index is at most the highest index IA32_VMX_VMCS_ENUM reports (SDM Vol. 3D A.9), so fields of features
   * the processor lacks (the tertiary controls on a processor without them) are left alone.
   */
  public void writeTo(VmxInstructions vmx, VmxCapabilities capabilities) {
    int highest = capabilities.vmcsEnumeration().highestIndex();
    image.values().forEach((encoding, value) -> VmcsFields.CATALOG.byEncoding(encoding)
        .filter(field -> field instanceof WritableVmcsField)
        .filter(field -> VmcsEncoding.of(encoding).index() <= highest)
        .ifPresent(field -> VmcsAccess.writeValue(vmx, field, value)));
  }
}
