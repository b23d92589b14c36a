package dev.vmcscodegen.runtime.image;

import dev.vmcscodegen.problem.Parsed;

/**
 * A VMCS dump as read: the image of its fields with every problem (each dump line that could not be mapped,
 * with its line number), which hypervisor printed it, and the layout recognised (the versions that print
 * every line that was read).
 *
 * @param hypervisor what printed the dump ({@code Linux KVM dump_vmcs}, {@code Xen vmcs_dump_vcpu}, or the
 *     project's image format)
 * @param layout the layout recognised with its versions, empty when the input has none (the image format)
 * @param parsed the image and the problems
 */
public record DumpReading(String hypervisor, String layout, Parsed<VmcsImage> parsed) {

  /** The image. */
  public VmcsImage image() {
    return parsed.value();
  }
}
