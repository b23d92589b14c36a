package dev.vmcscodegen.examples.exitloop;

import dev.vmcscodegen.runtime.arch.Cr0;
import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.control.VmEntryControl;
import dev.vmcscodegen.runtime.event.EventInjection;
import dev.vmcscodegen.runtime.event.EventInjector;
import dev.vmcscodegen.runtime.exit.ControlRegisterAccessQualification;
import dev.vmcscodegen.runtime.exit.ControlRegisterAccessType;
import dev.vmcscodegen.runtime.exit.EptViolation;
import dev.vmcscodegen.runtime.exit.EptViolationQualification;
import dev.vmcscodegen.runtime.exit.ExitInfo;
import dev.vmcscodegen.runtime.exit.ExitQualification;
import dev.vmcscodegen.runtime.exit.GeneralPurposeRegister;
import dev.vmcscodegen.runtime.exit.InterruptionType;
import dev.vmcscodegen.runtime.exit.IoInstructionQualification;
import dev.vmcscodegen.runtime.exit.VectoredEvent;
import dev.vmcscodegen.runtime.fields.VmcsControlNW;
import dev.vmcscodegen.runtime.fields.VmcsGuest64;
import dev.vmcscodegen.runtime.fields.VmcsGuestNW;
import dev.vmcscodegen.runtime.software.SoftwareVmcs;
import dev.vmcscodegen.runtime.state.LongMode;
import dev.vmcscodegen.runtime.state.LongModeUpdate;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Handles one VM exit the way a small VMM does: read the exit information with the runtime's decoders,
 * emulate or fix what the guest needed, advance RIP past an emulated instruction, and re-inject an
 * event whose delivery the exit interrupted (SDM Vol. 3C 28.2.4).
 */
final class ExitHandler {

  /** COM1's data register: what the guest writes there is its console output. */
  static final int SERIAL_PORT = 0x3F8;
  /** The vector the VMM's virtual timer raises to wake a halted guest. */
  static final int TIMER_VECTOR = 0x20;
  /** The hypervisor's CPUID vendor signature, 12 characters in EBX, ECX, EDX. */
  static final String HYPERVISOR_SIGNATURE = "vmcs-codegen";

  private static final long PAGE_MASK = ~0xFFFL;

  private final SoftwareVmcs vmcs;
  private final VmxCapabilities capabilities;
  private final EventInjector injector;
  private final Map<GeneralPurposeRegister, Long> registers;
  private final StringBuilder serial = new StringBuilder();
  private final Set<Long> mappedPages = new TreeSet<>();
  private final Consumer<String> trace;

  ExitHandler(SoftwareVmcs vmcs, VmxCapabilities capabilities, Map<GeneralPurposeRegister, Long> registers,
      Consumer<String> trace) {
    this.vmcs = vmcs;
    this.capabilities = capabilities;
    this.injector = new EventInjector(vmcs, capabilities);
    this.registers = registers;
    this.trace = trace;
  }

  /** What the guest wrote to the serial port so far. */
  String serialOutput() {
    return serial.toString();
  }

  /** The guest-physical pages mapped on EPT violations. */
  Set<Long> mappedPages() {
    return Set.copyOf(mappedPages);
  }

  /** Handles exit number {@code number}, tracing what it did. */
  void handle(int number) {
    ExitInfo info = ExitInfo.read(vmcs);
    trace.accept(String.format("exit %d: %s (basic reason %d) at RIP 0x%X", number, info.reason().name(),
        info.basicReason(), info.guestRip()));
    ExitQualification qualification = info.readQualification(vmcs);
    switch (info.reason()) {
      case IO_INSTRUCTION -> io((IoInstructionQualification) qualification, info);
      case CPUID -> cpuid(info);
      case CONTROL_REGISTER_ACCESSES -> controlRegister((ControlRegisterAccessQualification) qualification, info);
      case EPT_VIOLATION -> eptViolation();
      case HLT -> hlt(info);
      default -> throw new IllegalStateException("the example VMM does not handle " + info.reason());
    }
    reinjectInterruptedEvent();
  }

  private void io(IoInstructionQualification io, ExitInfo info) {
    int bytes = io.accessSize().bytes();
    if (io.in() || io.string() || io.port() != SERIAL_PORT || bytes != 1) {
      throw new IllegalStateException("the example VMM emulates only OUT of 1 byte to port 0x3F8, not " + io);
    }
    int value = (int) (registers.getOrDefault(GeneralPurposeRegister.RAX, 0L) & 0xFF);
    serial.append((char) value);
    trace.accept(String.format("  OUT %d byte to port 0x%X from AL = 0x%02X '%c': serial output", bytes,
        io.port(), value, (char) value));
    advance(info);
  }

