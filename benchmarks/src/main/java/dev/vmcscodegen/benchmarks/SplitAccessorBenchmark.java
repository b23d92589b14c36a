package dev.vmcscodegen.benchmarks;

import dev.vmcscodegen.encoding.HostWidth;
import dev.vmcscodegen.runtime.VmxInstructions;
import dev.vmcscodegen.runtime.fields.VmcsGuest64;
import dev.vmcscodegen.runtime.fields.VmcsGuestNW;
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
 * The accessors on a 32-bit host, where a 64-bit field takes two accesses, bits 31:0 at the full
 * encoding and bits 63:32 at the high one (full + 1), and a natural-width field is 32 bits
 * (SDM Vol. 3C 25.11.2). The raw side does the two accesses by hand.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SplitAccessorBenchmark {

  /** Guest IA32_EFER, 64-bit, full access (SDM Vol. 3D B.2.3). */
  private static final int GUEST_IA32_EFER = 0x2806;
  /** Guest IA32_EFER, high access: bits 63:32. */
  private static final int GUEST_IA32_EFER_HIGH = GUEST_IA32_EFER + 1;
  /** Guest RIP, natural width (SDM Vol. 3D B.4.3). */
  private static final int GUEST_RIP = 0x681E;
  private static final long LOW_32 = 0xFFFF_FFFFL;

  /** Which backend runs the instructions (see {@link Backends}). */
  @Param({Backends.SOFTWARE, Backends.ARRAY})
  public String backend;

  private VmxInstructions vmx;
  private long value64;
  private long value32;

  /** Builds a 32-bit-host backend and gives the fields non-zero values in both halves. */
  @Setup(Level.Trial)
  public void setUp() {
    vmx = Backends.create(backend, HostWidth.BITS_32);
    value64 = 0x0000_0001_0000_0D01L;
    value32 = 0x0010_0000L;
    vmx.vmwrite(GUEST_IA32_EFER, value64 & LOW_32);
    vmx.vmwrite(GUEST_IA32_EFER_HIGH, value64 >>> 32);
    vmx.vmwrite(GUEST_RIP, value32);
  }

  /** {@code VmcsGuest64.IA32_EFER.read}: two accesses. */
  @Benchmark
  public long read64SplitGenerated() {
    return VmcsGuest64.IA32_EFER.read(vmx);
  }

  /** {@code vmread(0x2807) << 32 | vmread(0x2806)}. */
  @Benchmark
  public long read64SplitRaw() {
    long low = vmx.vmread(GUEST_IA32_EFER);
    return (vmx.vmread(GUEST_IA32_EFER_HIGH) << 32) | low;
  }

  /** {@code VmcsGuest64.IA32_EFER.write}: two accesses. */
  @Benchmark
  public void write64SplitGenerated() {
    VmcsGuest64.IA32_EFER.write(vmx, value64);
  }

  /** {@code vmwrite(0x2806, low); vmwrite(0x2807, high)}. */
  @Benchmark
  public void write64SplitRaw() {
    vmx.vmwrite(GUEST_IA32_EFER, value64 & LOW_32);
    vmx.vmwrite(GUEST_IA32_EFER_HIGH, value64 >>> 32);
  }

  /** {@code VmcsGuestNW.RIP.read}: 32 bits on this host. */
  @Benchmark
  public long readNaturalGenerated() {
    return VmcsGuestNW.RIP.read(vmx);
  }

  /** {@code vmread(0x681E)}. */
  @Benchmark
  public long readNaturalRaw() {
    return vmx.vmread(GUEST_RIP);
  }

  /** {@code VmcsGuestNW.RIP.write}: checks the value fits 32 bits. */
  @Benchmark
  public void writeNaturalGenerated() {
    VmcsGuestNW.RIP.write(vmx, value32);
  }

  /** {@code vmwrite(0x681E, value)}. */
  @Benchmark
  public void writeNaturalRaw() {
    vmx.vmwrite(GUEST_RIP, value32);
  }
}
