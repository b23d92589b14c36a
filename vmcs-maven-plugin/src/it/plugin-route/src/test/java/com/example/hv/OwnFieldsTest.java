package com.example.hv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.hv.vmcs.ExtControl16;
import com.example.hv.vmcs.ExtFields;
import com.example.hv.vmcs.ExtGuest32;
import dev.vmcscodegen.runtime.fields.VmcsGuest16;
import dev.vmcscodegen.runtime.software.SoftwareVmcs;
import org.junit.jupiter.api.Test;

class OwnFieldsTest {

  @Test
  void ownAndBaseFieldsOnTheSoftwareVmcs() {
    SoftwareVmcs vmcs = SoftwareVmcs.withCatalogs(ExtFields.CATALOG);
    ExtControl16.VENDOR_FEATURE_SELECT.writeUnsigned(vmcs, 0xBEEF);
    ExtGuest32.VENDOR_STATE.writeUnsigned(vmcs, 0xDEAD_BEEFL);
    VmcsGuest16.CS_SELECTOR.writeUnsigned(vmcs, 0x8001);
    assertEquals(0xBEEF, ExtControl16.VENDOR_FEATURE_SELECT.readUnsigned(vmcs));
    assertEquals(0xDEAD_BEEFL, ExtGuest32.VENDOR_STATE.readUnsigned(vmcs));
    assertEquals(0x8001, VmcsGuest16.CS_SELECTOR.readUnsigned(vmcs));
  }
}
