/**
 * From a capability profile and what a VMM wants to what its control fields must hold:
 * {@link dev.vmcscodegen.runtime.resolve.ControlResolver} applies the allowed settings (SDM Vol. 3D
 * A.2 to A.5), the rules between controls ({@link dev.vmcscodegen.runtime.control.ControlDependency},
 * {@link dev.vmcscodegen.runtime.control.ControlKind#activatedBy()}) and the VMM's own context to
 * {@link dev.vmcscodegen.runtime.resolve.ControlIntents} and explains every bit of the result.
 */
package dev.vmcscodegen.runtime.resolve;
