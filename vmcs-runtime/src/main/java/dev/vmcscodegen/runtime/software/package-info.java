/**
 * {@link dev.vmcscodegen.runtime.software.SoftwareVmcs}: an in-memory VMCS that behaves as the SDM says
 * a processor does (SDM Vol. 3C 25.11.2, 31.3, 31.4), so every part of the library runs and is tested
 * without VT-x.
 */
package dev.vmcscodegen.runtime.software;
