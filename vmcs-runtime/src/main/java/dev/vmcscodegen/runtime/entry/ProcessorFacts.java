package dev.vmcscodegen.runtime.entry;

import dev.vmcscodegen.runtime.LaunchState;
import dev.vmcscodegen.runtime.arch.Efer;
import dev.vmcscodegen.runtime.arch.DebugCtl;
import java.util.OptionalLong;

/**
 * What the VM-entry checks need to know about the processor and the moment of VM entry that no VMCS
 * field holds. Every fact has a documented default ({@link #defaults()}):
 *
 * <ul>
 *   <li>{@code maxPhysicalAddress} 46: MAXPHYADDR, CPUID.80000008H:EAX[7:0] (SDM Vol. 3C 27.2.1.1 "no
 *       bits beyond the processor's physical-address width").
 *   <li>{@code linearAddressWidth} 48: 48, or 57 with 5-level paging (canonical checks, SDM Vol. 3A 3.3.7.1).
 *   <li>{@code vmmInIa32eMode} true: IA32_EFER.LMA of the VMM at VM entry (27.2.4).
 *   <li>{@code instruction} VMLAUNCH and {@code launchState} CLEAR (27.1 basic checks).
 *   <li>{@code inSmm} false, {@code eventsBlockedByMovSs} false (27.1, 27.2.1.3, 27.3.1.5).
 *   <li>{@code rtmSupported} false, {@code sgxSupported} false: CPUID.(EAX=7,ECX=0):EBX bits 11 and 2.
 *   <li>{@code strictNmiUnderSti} false: whether this processor is one that "may require" no blocking
 *       by STI when an NMI is injected (27.3.1.5; exit qualification 3).
 *   <li>{@code eferReservedMask} all bits but SCE (0), LME (8), LMA (10), NXE (11) (SDM Vol. 4 Table 2-2).
 *   <li>{@code debugctlReservedMask} bits 5:2 and 63:16 (SDM Vol. 3B 18.4.1 "IA32_DEBUGCTL MSR";
 *       processor-specific, override for yours).
 *   <li>{@code perfGlobalCtrlReservedMask} unknown: it follows CPUID leaf 0AH; checks of
 *       IA32_PERF_GLOBAL_CTRL are not verifiable until it is given.
 *   <li>{@code currentVmcsPointer} unknown: the VMCS link pointer may not equal it (27.3.1.5).
 * </ul>
 */
