package dev.vmcscodegen.benchmarks;

import dev.vmcscodegen.encoding.HostWidth;
import dev.vmcscodegen.runtime.VmxInstructions;
import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.event.EventInjection;
import dev.vmcscodegen.runtime.event.EventInjector;
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
 * Injecting a page fault with its error code (SDM Vol. 3C 27.6) through {@link EventInjector}, which
 * checks SDM Vol. 3C 27.2.1.3 and that no event is pending, against the accesses a hand-written
 * hypervisor makes: VMREAD of the pending event and the guest CR0, VMWRITE of the error code and the
 * interruption information. Both then clear the valid bit, as the next VM entry would
 * (SDM Vol. 3C 28.2.1), so every call injects.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InjectionBenchmark {

  /** VM-entry interruption-information field, 32-bit control (SDM Vol. 3D B.3.1). */
  private static final int VM_ENTRY_INTERRUPTION_INFORMATION = 0x4016;
  /** VM-entry exception error code, 32-bit control (SDM Vol. 3D B.3.1). */
  private static final int VM_ENTRY_EXCEPTION_ERROR_CODE = 0x4018;
  /** Guest CR0, natural width (SDM Vol. 3D B.4.3). */
  private static final int GUEST_CR0 = 0x6800;
  /** CR0.PE (bit 0) and CR0.PG (bit 31), SDM Vol. 3A 2.5. */
  private static final long CR0_PE = 1L;
  private static final long CR0_PG = 1L << 31;
  /** Interruption information (SDM Vol. 3C Table 25-17): bits 10:8 type, 11 deliver error code, 31 valid. */
  private static final int TYPE_SHIFT = 8;
  private static final int HARDWARE_EXCEPTION = 3;
  private static final int DELIVER_ERROR_CODE = 1 << 11;
  private static final int VALID = 1 << 31;
  /** #PF, vector 14 (SDM Vol. 3A Table 6-1): a write by user code to a present page. */
  private static final int PAGE_FAULT = 14;
  private static final int ERROR_CODE = 0b111;

  /** Which backend runs the instructions (see {@link Backends}). */
  @Param({Backends.SOFTWARE})
  public String backend;

  private VmxInstructions vmx;
  private EventInjector injector;
  private int errorCode;

  /** Builds the backend in a protected-mode guest and the injector over the sample profile. */
  @Setup(Level.Trial)
  public void setUp() {
    vmx = Backends.create(backend, HostWidth.BITS_64);
    vmx.vmwrite(GUEST_CR0, CR0_PE | CR0_PG);
    injector = new EventInjector(vmx, VmxCapabilities.sample());
    errorCode = ERROR_CODE;
  }

  /** {@code injector.injectHardwareException(14, code)}, then the valid bit cleared. */
  @Benchmark
  public void injectGenerated() {
    injector.injectHardwareException(PAGE_FAULT, errorCode);
    vmx.vmwrite(VM_ENTRY_INTERRUPTION_INFORMATION, 0);
  }

  /**
   * {@code injector.inject(EventInjection.hardwareException(14, code))}, then the valid bit cleared: the
   * record form, whose record escapes when C2 does not inline {@code inject} into the caller.
   */
  @Benchmark
  public void injectRecord() {
    injector.inject(EventInjection.hardwareException(PAGE_FAULT, errorCode));
    vmx.vmwrite(VM_ENTRY_INTERRUPTION_INFORMATION, 0);
  }

  /** The same accesses by hand, then the valid bit cleared. */
  @Benchmark
  public void injectRaw() {
    if ((vmx.vmread(VM_ENTRY_INTERRUPTION_INFORMATION) & VALID) != 0) {
      throw new IllegalStateException("an event is pending");
    }
    boolean protectedMode = (vmx.vmread(GUEST_CR0) & CR0_PE) != 0;
    int information = PAGE_FAULT | (HARDWARE_EXCEPTION << TYPE_SHIFT) | VALID;
    if (protectedMode) {
      vmx.vmwrite(VM_ENTRY_EXCEPTION_ERROR_CODE, Integer.toUnsignedLong(errorCode));
      information |= DELIVER_ERROR_CODE;
    }
    vmx.vmwrite(VM_ENTRY_INTERRUPTION_INFORMATION, Integer.toUnsignedLong(information));
    vmx.vmwrite(VM_ENTRY_INTERRUPTION_INFORMATION, 0);
  }
}
