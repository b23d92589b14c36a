package dev.vmcscodegen.runtime.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The project's sample of a Linux KVM {@code dump_vmcs} log ({@code kvm-dump-sample.txt}, a failed VM
 * entry of a 64-bit Linux guest) and the capability profile of the processor it ran on
 * ({@code kvm-dump-sample.msr}), for the parser's tests and the checker's.
 */
public final class KvmDumpSample {

  private KvmDumpSample() {}

  /** The dump's text. */
  public static String text() {
    return resource("kvm-dump-sample.txt");
  }

  /** The profile's text. */
  public static String profile() {
    return resource("kvm-dump-sample.msr");
  }

  private static String resource(String name) {
    try (InputStream in = KvmDumpSample.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
