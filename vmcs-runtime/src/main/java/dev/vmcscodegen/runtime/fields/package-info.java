/**
 * The typed VMCS field enums generated from the repository's {@code vmcs-fields.spec} (SDM Vol. 3D
 * Appendix B): {@code VmcsControl16} to {@code VmcsHostNW}, and {@code VmcsFields.CATALOG}.
 */
@VmcsSpec("vmcs-fields.spec")
package dev.vmcscodegen.runtime.fields;

import dev.vmcscodegen.annotations.VmcsSpec;
