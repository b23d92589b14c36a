package dev.vmcscodegen.processor.internal.model;

import dev.vmcscodegen.problem.ProblemDefinition;
import dev.vmcscodegen.problem.ProblemKind;
import dev.vmcscodegen.problem.Severity;

/**
 * Every diagnostic the processor reports, each with a stable id ({@code [VmcsDuplicateEncoding]}), a
 * message template for {@link String#format} and, for the encoding rules, the SDM text that makes it
 * a rule. Ids never change meaning: build logs and tests match on them. All are errors: a spec with
 * any of them generates nothing.
 */
public enum Message implements ProblemKind {
  /** An encoding sets bit 12, bit 15 or a bit of 31:16, which must be 0. */
  RESERVED_ENCODING_BITS("VmcsReservedEncodingBits",
      "encoding %s sets reserved bits %s (bits 12, 15 and 31:16 must be 0)",
      "SDM Vol. 3C 25.11.2 / Table 25-21"),
  /** An encoding sets access type bit 0: the spec lists full-access encodings only. */
  HIGH_ACCESS_ENCODING("VmcsHighAccessEncoding",
      "encoding %s has access type bit 0 set (the high half of a 64-bit field); list the full-access"
          + " encoding %s, the high half follows from it",
      "SDM Vol. 3C 25.11.2 / Table 25-21"),
  /** Encoding bits 14:13 name another width than the group's. */
  WIDTH_MISMATCH("VmcsWidthMismatch",
      "encoding %s has width bits 14:13 = %d (%s), but the field is in group %s (width bits %d)",
      "SDM Vol. 3C 25.11.2 / Table 25-21"),
  /** Encoding bits 11:10 name another type than the group's. */
  TYPE_MISMATCH("VmcsTypeMismatch",
      "encoding %s has type bits 11:10 = %d (%s), but the field is in group %s (type bits %d)",
      "SDM Vol. 3C 25.11.2 / Table 25-21"),
  /** A name that cannot be an enum constant. */
  INVALID_NAME("VmcsInvalidName",
      "%s: a field name must be a Java identifier that is not a keyword, nor a field the generated enum"
          + " declares (%s)", ""),
  /**
   * A name with a code point javac ignores in identifiers (zero-width and other format characters):
   * two names that differ only by it would be one name to javac.
   */
  IGNORABLE_IN_NAME("VmcsIgnorableInName",
      "%s contains U+%04X, which javac ignores in identifiers, so names differing only by it are one name;"
          + " remove it", "JLS 3.8, Character.isIdentifierIgnorable"),
  /** A name, doc or SDM reference too long for a class-file string constant. */
  CONSTANT_TOO_LONG("VmcsConstantTooLong",
      "the %s is %d bytes as a class-file constant (modified UTF-8); at most 65535 fit", "JVMS 4.4.7"),
  /** A name used twice in one group (one enum). */
  DUPLICATE_NAME("VmcsDuplicateName",
      "the name is used twice in group %s (first at %s)", ""),
  /** Two fields whose constants in the generated {@code <prefix>Encodings} class would have one name. */
  DUPLICATE_ENCODING_CONSTANT("VmcsDuplicateEncodingConstant",
      "its encoding constant %s is already that of field %s in group %s (%s); rename one of them", ""),
  /** An encoding used twice anywhere in the spec. */
  DUPLICATE_ENCODING("VmcsDuplicateEncoding",
      "encoding %s is already field %s (%s); each VMCS component has one encoding",
      "SDM Vol. 3C 25.11.2"),
  /** A field line without its one-line doc. */
  MISSING_DOC("VmcsMissingDoc",
      "no doc text: write a one-line description after the encoding", ""),
  /** A field with no SDM reference of its own or of its group. */
  MISSING_SDM_REFERENCE("VmcsMissingSdmReference",
      "no SDM reference: add '| SDM ...' to the line or a reference after the group header %s",
      "SDM Vol. 3D Appendix B"),
  /** A header whose category or width is not one of the spec words. */
  UNKNOWN_GROUP("VmcsUnknownGroup",
      "unknown group header %s: expected [<control|read-only|guest|host> <16|32|64|natural>]",
      "SDM Vol. 3C 25.11.2 / Table 25-21"),
  /** A field line before the first group header. */
  FIELD_OUTSIDE_GROUP("VmcsFieldOutsideGroup",
      "the field comes before any group header; put it under a [<category> <width>] header", ""),
  /** A line that is neither blank, comment, header nor field. */
  MALFORMED_LINE("VmcsMalformedLine", "%s", ""),
  /** A spec without a single field. */
  EMPTY_SPEC("VmcsEmptySpec", "the spec defines no fields", ""),
  /** An extension field reuses an encoding of the base spec. */
  BASE_ENCODING_COLLISION("VmcsBaseEncodingCollision",
      "encoding %s is already base field %s (%s)", "SDM Vol. 3C 25.11.2"),
  /** An extension field reuses a group and name of the base spec. */
  BASE_NAME_COLLISION("VmcsBaseNameCollision",
      "the base spec already has %s in group %s (%s)", ""),
  /** The prefix would not make Java type names. */
  INVALID_PREFIX("VmcsInvalidPrefix",
      "prefix \"%s\" does not make Java type names such as %s: use a Java identifier", ""),
  /** The spec was found nowhere. */
  SPEC_NOT_FOUND("VmcsSpecNotFound", "spec file \"%s\" not found; looked in:%s", ""),
  /** The spec was found but could not be read. */
  SPEC_UNREADABLE("VmcsSpecUnreadable", "cannot read spec file %s: %s", ""),
  /** A generated file could not be written. */
  WRITE_FAILED("VmcsWriteFailed", "cannot write generated type %s: %s", ""),
  /** A bug in the processor. */
  INTERNAL_ERROR("VmcsInternalError",
      "vmcs-processor failed unexpectedly; please report this with the spec file:%n%s", "");

  private final ProblemDefinition definition;

  Message(String id, String template, String citation) {
    this.definition = new ProblemDefinition(id, template, citation, Severity.ERROR);
  }

  @Override
  public ProblemDefinition definition() {
    return definition;
  }
}
