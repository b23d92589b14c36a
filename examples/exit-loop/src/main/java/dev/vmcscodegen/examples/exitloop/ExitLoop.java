package dev.vmcscodegen.examples.exitloop;

import dev.vmcscodegen.runtime.EntryOutcome;
import dev.vmcscodegen.runtime.capability.VmxBasic;
import dev.vmcscodegen.runtime.capability.VmxCapabilities;
import dev.vmcscodegen.runtime.event.EventInjector;
import dev.vmcscodegen.runtime.exit.GeneralPurposeRegister;
import dev.vmcscodegen.runtime.exit.InterruptionInformation;
import dev.vmcscodegen.runtime.software.SoftwareVmcs;
import dev.vmcscodegen.runtime.template.Launch;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small hypervisor exit loop over the software VMCS: load the sample capability profile, configure
 * the controls with Algorithm 3, write host and guest state, then enter the guest and handle the VM
 * exits {@link GuestScript} plays, printing a trace. Run it with
 * {@code java -jar examples/exit-loop/target/exit-loop.jar}.
 */
public final class ExitLoop {

  private final VmxCapabilities capabilities;
  private final SoftwareVmcs vmcs;
  private final Map<GeneralPurposeRegister, Long> registers = new EnumMap<>(GeneralPurposeRegister.class);
  private final List<String> trace = new ArrayList<>();
  private final ExitHandler handler;

  /** A loop over a fresh software VMCS serving {@code capabilities} to RDMSR. */
  public ExitLoop(VmxCapabilities capabilities) {
    this.capabilities = capabilities;
    this.vmcs = SoftwareVmcs.builder().msrs(capabilities.msrs()).build();
    this.handler = new ExitHandler(vmcs, capabilities, registers, trace::add);
  }

  /** Runs the example and prints its trace. */
  public static void main(String[] args) {
    ExitLoop loop = new ExitLoop(VmxCapabilities.sample());
    loop.run(GuestScript.exits());
    PrintWriter out = new PrintWriter(System.out, true);
    loop.trace().forEach(out::println);
    out.flush();
  }

  /** Sets up the VMCS, then enters the guest once for each scripted exit and handles the exit. */
  public void run(List<ScriptedExit> exits) {
    VmxBasic basic = capabilities.basic();
    trace.add(String.format("capabilities: sample profile, VMCS revision %d, %d-byte region, TRUE controls %s",
        basic.revisionId(), basic.vmcsRegionSize(), basic.trueControls() ? "yes" : "no"));
    Launch launch = VmSetup.launch(capabilities);
    launch.controls().explain().lines().forEach(line -> trace.add("controls: " + line));
    VmSetup.write(vmcs, capabilities, launch);
    trace.add("host and guest state written: template " + launch.mode().description()
        + "; then CR4.PAE = 1, IA32_EFER.LME = 1");
    boolean launched = false;
    int number = 0;
    for (ScriptedExit exit : exits) {
      Optional<InterruptionInformation> pending = new EventInjector(vmcs, capabilities).pendingEvent();
      EntryOutcome outcome = launched ? vmcs.vmresume() : vmcs.vmlaunch();
      String instruction = launched ? "VMRESUME" : "VMLAUNCH";
      if (!(outcome instanceof EntryOutcome.Entered)) {
        trace.add(instruction + " failed: " + outcome);
        return;
      }
      trace.add(instruction + ": guest entered" + pending.map(event -> String.format(
          ", delivering vector %d (%s)", event.vector(), event.type().name())).orElse(""));
      launched = true;
      registers.putAll(exit.registers());
      exit.simulate(vmcs);
      handler.handle(++number);
    }
    trace.add(String.format("done: %d exits handled, serial output \"%s\", guest IA32_EFER 0x%X, EPT pages mapped %s",
        number, handler.serialOutput(), handler.guestEfer(), hexList(handler.mappedPages())));
  }

  /** The trace lines printed so far. */
  public List<String> trace() {
    return List.copyOf(trace);
  }

  /** The software VMCS, for inspecting the state the loop left. */
  public SoftwareVmcs vmcs() {
    return vmcs;
  }

  /** The guest registers as the VMM last saw them. */
  public Map<GeneralPurposeRegister, Long> registers() {
    return Map.copyOf(registers);
  }

  private static String hexList(java.util.Set<Long> values) {
    return values.stream().sorted().map(value -> String.format("0x%X", value)).toList().toString();
  }
}
