package dev.vmcscodegen.benchmarks;

import dev.vmcscodegen.encoding.HostWidth;
import dev.vmcscodegen.encoding.VmcsWidth;
import dev.vmcscodegen.runtime.VmxInstructions;
import dev.vmcscodegen.runtime.fields.VmcsFields;
import dev.vmcscodegen.runtime.software.SoftwareVmcs;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The backends a benchmark's {@code backend} parameter names. */
final class Backends {

  /** {@link SoftwareVmcs}: the library's SDM-faithful in-memory VMCS. */
  static final String SOFTWARE = "software";
  /** {@link ArrayVmcs}: one array slot per encoding, no checks. */
  static final String ARRAY = "array";
  /** {@link MapVmcs}: a {@code HashMap<Integer, Long>}. */
  static final String MAP = "map";

  private Backends() {}

  /** A fresh backend of the given name for the given host width, supporting every catalogued field. */
  static VmxInstructions create(String name, HostWidth hostWidth) {
    return switch (name) {
      case SOFTWARE -> SoftwareVmcs.builder().hostWidth(hostWidth).build();
      case ARRAY -> new ArrayVmcs(hostWidth);
      case MAP -> new MapVmcs(supportedEncodings(), hostWidth);
      default -> throw new IllegalArgumentException("unknown backend " + name + ": use "
          + SOFTWARE + ", " + ARRAY + " or " + MAP);
    };
  }

  /**
   * Stores a value as a VM exit would, read-only fields included: {@link SoftwareVmcs#put} for the
   * software VMCS (its VMWRITE refuses read-only fields, as the processor does), VMWRITE otherwise.
   */
  static void preset(VmxInstructions vmx, int encoding, long value) {
    if (vmx instanceof SoftwareVmcs software) {
      software.put(encoding, value);
    } else {
      vmx.vmwrite(encoding, value);
    }
  }

  /**
   * Every access encoding of the catalog: the full one, and the high one (full + 1) of 64-bit fields
   * (SDM Vol. 3C 25.11.2).
   */
  static Set<Integer> supportedEncodings() {
    return VmcsFields.CATALOG.fields().stream()
        .flatMap(field -> field.width() == VmcsWidth.BITS_64
            ? Stream.of(field.encoding(), field.encoding() + 1)
            : Stream.of(field.encoding()))
        .collect(Collectors.toUnmodifiableSet());
  }
}
