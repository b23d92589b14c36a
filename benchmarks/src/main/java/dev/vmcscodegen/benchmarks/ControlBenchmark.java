package dev.vmcscodegen.benchmarks;

import dev.vmcscodegen.encoding.HostWidth;
import dev.vmcscodegen.runtime.VmxInstructions;
import dev.vmcscodegen.runtime.capability.AllowedSettings;
import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.control.ControlKind;
import dev.vmcscodegen.runtime.control.ControlSetter;
import dev.vmcscodegen.runtime.control.PrimaryProcessorBasedControl;
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
 * {@code set_control} (SDM Vol. 3C 31.5.1 Algorithm 3) through {@link ControlSetter}, which looks the
 * capability up and checks every rule on each call, against the VMREAD, the formula with masks
 * computed once, and the VMWRITE a hand-written hypervisor does. Sets HLT exiting (bit 7 of the
 * primary processor-based controls, SDM Vol. 3C 25.6.2) under the sample capability profile.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ControlBenchmark {

  /** Primary processor-based VM-execution controls, 32-bit control field (SDM Vol. 3D B.3.1). */
  private static final int PRIMARY_PROCESSOR_BASED_CONTROLS = 0x4002;
  private static final long HLT_EXITING = PrimaryProcessorBasedControl.HLT_EXITING.mask();

  /** Which backend runs the instructions (see {@link Backends}). */
  @Param({Backends.SOFTWARE})
  public String backend;

  private VmxInstructions vmx;
  private ControlSetter setter;
  private long fixed1;
  private long flexible;

  /** Builds the backend, the setter over the sample profile, and the raw side's masks. */
  @Setup(Level.Trial)
  public void setUp() {
    vmx = Backends.create(backend, HostWidth.BITS_64);
    VmxCapabilities capabilities = VmxCapabilities.sample();
    setter = new ControlSetter(vmx, capabilities);
    AllowedSettings allowed = capabilities.controlCapability(ControlKind.PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS)
        .orElseThrow().allowed();
    fixed1 = allowed.allowed0();
    flexible = allowed.flexible();
    vmx.vmwrite(PRIMARY_PROCESSOR_BASED_CONTROLS, fixed1);
  }

  /** {@code setter.set(kind, HLT_EXITING, 0)}. */
  @Benchmark
  public long setControlGenerated() {
    return setter.set(ControlKind.PRIMARY_PROCESSOR_BASED_VM_EXECUTION_CONTROLS, HLT_EXITING, 0);
  }

  /** {@code setter.enable(HLT_EXITING)}: the named-bit form. */
  @Benchmark
  public long enableNamedBit() {
    return setter.enable(PrimaryProcessorBasedControl.HLT_EXITING);
  }

  /** VMREAD, {@code fixed1 | (flexible & ~(set | clear) & old) | set}, VMWRITE. */
  @Benchmark
  public long setControlRaw() {
    long old = vmx.vmread(PRIMARY_PROCESSOR_BASED_CONTROLS);
    long value = fixed1 | (flexible & ~HLT_EXITING & old) | HLT_EXITING;
    vmx.vmwrite(PRIMARY_PROCESSOR_BASED_CONTROLS, value);
    return value;
  }
}
