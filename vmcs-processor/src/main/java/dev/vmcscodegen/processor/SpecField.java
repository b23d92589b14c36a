package dev.vmcscodegen.processor;

import dev.vmcscodegen.encoding.VmcsCategory;
import dev.vmcscodegen.encoding.VmcsWidth;

/**
 * One field line of a spec, as read.
 *
 * @param name the field's name, as the enum constant ({@code RIP})
 * @param encoding the full-access encoding
 * @param category the group's category
 * @param width the group's width
 * @param typeName the generated enum's simple name ({@code VmcsGuestNW})
 * @param encodingConstant the constant's name in {@code <prefix>Encodings} ({@code GUEST_RIP})
 * @param doc the one-line doc
 * @param sdmReference the line's SDM reference, or its group's
 * @param line the 1-based line in the spec
 */
public record SpecField(String name, int encoding, VmcsCategory category, VmcsWidth width, String typeName,
    String encodingConstant, String doc, String sdmReference, int line) {}
