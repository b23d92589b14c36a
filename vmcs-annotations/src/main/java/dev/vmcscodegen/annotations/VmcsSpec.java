package dev.vmcscodegen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks {@code vmcs-processor} to generate typed VMCS field accessors from a spec file.
 *
 * <p>Put it on a package ({@code package-info.java}) or on a type. The generated enums
 * ({@code VmcsGuestNW}, {@code VmcsControl32}, ...) and the field catalog land in the package of the
 * annotated element, under {@code target/generated-sources/annotations} in a Maven build.
 *
 * <pre>{@code
 * @VmcsSpec(value = "src/main/vmcs/my-fields.spec", extendsBase = true)
 * package com.example.hv.vmcs;
 * }</pre>
 *
 * <p>Problems with the spec are reported on {@link #value()}, each naming its {@code FILE:LINE}.
 *
 * <p>How the processor finds {@link #value()}, in order (a spec that is found nowhere fails the build
 * with a diagnostic listing every place looked):
 * <ol>
 *   <li>an absolute path is taken as it is;</li>
 *   <li>relative to the directory given by the processor option {@code -Avmcs.specRoot=DIR};</li>
 *   <li>relative to the project directory and each of its parents up to the build root, found by
 *       walking up from the class output directory (so {@code "vmcs-fields.spec"} finds the file at the
 *       root of a multi-module checkout). The build root is the nearest directory holding {@code .git},
 *       or else the topmost of the directories holding a {@code pom.xml}, {@code build.gradle(.kts)} or
 *       {@code settings.gradle(.kts)} in a row above the class output; the walk never goes beyond it;</li>
 *   <li>as a resource on the source path or class path ({@code src/main/resources}).</li>
 * </ol>
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target({ElementType.PACKAGE, ElementType.TYPE})
public @interface VmcsSpec {

  /** Path of the spec file; see the class documentation for how it is resolved. */
  String value();

  /**
   * Whether the spec adds fields to the base spec shipped with the processor (SDM Vol. 3D Appendix B).
   * When {@code true}, a field whose name or encoding is already in the base spec is an error, and only
   * the spec's own fields are generated, into this package.
   */
  boolean extendsBase() default false;

  /**
   * Prefix of the generated type names: the default gives {@code VmcsGuestNW}, {@code VmcsFields};
   * {@code "Ext"} gives {@code ExtGuestNW}, {@code ExtFields}.
   */
  String prefix() default "Vmcs";
}
