/**
 * VMCS images that VM entry accepts: {@link dev.vmcscodegen.runtime.template.LaunchTemplate} builds
 * the controls ({@link dev.vmcscodegen.runtime.resolve.ControlResolver}), a guest state for a
 * {@link dev.vmcscodegen.runtime.template.GuestMode} (the INIT/reset state of SDM Vol. 3A Table 10-1,
 * real, protected, PAE and 64-bit mode) and the host state of a
 * {@link dev.vmcscodegen.runtime.template.HostState}, or says why the processor cannot run the mode.
 */
package dev.vmcscodegen.runtime.template;
