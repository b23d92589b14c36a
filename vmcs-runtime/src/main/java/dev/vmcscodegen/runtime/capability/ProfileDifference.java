package dev.vmcscodegen.runtime.capability;

import java.util.Objects;

/**
 * One capability two profiles report differently.
 *
 * @param area the MSR or control field, such as {@code "IA32_VMX_MISC"} or {@code "secondary processor-based VM-execution controls"}
 * @param item the bit or value within it, such as {@code "unrestricted guest (bit 7)"}
 * @param first what the first profile reports
 * @param second what the second profile reports
 * @param sdmReference where Appendix A describes it
 */
public record ProfileDifference(String area, String item, String first, String second, String sdmReference) {

  /** Checks nothing is null. */
  public ProfileDifference {
    Objects.requireNonNull(area, "area");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
    Objects.requireNonNull(sdmReference, "sdmReference");
  }
}
