package dev.vmcscodegen.runtime.template;

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
}
