/**
 * A project that adds its own VMCS fields to the ones vmcs-codegen ships: the processor reads
 * {@code src/main/vmcs/extra-fields.spec}, checks it against the SDM encoding rules and against the base
 * spec, and generates {@code ExtControl16} ... {@code ExtHost64} and {@code ExtFields} here.
 */
// doc-snippet: vmcs-spec (README.md shows these two lines)
@VmcsSpec(value = "src/main/vmcs/extra-fields.spec", extendsBase = true, prefix = "Ext")
package dev.vmcscodegen.examples.extension;
// end doc-snippet

import dev.vmcscodegen.annotations.VmcsSpec;
