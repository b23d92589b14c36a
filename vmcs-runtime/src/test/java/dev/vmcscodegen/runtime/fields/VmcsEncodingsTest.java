package dev.vmcscodegen.runtime.fields;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vmcscodegen.runtime.VmcsField;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated {@link VmcsEncodings} constants against the SDM and the field enums. */
class VmcsEncodingsTest {

  @Test
  void constantsHaveTheAppendixBEncodings() {
    // SDM Vol. 3D B.4.3 guest RIP; B.4.4 host CR0; B.3.1 pin-based controls; B.3.2 exit reason; B.1.1 VPID
    assertEquals(0x681E, VmcsEncodings.GUEST_RIP);
    assertEquals(0x6C00, VmcsEncodings.HOST_CR0);
    assertEquals(0x4000, VmcsEncodings.PIN_BASED_VM_EXECUTION_CONTROLS);
    assertEquals(0x4402, VmcsEncodings.EXIT_REASON);
    assertEquals(0x0000, VmcsEncodings.VIRTUAL_PROCESSOR_ID);
  }

  @Test
  void constantsAreCompileTimeConstantsForSwitchLabels() {
    assertEquals("guest RIP", describe(0x681E));
    assertEquals("exit reason", describe(0x4402));
    assertEquals("other", describe(0x681C));
  }

  private static String describe(int encoding) {
    return switch (encoding) {
      case VmcsEncodings.GUEST_RIP -> "guest RIP";
      case VmcsEncodings.EXIT_REASON -> "exit reason";
      default -> "other";
    };
  }

  @Test
  void oneConstantPerCatalogFieldInSpecOrder() throws IllegalAccessException {
    Map<String, Integer> constants = new LinkedHashMap<>();
    for (Field constant : VmcsEncodings.class.getDeclaredFields()) {
      if (Modifier.isStatic(constant.getModifiers()) && constant.getType() == int.class) {
        constants.put(constant.getName(), constant.getInt(null));
      }
    }
    Map<String, Integer> expected = new LinkedHashMap<>();
    for (VmcsField field : VmcsFields.CATALOG.fields()) {
      String prefix = switch (field.category()) {
        case GUEST -> "GUEST_";
        case HOST -> "HOST_";
        case CONTROL, READ_ONLY -> "";
      };
      expected.put(prefix + field.name(), field.encoding());
    }
    assertEquals(expected, constants);
  }
}
