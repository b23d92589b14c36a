package dev.vmcscodegen.runtime.capability;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every capability profile of the tests, by name: the Coffee Lake sample shipped with the library (a
 * real processor's MSRs), the profile of the KVM dump sample (posted interrupts, APICv, tertiary
 * controls), and two constructed ones that lack what the others have: {@code no-unrestricted-guest}
 * (secondary controls 0 to 6 only) and {@code no-true-no-secondary} (no TRUE MSRs, no secondary
 * controls, no timer, no EFER/PAT loading). Each file says where its values come from.
 */
public final class TestProfiles {

  /** The Coffee Lake sample. */
  public static final String COFFEE_LAKE = "coffee-lake";
  /** The KVM dump sample's profile. */
  public static final String KVM_DUMP = "kvm-dump";
  /** Constructed: EPT and VPID but no unrestricted guest. */
  public static final String NO_UNRESTRICTED_GUEST = "no-unrestricted-guest";
  /** Constructed: no TRUE MSRs, no secondary controls. */
  public static final String NO_TRUE_NO_SECONDARY = "no-true-no-secondary";

  private static final Map<String, VmxCapabilities> ALL = load();

  private TestProfiles() {}

  /** Every profile, by name, in the order above. */
  public static Map<String, VmxCapabilities> all() {
    return ALL;
  }

  /** One profile by name. */
  public static VmxCapabilities get(String name) {
    VmxCapabilities profile = ALL.get(name);
    if (profile == null) {
      throw new IllegalArgumentException("no test profile " + name);
    }
    return profile;
  }

  private static Map<String, VmxCapabilities> load() {
    Map<String, VmxCapabilities> all = new LinkedHashMap<>();
    all.put(COFFEE_LAKE, VmxCapabilities.sample());
    all.put(KVM_DUMP, resource("/dev/vmcscodegen/runtime/image/kvm-dump-sample.msr"));
    all.put(NO_UNRESTRICTED_GUEST, resource("/dev/vmcscodegen/runtime/profiles/no-unrestricted-guest.msr"));
    all.put(NO_TRUE_NO_SECONDARY, resource("/dev/vmcscodegen/runtime/profiles/no-true-no-secondary.msr"));
    return java.util.Collections.unmodifiableMap(all);
  }

  private static VmxCapabilities resource(String path) {
    try (InputStream in = TestProfiles.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from the test class path");
      }
      return VmxCapabilities.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
