package dev.vmcscodegen.benchmarks;

import dev.vmcscodegen.runtime.image.DumpFormat;
import dev.vmcscodegen.runtime.image.DumpReading;
import dev.vmcscodegen.runtime.image.KvmDumpParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Reading a KVM dump out of a whole kernel log, as {@code vmcs check --dump kern.log} does: a log of
 * {@code megabytes} of other kernel lines with the journalctl prefix, then the project's dump sample
 * ({@code docs/examples/kvm-dump-sample.txt}) behind the same prefix. {@code detect} tells the format
 * (it stops at the first dump line, so it reads the whole noise), {@code read} parses the image, {@code both}
 * is what the command does. Throughput in MB/s is {@code megabytes} divided by the time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DumpReadBenchmark {

  private static final String PREFIX = "Jun 24 17:25:51 host kernel: ";
  private static final String NOISE = PREFIX
      + "[ 2311.499067] usb 1-1: new high-speed USB device number 2 using xhci_hcd\n";

  /** The size of the log before the dump. */
  @Param({"1", "16"})
  public int megabytes;

  private byte[] log;

  /** Builds the log once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] noise = NOISE.getBytes(StandardCharsets.US_ASCII);
    while (out.size() < megabytes * 1024 * 1024) {
      out.writeBytes(noise);
    }
    try (InputStream sample = DumpReadBenchmark.class.getResourceAsStream("kvm-dump-sample.txt")) {
      if (sample == null) {
        throw new IllegalStateException("kvm-dump-sample.txt is missing from the benchmark jar");
      }
      new String(sample.readAllBytes(), StandardCharsets.UTF_8).lines()
          .forEach(line -> out.writeBytes((PREFIX + line + "\n").getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    log = out.toByteArray();
    if (read().parsed().value().size() < 100) {
      throw new IllegalStateException("the sample was not read from the log");
    }
  }

  /** Tells the format. */
  @Benchmark
  public DumpFormat detect() {
    return DumpFormat.detect(new ByteArrayInputStream(log), "kern.log");
  }

  /** Parses the dump out of the log. */
  @Benchmark
  public DumpReading read() {
    return KvmDumpParser.read(new ByteArrayInputStream(log), "kern.log");
  }

  /** Both, as {@code vmcs check --dump} does. */
  @Benchmark
  public DumpReading both() {
    if (detect() != DumpFormat.KVM) {
      throw new IllegalStateException("not told as a KVM dump");
    }
    return read();
  }
}