  private void cpuid(ExitInfo info) {
    long leaf = registers.getOrDefault(GeneralPurposeRegister.RAX, 0L) & 0xFFFF_FFFFL;
    byte[] signature = HYPERVISOR_SIGNATURE.getBytes(StandardCharsets.US_ASCII);
    boolean hypervisorLeaf = leaf == GuestScript.HYPERVISOR_CPUID_LEAF;
    registers.put(GeneralPurposeRegister.RAX, hypervisorLeaf ? GuestScript.HYPERVISOR_CPUID_LEAF : 0L);
    registers.put(GeneralPurposeRegister.RBX, hypervisorLeaf ? littleEndian(signature, 0) : 0L);
    registers.put(GeneralPurposeRegister.RCX, hypervisorLeaf ? littleEndian(signature, 4) : 0L);
    registers.put(GeneralPurposeRegister.RDX, hypervisorLeaf ? littleEndian(signature, 8) : 0L);
    trace.accept(String.format("  CPUID leaf 0x%X: EAX = 0x%X, EBX:ECX:EDX = \"%s\"", leaf,
        registers.get(GeneralPurposeRegister.RAX), hypervisorLeaf ? HYPERVISOR_SIGNATURE : ""));
    advance(info);
  }

  private void controlRegister(ControlRegisterAccessQualification access, ExitInfo info) {
    if (access.accessType() != ControlRegisterAccessType.MOV_TO_CR || access.controlRegister() != 0) {
      throw new IllegalStateException("the example VMM emulates only MOV to CR0, not " + access);
    }
    long cr0 = registers.getOrDefault(access.register(), 0L);
    LongModeUpdate update = LongMode.onGuestPagingChange(vmcs, capabilities, cr0);
    VmcsGuestNW.CR0.write(vmcs, cr0);
    VmcsControlNW.CR0_READ_SHADOW.write(vmcs, cr0);
    trace.accept(String.format("  MOV to CR0 from %s = 0x%X: paging %s", access.register(), cr0,
        (cr0 & Cr0.PG) != 0 ? "on" : "off"));
    trace.accept(String.format("  long mode %s: guest IA32_EFER 0x%X -> 0x%X, IA-32e mode guest entry control %s",
        update.action().name().toLowerCase(Locale.ROOT), update.eferBefore(), update.eferAfter(),
        (update.entryControlsAfter() & VmEntryControl.IA32E_MODE_GUEST.mask()) != 0 ? "on" : "off"));
    advance(info);
  }

  private void eptViolation() {
    EptViolation violation = EptViolation.read(vmcs);
    EptViolationQualification access = violation.qualification();
    String kind = access.dataWrite() ? "data write" : access.instructionFetch() ? "instruction fetch" : "data read";
    long page = violation.guestPhysicalAddress() & PAGE_MASK;
    mappedPages.add(page);
    trace.accept(String.format("  %s of GPA 0x%X (linear 0x%X), %s: map guest page 0x%X; retry (RIP unchanged)",
        kind, violation.guestPhysicalAddress(), violation.guestLinearAddress().orElse(0),
        access.notPresent() ? "not present in EPT" : "not permitted by EPT", page));
  }

  private void hlt(ExitInfo info) {
    advance(info);
    EventInjection timer = EventInjection.of(InterruptionType.EXTERNAL_INTERRUPT, TIMER_VECTOR);
    injector.inject(timer);
    trace.accept("  guest halted: wake it with " + timer.describe() + " (timer) on the next entry");
  }

  private void reinjectInterruptedEvent() {
    VectoredEvent interrupted = VectoredEvent.readIdtVectoring(vmcs);
    if (interrupted.valid()) {
      injector.reinjectIdtVectoring().ifPresent(event ->
          trace.accept("  the exit interrupted event delivery: re-inject " + event.describe()));
    }
  }

  private void advance(ExitInfo info) {
    long next = info.guestRip() + info.instructionLength();
    VmcsGuestNW.RIP.write(vmcs, next);
    trace.accept(String.format("  RIP 0x%X -> 0x%X (instruction length %d)", info.guestRip(), next,
        info.instructionLength()));
  }

  private static long littleEndian(byte[] bytes, int from) {
    long value = 0;
    for (int i = 3; i >= 0; i--) {
      value = value << 8 | (bytes[from + i] & 0xFF);
    }
    return value;
  }

  /** The guest's current IA32_EFER field, for the final summary. */
  long guestEfer() {
    return VmcsGuest64.IA32_EFER.read(vmcs);
  }
}
