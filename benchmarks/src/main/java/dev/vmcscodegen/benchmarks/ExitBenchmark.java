package dev.vmcscodegen.benchmarks;

import dev.vmcscodegen.encoding.HostWidth;
import dev.vmcscodegen.runtime.VmxInstructions;
import dev.vmcscodegen.runtime.exit.ControlRegisterAccessQualification;
import dev.vmcscodegen.runtime.exit.EptViolationQualification;
import dev.vmcscodegen.runtime.exit.ExitInfo;
import dev.vmcscodegen.runtime.exit.ExitQualification;
import dev.vmcscodegen.runtime.exit.IoInstructionQualification;
import dev.vmcscodegen.runtime.exit.RawExitQualification;
import dev.vmcscodegen.runtime.fields.VmcsReadOnlyNW;
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
 * Exit handling: {@link ExitInfo#read} and one qualification decode against the raw VMREADs they
 * need (exit reason, VM-exit instruction length, guest RIP, exit qualification). {@code io*} always
 * sees an I/O-instruction exit and uses its record decoder; {@code mixed*} cycles through four exits
 * (I/O instruction, control-register access, EPT violation, CPUID) through the
 * {@code ExitInfo.readQualification} dispatcher, as a real exit loop does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ExitBenchmark {

  /** Exit reason, 32-bit read-only (SDM Vol. 3D B.3.2). */
  private static final int EXIT_REASON = 0x4402;
  /** VM-exit instruction length, 32-bit read-only (SDM Vol. 3D B.3.2). */
  private static final int VM_EXIT_INSTRUCTION_LENGTH = 0x440C;
  /** Exit qualification, natural-width read-only (SDM Vol. 3D B.4.2). */
  private static final int EXIT_QUALIFICATION = 0x6400;
  /** Guest RIP, natural width (SDM Vol. 3D B.4.3). */
  private static final int GUEST_RIP = 0x681E;
  /** Exit-qualification bits 31:16 of an I/O instruction: the port (SDM Vol. 3C Table 28-5). */
  private static final int IO_PORT_SHIFT = 16;
  private static final long IO_PORT_MASK = 0xFFFF;
  /** Exit-reason bits 15:0: the basic exit reason (SDM Vol. 3C 25.9.1). */
  private static final long BASIC_REASON_MASK = 0xFFFF;
  /** Basic exit reasons (SDM Vol. 3D Appendix C). */
  private static final long REASON_IO_INSTRUCTION = 30;
  private static final long REASON_CONTROL_REGISTER_ACCESS = 28;
  private static final long REASON_EPT_VIOLATION = 48;
  /** Bits 3:0 of a control-register-access qualification: the register number (Table 28-3). */
  private static final long CR_NUMBER_MASK = 0xF;
  /** Bit 1 of an EPT-violation qualification: the access was a data write (Table 28-7). */
  private static final int EPT_DATA_WRITE_BIT = 1;

  /** Basic exit reasons (SDM Vol. 3D Appendix C) and qualifications (SDM Vol. 3C 28.2.1) of the mix. */
  private static final long[][] MIXED_EXITS = {
      // I/O instruction (30): OUT DX, AL to port 0x3F8 (Table 28-5)
      {30, (0x3F8L << 16) | (1L << 6), 1},
      // control-register access (28): MOV to CR3 from RAX (Table 28-3)
      {28, 3, 3},
      // EPT violation (48): data write, guest-linear address valid, translation (Table 28-7)
      {48, (1L << 1) | (1L << 7) | (1L << 8), 0},
      // CPUID (10): no qualification
      {10, 0, 2},
  };

  /** Which backend runs the instructions (see {@link Backends}). */
  @Param({Backends.SOFTWARE})
  public String backend;

  /** One backend an exit of the mix, all of one class, so the call sites stay monomorphic. */
  private final VmxInstructions[] exits = new VmxInstructions[MIXED_EXITS.length];
  private VmxInstructions vmx;
  private int next;
  /** The encodings as run-time values, for {@link #ioRawField} (the generated readers' data flow). */
  private int exitReason = EXIT_REASON;
  private int instructionLength = VM_EXIT_INSTRUCTION_LENGTH;
  private int guestRip = GUEST_RIP;
  private int exitQualification = EXIT_QUALIFICATION;

  /** Builds one backend an exit of the mix and scripts its exit; {@code vmx} holds the I/O exit. */
  @Setup(Level.Trial)
  public void setUp() {
    for (int exit = 0; exit < exits.length; exit++) {
      VmxInstructions backendOfExit = Backends.create(backend, HostWidth.BITS_64);
      backendOfExit.vmwrite(GUEST_RIP, 0xFFFF_8000_0010_0000L);
      Backends.preset(backendOfExit, EXIT_REASON, MIXED_EXITS[exit][0]);
      Backends.preset(backendOfExit, EXIT_QUALIFICATION, MIXED_EXITS[exit][1]);
      Backends.preset(backendOfExit, VM_EXIT_INSTRUCTION_LENGTH, MIXED_EXITS[exit][2]);
      exits[exit] = backendOfExit;
    }
    vmx = exits[0];
  }

  /** {@code ExitInfo.read} and {@code IoInstructionQualification.decode} of the exit qualification. */
  @Benchmark
  public long ioGenerated() {
    ExitInfo info = ExitInfo.read(vmx);
    IoInstructionQualification io = IoInstructionQualification.decode(
        VmcsReadOnlyNW.EXIT_QUALIFICATION.read(vmx));
    return info.reason().ordinal() + info.instructionLength() + info.guestRip() + io.port();
  }

  /** The four VMREADs and the port's bits by hand. */
  @Benchmark
  public long ioRaw() {
    long reason = vmx.vmread(EXIT_REASON) & BASIC_REASON_MASK;
    long length = vmx.vmread(VM_EXIT_INSTRUCTION_LENGTH);
    long rip = vmx.vmread(GUEST_RIP);
    long port = (vmx.vmread(EXIT_QUALIFICATION) >>> IO_PORT_SHIFT) & IO_PORT_MASK;
    return reason + length + rip + port;
  }

  /**
   * {@link #ioRaw} with the encodings taken from fields instead of literals, as the generated readers
   * take them from their enum constants: what is left between this and {@link #ioGenerated} is the
   * decoding and checking.
   */
  @Benchmark
  public long ioRawField() {
    long reason = vmx.vmread(exitReason) & BASIC_REASON_MASK;
    long length = vmx.vmread(instructionLength);
    long rip = vmx.vmread(guestRip);
    long port = (vmx.vmread(exitQualification) >>> IO_PORT_SHIFT) & IO_PORT_MASK;
    return reason + length + rip + port;
  }

  /** {@code ExitInfo.read} and {@code readQualification}, over the four exits of the mix. */
  @Benchmark
  public long mixedGenerated() {
    VmxInstructions current = exits[next = (next + 1) & (MIXED_EXITS.length - 1)];
    ExitInfo info = ExitInfo.read(current);
    return info.instructionLength() + info.guestRip() + handle(info.readQualification(current));
  }

  /**
   * {@code ExitInfo.read}, then a switch on the reason and each record's own {@code decode}, over the
   * four exits of the mix: the allocation-free way to handle varying exits (the dispatcher's record
   * escapes because its type varies at the call site).
   */
  @Benchmark
  public long mixedSwitchGenerated() {
    VmxInstructions current = exits[next = (next + 1) & (MIXED_EXITS.length - 1)];
    ExitInfo info = ExitInfo.read(current);
    long qualification = VmcsReadOnlyNW.EXIT_QUALIFICATION.read(current);
    long handled = switch (info.reason()) {
      case IO_INSTRUCTION -> IoInstructionQualification.decode(qualification).port();
      case CONTROL_REGISTER_ACCESSES -> ControlRegisterAccessQualification.decode(qualification).controlRegister();
      case EPT_VIOLATION -> EptViolationQualification.decode(qualification).dataWrite() ? 1 : 0;
      default -> qualification;
    };
    return info.instructionLength() + info.guestRip() + handled;
  }

  /** The four VMREADs and the same bits by hand, over the four exits of the mix. */
  @Benchmark
  public long mixedRaw() {
    VmxInstructions current = exits[next = (next + 1) & (MIXED_EXITS.length - 1)];
    long reason = current.vmread(EXIT_REASON) & BASIC_REASON_MASK;
    long length = current.vmread(VM_EXIT_INSTRUCTION_LENGTH);
    long rip = current.vmread(GUEST_RIP);
    long qualification = current.vmread(EXIT_QUALIFICATION);
    long handled;
    if (reason == REASON_IO_INSTRUCTION) {
      handled = (qualification >>> IO_PORT_SHIFT) & IO_PORT_MASK;
    } else if (reason == REASON_CONTROL_REGISTER_ACCESS) {
      handled = qualification & CR_NUMBER_MASK;
    } else if (reason == REASON_EPT_VIOLATION) {
      handled = (qualification >>> EPT_DATA_WRITE_BIT) & 1;
    } else {
      handled = qualification;
    }
    return length + rip + handled;
  }

  /** What a handler takes from each decoded qualification. */
  private static long handle(ExitQualification qualification) {
    if (qualification instanceof IoInstructionQualification io) {
      return io.port();
    }
    if (qualification instanceof ControlRegisterAccessQualification cr) {
      return cr.controlRegister();
    }
    if (qualification instanceof EptViolationQualification ept) {
      return ept.dataWrite() ? 1 : 0;
    }
    if (qualification instanceof RawExitQualification raw) {
      return raw.value();
    }
    return -1;
  }
}
