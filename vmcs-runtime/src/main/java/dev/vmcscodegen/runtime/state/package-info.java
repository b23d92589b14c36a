/**
 * Guest-state helpers: {@link dev.vmcscodegen.runtime.state.LongMode} (EFER.LMA and the IA-32e mode
 * guest control), {@link dev.vmcscodegen.runtime.state.EptPointer} and its checked writer with INVEPT,
 * and {@link dev.vmcscodegen.runtime.state.InstructionError}. The field dump is
 * {@link dev.vmcscodegen.runtime.image.VmcsImage#render()}.
 */
package dev.vmcscodegen.runtime.state;
