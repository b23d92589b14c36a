package dev.vmcscodegen.examples.extension;

import dev.vmcscodegen.runtime.VmcsCatalog;
import dev.vmcscodegen.runtime.fields.VmcsFields;
import dev.vmcscodegen.runtime.software.SoftwareVmcs;

/** The fields of the SDM and of the extension together: what generic code of this project walks. */
public final class ExtendedCatalog {

  /** Every field of SDM Vol. 3D Appendix B, then the extension's, each in spec order. */
  public static final VmcsCatalog ALL = VmcsFields.CATALOG.plus(ExtFields.CATALOG);

  private ExtendedCatalog() {}

  /** A software VMCS that supports the extension's fields as well as the SDM's. */
  public static SoftwareVmcs softwareVmcs() {
    return SoftwareVmcs.withCatalogs(ExtFields.CATALOG);
  }
}
