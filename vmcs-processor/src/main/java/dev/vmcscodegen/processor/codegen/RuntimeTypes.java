package dev.vmcscodegen.processor.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;

/**
 * The vmcs-runtime types the generated code uses, named rather than linked: the processor does not
 * depend on the runtime, the code it writes does.
 */
final class RuntimeTypes {

  private static final String RUNTIME = "dev.vmcscodegen.runtime";

  static final ClassName VMX_INSTRUCTIONS = ClassName.get(RUNTIME, "VmxInstructions");
  static final ClassName VMCS_FIELD = ClassName.get(RUNTIME, "VmcsField");
  static final ClassName WRITABLE_VMCS_FIELD = ClassName.get(RUNTIME, "WritableVmcsField");
  static final ClassName VMCS_ACCESS = ClassName.get(RUNTIME, "VmcsAccess");
  static final ClassName VMCS_CATEGORY = ClassName.get(RUNTIME, "VmcsCategory");
  static final ClassName VMCS_WIDTH = ClassName.get(RUNTIME, "VmcsWidth");
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
