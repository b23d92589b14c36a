/**
 * The one problem model of every input the project reads (specs, capability profiles, VMCS image
 * texts, dumps): a {@link dev.vmcscodegen.problem.Problem} with a stable id, {@code FILE:LINE}, a
 * severity and the SDM citation where a rule is behind it; readers collect every problem at once.
 */
package dev.vmcscodegen.problem;
