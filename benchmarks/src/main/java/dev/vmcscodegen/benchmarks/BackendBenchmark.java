package dev.vmcscodegen.benchmarks;

import dev.vmcscodegen.encoding.HostWidth;
import dev.vmcscodegen.runtime.VmxInstructions;
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
 * The software VMCS against the {@code HashMap<Integer, Long>} backend a user might write
 * ({@link MapVmcs}) and the unchecked array ({@link ArrayVmcs}), through raw VMREAD/VMWRITE: one read,
 * one write, and the accesses of a typical exit handler (exit reason, qualification, instruction
 * length and RIP read, RIP advanced).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BackendBenchmark {

  /** Exit reason, 32-bit read-only (SDM Vol. 3D B.3.2). */
  private static final int EXIT_REASON = 0x4402;
  /** VM-exit instruction length, 32-bit read-only (SDM Vol. 3D B.3.2). */
  private static final int VM_EXIT_INSTRUCTION_LENGTH = 0x440C;
  /** Exit qualification, natural-width read-only (SDM Vol. 3D B.4.2). */
  private static final int EXIT_QUALIFICATION = 0x6400;
  /** Guest RIP, natural width (SDM Vol. 3D B.4.3). */
  private static final int GUEST_RIP = 0x681E;
  /** Basic exit reason 30, I/O instruction (SDM Vol. 3D Appendix C). */
  private static final long IO_INSTRUCTION = 30;
  private static final long START_RIP = 0xFFFF_8000_0010_0000L;

  /** Which backend runs the instructions (see {@link Backends}). */
  @Param({Backends.SOFTWARE, Backends.MAP, Backends.ARRAY})
  public String backend;

  private VmxInstructions vmx;
  private long value;

  /** Builds the backend and scripts an I/O-instruction exit (OUT DX, AL to port 0x3F8). */
  @Setup(Level.Trial)
  public void setUp() {
    vmx = Backends.create(backend, HostWidth.BITS_64);
    Backends.preset(vmx, EXIT_REASON, IO_INSTRUCTION);
    // SDM Vol. 3C Table 28-5: bits 2:0 size - 1 (0: 1 byte), bit 6 DX operand, bits 31:16 port
    Backends.preset(vmx, EXIT_QUALIFICATION, (0x3F8L << 16) | (1L << 6));
    Backends.preset(vmx, VM_EXIT_INSTRUCTION_LENGTH, 1);
    vmx.vmwrite(GUEST_RIP, START_RIP);
    value = START_RIP;
  }

  /** One VMREAD of the guest RIP. */
  @Benchmark
  public long read() {
    return vmx.vmread(GUEST_RIP);
  }

  /** One VMWRITE of the guest RIP. */
  @Benchmark
  public void write() {
    vmx.vmwrite(GUEST_RIP, value);
  }

  /** Four VMREADs and a VMWRITE: what an exit handler skipping an instruction does. */
  @Benchmark
  public long exitRoundTrip() {
    long reason = vmx.vmread(EXIT_REASON);
    long qualification = vmx.vmread(EXIT_QUALIFICATION);
    long length = vmx.vmread(VM_EXIT_INSTRUCTION_LENGTH);
    long rip = vmx.vmread(GUEST_RIP);
    vmx.vmwrite(GUEST_RIP, START_RIP + ((rip + length) & 0xF));
    return reason + qualification;
  }
}
