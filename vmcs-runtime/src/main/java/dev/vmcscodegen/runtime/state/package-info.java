/**
 * Guest-state helpers: {@link dev.vmcscodegen.runtime.state.LongMode} (EFER.LMA and the IA-32e mode
 * guest control), {@link dev.vmcscodegen.runtime.state.EptPointer} and its checked writer with INVEPT,
 * {@link dev.vmcscodegen.runtime.state.InstructionError}, and {@link dev.vmcscodegen.runtime.state.VmcsDump}.
 */
package dev.vmcscodegen.runtime.state;
