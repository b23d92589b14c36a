package dev.vmcscodegen.benchmarks;

import dev.vmcscodegen.encoding.HostWidth;
import dev.vmcscodegen.runtime.VmxInstructions;
import dev.vmcscodegen.runtime.fields.VmcsGuest16;
import dev.vmcscodegen.runtime.fields.VmcsGuest32;
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
 * Each generated accessor against the raw {@code vmread}/{@code vmwrite} it wraps, on a 64-bit host,
 * one pair per width. Raw methods use the encodings the SDM gives (Vol. 3D Appendix B) as literals,
 * as hand-written code would. Pairs are named {@code <width><Read|Write>Generated} and
 * {@code <width><Read|Write>Raw}; the ratio of a pair is the accessor's overhead.
 *
 * <p>{@code <width>ReadRawField} reads through the raw call with the encoding taken from a field of
 * this state instead of a literal: the data flow of the generated method, whose encoding is the enum
 * constant's {@code final} field, which HotSpot does not fold to a constant. Generated against
 * raw-field separates what the accessor adds (the zero-extension check, the host-width test) from what
 * the literal lets C2 fold in the backend.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AccessorBenchmark {

  /** Guest CS selector, 16-bit (SDM Vol. 3D B.1.2). */
  private static final int GUEST_CS_SELECTOR = 0x0802;
  /** Guest CS limit, 32-bit (SDM Vol. 3D B.3.3). */
  private static final int GUEST_CS_LIMIT = 0x4802;
  /** Guest IA32_EFER, 64-bit (SDM Vol. 3D B.2.3). */
  private static final int GUEST_IA32_EFER = 0x2806;
  /** Guest RIP, natural width (SDM Vol. 3D B.4.3). */
  private static final int GUEST_RIP = 0x681E;

  /** Which backend runs the instructions (see {@link Backends}). */
  @Param({Backends.SOFTWARE, Backends.ARRAY})
  public String backend;

  private VmxInstructions vmx;
  /** The encodings as run-time values, for the {@code RawField} baselines. */
  private int csSelector = GUEST_CS_SELECTOR;
  private int csLimit = GUEST_CS_LIMIT;
  private int ia32Efer = GUEST_IA32_EFER;
  private int rip = GUEST_RIP;
  private short value16;
  private int value32;
  private long value64;

  /** Builds the backend and gives the fields non-zero values. */
  @Setup(Level.Trial)
  public void setUp() {
    vmx = Backends.create(backend, HostWidth.BITS_64);
    value16 = 0x0010;
    value32 = 0x000F_FFFF;
    value64 = 0x0000_0D01L;
    vmx.vmwrite(GUEST_CS_SELECTOR, value16);
    vmx.vmwrite(GUEST_CS_LIMIT, value32);
    vmx.vmwrite(GUEST_IA32_EFER, value64);
    vmx.vmwrite(GUEST_RIP, 0xFFFF_8000_0010_0000L);
  }

  /** {@code VmcsGuest16.CS_SELECTOR.read}. */
  @Benchmark
  public short read16Generated() {
    return VmcsGuest16.CS_SELECTOR.read(vmx);
  }

  /** {@code vmread(0x0802)}. */
  @Benchmark
  public long read16Raw() {
    return vmx.vmread(GUEST_CS_SELECTOR);
  }

  /** {@code vmread(encoding)} with the encoding from a field. */
  @Benchmark
  public long read16RawField() {
    return vmx.vmread(csSelector);
  }

  /** {@code VmcsGuest16.CS_SELECTOR.write}. */
  @Benchmark
  public void write16Generated() {
    VmcsGuest16.CS_SELECTOR.write(vmx, value16);
  }

  /** {@code vmwrite(0x0802, value)}. */
  @Benchmark
  public void write16Raw() {
    vmx.vmwrite(GUEST_CS_SELECTOR, Short.toUnsignedLong(value16));
  }

  /** {@code VmcsGuest32.CS_LIMIT.read}. */
  @Benchmark
  public int read32Generated() {
    return VmcsGuest32.CS_LIMIT.read(vmx);
  }

  /** {@code vmread(0x4802)}. */
  @Benchmark
  public long read32Raw() {
    return vmx.vmread(GUEST_CS_LIMIT);
  }

  /** {@code vmread(encoding)} with the encoding from a field. */
  @Benchmark
  public long read32RawField() {
    return vmx.vmread(csLimit);
  }

  /** {@code VmcsGuest32.CS_LIMIT.write}. */
  @Benchmark
  public void write32Generated() {
    VmcsGuest32.CS_LIMIT.write(vmx, value32);
  }

  /** {@code vmwrite(0x4802, value)}. */
  @Benchmark
  public void write32Raw() {
    vmx.vmwrite(GUEST_CS_LIMIT, Integer.toUnsignedLong(value32));
  }

  /** {@code VmcsGuest64.IA32_EFER.read}. */
  @Benchmark
  public long read64Generated() {
    return VmcsGuest64.IA32_EFER.read(vmx);
  }

  /** {@code vmread(0x2806)}. */
  @Benchmark
  public long read64Raw() {
    return vmx.vmread(GUEST_IA32_EFER);
  }

  /** {@code vmread(encoding)} with the encoding from a field. */
  @Benchmark
  public long read64RawField() {
    return vmx.vmread(ia32Efer);
  }

  /** {@code VmcsGuest64.IA32_EFER.write}. */
  @Benchmark
  public void write64Generated() {
    VmcsGuest64.IA32_EFER.write(vmx, value64);
  }

  /** {@code vmwrite(0x2806, value)}. */
  @Benchmark
  public void write64Raw() {
    vmx.vmwrite(GUEST_IA32_EFER, value64);
  }

  /** {@code VmcsGuestNW.RIP.read}. */
  @Benchmark
  public long readNaturalGenerated() {
    return VmcsGuestNW.RIP.read(vmx);
  }

  /** {@code vmread(0x681E)}. */
  @Benchmark
  public long readNaturalRaw() {
    return vmx.vmread(GUEST_RIP);
  }

  /** {@code vmread(encoding)} with the encoding from a field. */
  @Benchmark
  public long readNaturalRawField() {
    return vmx.vmread(rip);
  }

  /** {@code VmcsGuestNW.RIP.write}. */
  @Benchmark
  public void writeNaturalGenerated() {
    VmcsGuestNW.RIP.write(vmx, value64);
  }

  /** {@code vmwrite(0x681E, value)}. */
  @Benchmark
  public void writeNaturalRaw() {
    vmx.vmwrite(GUEST_RIP, value64);
  }
}
