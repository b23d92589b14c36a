package com.example.hv;

import com.example.hv.vmcs.ExtControl16;
import com.example.hv.vmcs.ExtFields;
import dev.vmcscodegen.runtime.VmcsCatalog;

/** Uses one generated field and the generated catalog. */
public final class Hypervisor {

  private Hypervisor() {}

  /** The encoding of the vendor's feature-select field. */
  public static int featureSelect() {
    return ExtControl16.VENDOR_FEATURE_SELECT.encoding();
  }

  /** Every own field. */
  public static VmcsCatalog catalog() {
    return ExtFields.CATALOG;
  }
}
