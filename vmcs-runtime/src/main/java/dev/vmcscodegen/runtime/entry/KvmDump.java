package dev.vmcscodegen.runtime.entry;

import java.util.List;
import java.util.Objects;

/**
 * A parsed Linux KVM {@code dump_vmcs} log: the VMCS image it shows, and the lines that did not map
 * to a VMCS field (with why), so nothing is dropped silently.
 *
 * @param image the fields the dump prints
 * @param skipped lines not mapped to a field, each with the reason
 */
public record KvmDump(VmcsImage image, List<String> skipped) {

  /** Validates and copies. */
  public KvmDump {
    Objects.requireNonNull(image, "image");
    skipped = List.copyOf(skipped);
  }
}
