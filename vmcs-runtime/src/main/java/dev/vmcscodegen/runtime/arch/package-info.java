/**
 * The one home of architectural bits and values the runtime reads and writes outside the VMX control
 * fields: control registers, IA32_EFER, RFLAGS, IA32_DEBUGCTL, the guest interruptibility and activity
 * states, pending debug exceptions, exception vectors, the interruption-information layout, segment
 * access rights, memory types, PAE PDPTEs, CET and MPX MSR bits, and the VMCS region header. Each
 * constant names its SDM section; the VMX control bits live in {@code runtime.control}, the capability
 * MSRs in {@code runtime.capability}, exit reasons and qualifications in {@code runtime.exit}.
 */
package dev.vmcscodegen.runtime.arch;
