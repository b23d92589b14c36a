package dev.vmcscodegen.maven;

import java.io.File;

/**
 * One {@code <spec>} of the plugin's {@code <specs>}: a spec file and how to generate it.
 *
 * <pre>{@code
 * <spec>
 *   <file>src/main/vmcs/fields.spec</file>
 *   <packageName>com.example.hv.vmcs</packageName>
 *   <prefix>Ext</prefix>              <!-- optional, default Vmcs -->
 *   <extendsBase>true</extendsBase>   <!-- optional, default false -->
 * </spec>
 * }</pre>
 *
 * Maven fills the fields by their names; the plugin never changes them.
 */
public class Spec {

  /** The spec file; a relative path is relative to the project directory. */
  private File file;

  /** The package the types are generated into; empty for the unnamed package. */
  private String packageName;

  /** The prefix of the generated type names ({@code Vmcs} gives {@code VmcsGuestNW}, {@code VmcsFields}). */
  private String prefix = "Vmcs";

  /**
   * Whether the spec adds fields to the base spec shipped with the plugin (SDM Vol. 3D Appendix B): then
   * reusing a base encoding, or a base name within a group, is an error, and only the spec's own fields
   * are generated.
   */
  private boolean extendsBase;

  /** For Maven. */
  public Spec() {}

  /** A spec configured in code (tests). */
  Spec(File file, String packageName, String prefix, boolean extendsBase) {
    this.file = file;
    this.packageName = packageName;
    this.prefix = prefix;
    this.extendsBase = extendsBase;
  }

  File file() {
    return file;
  }

  String packageName() {
    return packageName;
  }

  String prefix() {
    return prefix;
  }

  boolean extendsBase() {
    return extendsBase;
  }
}
