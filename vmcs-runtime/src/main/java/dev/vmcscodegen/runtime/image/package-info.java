/**
 * The VMCS image: one type, {@link dev.vmcscodegen.runtime.image.VmcsImage} (values by encoding, absent
 * is not 0), read from any backend, rendered for people, and its two text readers,
 * {@link dev.vmcscodegen.runtime.image.VmcsImageText} ({@code FIELD VALUE} lines) and
 * {@link dev.vmcscodegen.runtime.image.KvmDumpParser} (Linux KVM's {@code dump_vmcs}). The readers report
 * through {@link dev.vmcscodegen.problem}: every problem at once, each with its line and a stable id of
 * {@link dev.vmcscodegen.runtime.image.ImageProblem} or {@link dev.vmcscodegen.runtime.image.DumpProblem}.
 */
package dev.vmcscodegen.runtime.image;
