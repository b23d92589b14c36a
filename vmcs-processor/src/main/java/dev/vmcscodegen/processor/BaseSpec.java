package dev.vmcscodegen.processor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The base spec (the repository's {@code vmcs-fields.spec}, SDM Vol. 3D Appendix B) that ships in the
 * processor jar: what {@code @VmcsSpec(extendsBase = true)} specs are checked against, and what the
 * command-line tool and the benchmarks read. Kept apart from {@link VmcsProcessor} so that reading it
 * does not put the processor's own annotations on a user's compile path.
 */
public final class BaseSpec {

  /** Where the base spec sits in the processor jar. */
  public static final String RESOURCE = "/META-INF/vmcs-codegen/vmcs-fields.spec";

  private BaseSpec() {}

  /**
   * The text of the base spec.
   *
   * @throws IOException if the resource is missing from the class path or cannot be read
   */
  public static String read() throws IOException {
    try (InputStream in = BaseSpec.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("the base spec " + RESOURCE + " is missing from the vmcs-processor jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
