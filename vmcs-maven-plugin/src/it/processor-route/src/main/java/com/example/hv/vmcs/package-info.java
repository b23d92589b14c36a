/** Typed accessors of this project's own VMCS fields, generated from src/main/vmcs/my-fields.spec. */
@VmcsSpec(value = "src/main/vmcs/my-fields.spec", extendsBase = true, prefix = "Ext")
package com.example.hv.vmcs;

import dev.vmcscodegen.annotations.VmcsSpec;
