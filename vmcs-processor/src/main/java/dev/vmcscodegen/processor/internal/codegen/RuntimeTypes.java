package dev.vmcscodegen.processor.internal.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import dev.vmcscodegen.encoding.VmcsCategory;
import dev.vmcscodegen.encoding.VmcsWidth;

/**
 * The types the generated code uses: the vmcs-runtime ones named rather than linked (the processor does
 * not depend on the runtime, the code it writes does), the vmcs-encoding ones linked (both depend on it).
 */
final class RuntimeTypes {

  private static final String RUNTIME = "dev.vmcscodegen.runtime";

  static final ClassName VMX_INSTRUCTIONS = ClassName.get(RUNTIME, "VmxInstructions");
  static final ClassName VMCS_FIELD = ClassName.get(RUNTIME, "VmcsField");
  static final ClassName WRITABLE_VMCS_FIELD = ClassName.get(RUNTIME, "WritableVmcsField");
  static final ClassName VMCS_ACCESS = ClassName.get(RUNTIME, "VmcsAccess");
  static final ClassName VMCS_CATEGORY = ClassName.get(VmcsCategory.class);
  static final ClassName VMCS_WIDTH = ClassName.get(VmcsWidth.class);
  static final ClassName VMCS_CATALOG = ClassName.get(RUNTIME, "VmcsCatalog");

  /** The processor that generated the code, named in {@code @Generated}. */
  static final String PROCESSOR = "dev.vmcscodegen.processor.VmcsProcessor";

  /** {@code @javax.annotation.processing.Generated("dev.vmcscodegen.processor.VmcsProcessor")}, no date. */
  static final AnnotationSpec GENERATED = AnnotationSpec
      .builder(ClassName.get("javax.annotation.processing", "Generated"))
      .addMember("value", "$S", PROCESSOR)
      .build();

  private RuntimeTypes() {}
}
