package dev.vmcscodegen.processor.internal.codegen;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.vmcscodegen.encoding.VmcsWidth;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The typed {@code read}/{@code write} methods of one width, each a call into the runtime's
 * {@code VmcsAccess} (docs/DESIGN.md, "Generated code"): 16-bit fields take {@code short}, 32-bit
 * {@code int}, 64-bit and natural-width {@code long}; 64-bit fields add their high half (SDM Vol. 3C
 * 25.11.2: access type 1, encoding + 1). Read-only fields get no write methods.
 */
final class AccessorGenerator {

  private static final String VMX = "vmx";
  private static final String VALUE = "value";

  private final VmcsWidth width;
  private final boolean writable;

  AccessorGenerator(VmcsWidth width, boolean writable) {
    this.width = width;
    this.writable = writable;
  }

  List<MethodSpec> methods() {
    List<MethodSpec> methods = new ArrayList<>();
    TypeName valueType = valueType();
    methods.add(MethodSpec.methodBuilder("read")
        .addJavadoc("Reads this field: $L.\n", accessText("VMREAD"))
        .addJavadoc("\n@param $L the VMX instructions backend\n@return the field's value\n", VMX)
        .addModifiers(Modifier.PUBLIC)
        .returns(valueType)
        .addParameter(RuntimeTypes.VMX_INSTRUCTIONS, VMX)
        .addStatement("return $T.$L($L, encoding)", RuntimeTypes.VMCS_ACCESS, readMethod(), VMX)
        .build());
    if (writable) {
      MethodSpec.Builder write = MethodSpec.methodBuilder("write")
          .addJavadoc("Writes this field: $L.\n", accessText("VMWRITE"))
          .addJavadoc("\n@param $L the VMX instructions backend\n@param $L the new value\n", VMX, VALUE)
          .addModifiers(Modifier.PUBLIC)
          .addParameter(RuntimeTypes.VMX_INSTRUCTIONS, VMX)
          .addParameter(valueType, VALUE);
      if (width == VmcsWidth.NATURAL) {
        write.addJavadoc("@throws dev.vmcscodegen.runtime.VmcsValueOutOfRangeException on a 32-bit host"
            + " when {@code value} has bits above 31\n");
        write.addStatement("$T.writeNatural($L, encoding, $L, name())", RuntimeTypes.VMCS_ACCESS, VMX, VALUE);
      } else {
        write.addStatement("$T.$L($L, encoding, $L)", RuntimeTypes.VMCS_ACCESS, writeMethod(), VMX, VALUE);
      }
      methods.add(write.build());
    }
    if (width == VmcsWidth.BITS_16 || width == VmcsWidth.BITS_32) {
      methods.addAll(unsignedMethods());
    }
    if (width == VmcsWidth.BITS_64) {
      methods.add(MethodSpec.methodBuilder("readHigh")
          .addJavadoc("Reads bits 63:32 of this field through its high access encoding (encoding + 1).\n")
          .addJavadoc("\n@param $L the VMX instructions backend\n@return bits 63:32 of the field\n", VMX)
          .addModifiers(Modifier.PUBLIC)
          .returns(TypeName.INT)
          .addParameter(RuntimeTypes.VMX_INSTRUCTIONS, VMX)
          .addStatement("return $T.readHigh($L, encoding)", RuntimeTypes.VMCS_ACCESS, VMX)
          .build());
      if (writable) {
        methods.add(MethodSpec.methodBuilder("writeHigh")
            .addJavadoc("Writes bits 63:32 of this field through its high access encoding (encoding + 1).\n")
            .addJavadoc("\n@param $L the VMX instructions backend\n@param $L the new bits 63:32\n", VMX, VALUE)
            .addModifiers(Modifier.PUBLIC)
            .addParameter(RuntimeTypes.VMX_INSTRUCTIONS, VMX)
            .addParameter(TypeName.INT, VALUE)
            .addStatement("$T.writeHigh($L, encoding, $L)", RuntimeTypes.VMCS_ACCESS, VMX, VALUE)
            .build());
      }
    }
    return methods;
  }

  /**
   * {@code readUnsigned}/{@code writeUnsigned}: the value zero-extended in the next wider type, as
   * Netty's {@code getUnsignedShort} does, for comparing with and writing hex constants.
   */
  private List<MethodSpec> unsignedMethods() {
    boolean bits16 = width == VmcsWidth.BITS_16;
    TypeName unsignedType = bits16 ? TypeName.INT : TypeName.LONG;
    String range = bits16 ? "0 to 0xFFFF" : "0 to 0xFFFF_FFFF";
    String suffix = bits16 ? "16Unsigned" : "32Unsigned";
    List<MethodSpec> methods = new ArrayList<>();
    methods.add(MethodSpec.methodBuilder("readUnsigned")
        .addJavadoc("Reads this field zero-extended ($L): one VMREAD. Use this to compare with or print\n", range)
        .addJavadoc("the value as a number; {@link #read} gives the same bits as a signed {@code $L}.\n", valueType())
        .addJavadoc("\n@param $L the VMX instructions backend\n@return the field's value, $L\n", VMX, range)
        .addModifiers(Modifier.PUBLIC)
        .returns(unsignedType)
        .addParameter(RuntimeTypes.VMX_INSTRUCTIONS, VMX)
        .addStatement("return $T.read$L($L, encoding)", RuntimeTypes.VMCS_ACCESS, suffix, VMX)
        .build());
    if (writable) {
      methods.add(MethodSpec.methodBuilder("writeUnsigned")
          .addJavadoc("Writes this field from its unsigned value ($L): one VMWRITE.\n", range)
          .addJavadoc("\n@param $L the VMX instructions backend\n@param $L the new value, $L\n", VMX, VALUE, range)
          .addJavadoc("@throws dev.vmcscodegen.runtime.VmcsValueOutOfRangeException if {@code value} is outside"
              + " $L\n", range)
          .addModifiers(Modifier.PUBLIC)
          .addParameter(RuntimeTypes.VMX_INSTRUCTIONS, VMX)
          .addParameter(unsignedType, VALUE)
          .addStatement("$T.write$L($L, encoding, $L, name())", RuntimeTypes.VMCS_ACCESS, suffix, VMX, VALUE)
          .build());
    }
    return methods;
  }

  private String accessText(String instruction) {
    return switch (width) {
      case BITS_16, BITS_32 -> "one " + instruction;
      case BITS_64 -> "one " + instruction + " on a 64-bit host, two (low half first) on a 32-bit host";
      case NATURAL -> "one " + instruction + ", 32 bits wide on a 32-bit host";
    };
  }

  private TypeName valueType() {
    return switch (width) {
      case BITS_16 -> TypeName.SHORT;
      case BITS_32 -> TypeName.INT;
      case BITS_64, NATURAL -> TypeName.LONG;
    };
  }

  private String readMethod() {
    return switch (width) {
      case BITS_16 -> "read16";
      case BITS_32 -> "read32";
      case BITS_64 -> "read64";
      case NATURAL -> "readNatural";
    };
  }

  private String writeMethod() {
    return switch (width) {
      case BITS_16 -> "write16";
      case BITS_32 -> "write32";
      case BITS_64 -> "write64";
      case NATURAL -> "writeNatural";
    };
  }
}
