/**
 * Typed VMX control bits with their SDM names, the control fields they belong to
 * ({@link dev.vmcscodegen.runtime.control.ControlKind}), and {@link dev.vmcscodegen.runtime.control.ControlSetter},
 * SDM Vol. 3C 31.5.1 Algorithm 3 for setting controls against a capability profile.
 */
package dev.vmcscodegen.runtime.control;
