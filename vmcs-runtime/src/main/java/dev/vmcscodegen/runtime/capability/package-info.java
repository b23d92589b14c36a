/**
 * The VMX capability MSRs (SDM Vol. 3D Appendix A): {@link dev.vmcscodegen.runtime.capability.VmxCapabilities},
 * an immutable profile read from a backend or a text file, and decoded views of each MSR.
 */
package dev.vmcscodegen.runtime.capability;