public record ProcessorFacts(
    int maxPhysicalAddress,
    int linearAddressWidth,
    boolean vmmInIa32eMode,
    EntryInstruction instruction,
    LaunchState launchState,
    boolean inSmm,
    boolean eventsBlockedByMovSs,
    boolean rtmSupported,
    boolean sgxSupported,
    boolean strictNmiUnderSti,
    long eferReservedMask,
    long debugctlReservedMask,
    OptionalLong perfGlobalCtrlReservedMask,
    OptionalLong currentVmcsPointer) {

  /** Default MAXPHYADDR. */
  public static final int DEFAULT_MAX_PHYSICAL_ADDRESS = 46;
  /** Default linear-address width. */
  public static final int DEFAULT_LINEAR_ADDRESS_WIDTH = 48;
  /** IA32_EFER bits defined on Intel 64: SCE 0, LME 8, LMA 10, NXE 11 (SDM Vol. 4, Table 2-2). */
  public static final long EFER_DEFINED_BITS = Efer.DEFINED;
  /** IA32_DEBUGCTL bits defined on recent processors: 1:0 and 15:6 (SDM Vol. 3B 18.4.1). */
  public static final long DEBUGCTL_DEFINED_BITS = DebugCtl.DEFINED;

  /** Validates the widths and that nothing is null. */
  public ProcessorFacts {
    if (maxPhysicalAddress < 32 || maxPhysicalAddress > 52) {
      throw new IllegalArgumentException("MAXPHYADDR must be 32 to 52 (SDM Vol. 3A 4.1.4), got " + maxPhysicalAddress);
    }
    if (linearAddressWidth != 48 && linearAddressWidth != 57 && linearAddressWidth != 64) {
      throw new IllegalArgumentException("linear-address width must be 48, 57 or 64, got " + linearAddressWidth);
    }
    if (instruction == null || launchState == null || perfGlobalCtrlReservedMask == null
        || currentVmcsPointer == null) {
      throw new NullPointerException("instruction, launchState and the optional masks must not be null");
    }
  }

  /** The documented defaults. */
  public static ProcessorFacts defaults() {
    return new ProcessorFacts(DEFAULT_MAX_PHYSICAL_ADDRESS, DEFAULT_LINEAR_ADDRESS_WIDTH, true,
        EntryInstruction.VMLAUNCH, LaunchState.CLEAR, false, false, false, false, false,
        ~EFER_DEFINED_BITS, ~DEBUGCTL_DEFINED_BITS, OptionalLong.empty(), OptionalLong.empty());
  }

  /** These facts with another MAXPHYADDR. */
  public ProcessorFacts withMaxPhysicalAddress(int bits) {
    return new ProcessorFacts(bits, linearAddressWidth, vmmInIa32eMode, instruction, launchState, inSmm,
        eventsBlockedByMovSs, rtmSupported, sgxSupported, strictNmiUnderSti, eferReservedMask,
        debugctlReservedMask, perfGlobalCtrlReservedMask, currentVmcsPointer);
  }

  /** These facts with the VMM inside or outside IA-32e mode. */
  public ProcessorFacts withVmmInIa32eMode(boolean ia32e) {
    return new ProcessorFacts(maxPhysicalAddress, linearAddressWidth, ia32e, instruction, launchState, inSmm,
        eventsBlockedByMovSs, rtmSupported, sgxSupported, strictNmiUnderSti, eferReservedMask,
        debugctlReservedMask, perfGlobalCtrlReservedMask, currentVmcsPointer);
  }

  /** These facts for another instruction and launch state. */
  public ProcessorFacts withLaunch(EntryInstruction newInstruction, LaunchState newLaunchState) {
    return new ProcessorFacts(maxPhysicalAddress, linearAddressWidth, vmmInIa32eMode, newInstruction,
        newLaunchState, inSmm, eventsBlockedByMovSs, rtmSupported, sgxSupported, strictNmiUnderSti,
        eferReservedMask, debugctlReservedMask, perfGlobalCtrlReservedMask, currentVmcsPointer);
  }

  /** These facts with blocking by MOV SS in the VMM at the VM-entry instruction. */
  public ProcessorFacts withEventsBlockedByMovSs(boolean blocked) {
    return new ProcessorFacts(maxPhysicalAddress, linearAddressWidth, vmmInIa32eMode, instruction, launchState,
        inSmm, blocked, rtmSupported, sgxSupported, strictNmiUnderSti, eferReservedMask,
        debugctlReservedMask, perfGlobalCtrlReservedMask, currentVmcsPointer);
  }

  /** These facts with the processor enforcing (or not) the optional NMI-under-STI rule. */
  public ProcessorFacts withStrictNmiUnderSti(boolean strict) {
    return new ProcessorFacts(maxPhysicalAddress, linearAddressWidth, vmmInIa32eMode, instruction, launchState,
        inSmm, eventsBlockedByMovSs, rtmSupported, sgxSupported, strict, eferReservedMask,
        debugctlReservedMask, perfGlobalCtrlReservedMask, currentVmcsPointer);
  }

  /** These facts with a known IA32_PERF_GLOBAL_CTRL reserved-bit mask. */
  public ProcessorFacts withPerfGlobalCtrlReservedMask(long mask) {
    return new ProcessorFacts(maxPhysicalAddress, linearAddressWidth, vmmInIa32eMode, instruction, launchState,
        inSmm, eventsBlockedByMovSs, rtmSupported, sgxSupported, strictNmiUnderSti, eferReservedMask,
        debugctlReservedMask, OptionalLong.of(mask), currentVmcsPointer);
  }

  /** These facts with a known current-VMCS pointer. */
  public ProcessorFacts withCurrentVmcsPointer(long pointer) {
    return new ProcessorFacts(maxPhysicalAddress, linearAddressWidth, vmmInIa32eMode, instruction, launchState,
        inSmm, eventsBlockedByMovSs, rtmSupported, sgxSupported, strictNmiUnderSti, eferReservedMask,
        debugctlReservedMask, perfGlobalCtrlReservedMask, OptionalLong.of(pointer));
  }

  /** These facts with VM entry executed inside or outside SMM. */
  public ProcessorFacts withInSmm(boolean smm) {
    return new ProcessorFacts(maxPhysicalAddress, linearAddressWidth, vmmInIa32eMode, instruction, launchState,
        smm, eventsBlockedByMovSs, rtmSupported, sgxSupported, strictNmiUnderSti, eferReservedMask,
        debugctlReservedMask, perfGlobalCtrlReservedMask, currentVmcsPointer);
  }

  /** These facts with RTM support on or off. */
  public ProcessorFacts withRtmSupported(boolean supported) {
    return new ProcessorFacts(maxPhysicalAddress, linearAddressWidth, vmmInIa32eMode, instruction, launchState,
        inSmm, eventsBlockedByMovSs, supported, sgxSupported, strictNmiUnderSti, eferReservedMask,
        debugctlReservedMask, perfGlobalCtrlReservedMask, currentVmcsPointer);
  }
}
