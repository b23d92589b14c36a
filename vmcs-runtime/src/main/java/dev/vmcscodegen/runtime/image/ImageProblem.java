package dev.vmcscodegen.runtime.image;

import dev.vmcscodegen.problem.ProblemDefinition;
import dev.vmcscodegen.problem.ProblemKind;
import dev.vmcscodegen.problem.Severity;

/**
 * Every problem {@link VmcsImageText} reports in a {@code FIELD VALUE} text, each with a stable id
 * ({@code [ImageUnknownField]}). Ids never change meaning: scripts and tests match on them. All are
 * errors: an image text with any of them gives no image.
 */
public enum ImageProblem implements ProblemKind {
  /** A line that is not two words, {@code FIELD VALUE}. */
  MALFORMED_LINE("ImageMalformedLine", "expected 'FIELD VALUE', got '%s'", ""),
  /** A name no field of the catalog has, qualified or bare. */
  UNKNOWN_FIELD("ImageUnknownField", "no field of the catalog has this name", ""),
  /** An encoding no field of the catalog has (a high-access encoding included: give the full access). */
  UNKNOWN_ENCODING("ImageUnknownEncoding",
      "no field of the catalog has this full-access encoding", "SDM Vol. 3C 25.11.2, Table 25-21"),
  /** A bare name several fields have (guest and host {@code CR0}). */
  AMBIGUOUS_FIELD("ImageAmbiguousField", "names several fields; write one of %s", ""),
  /** A value, or an encoding, that is not a number of at most 64 bits. */
  BAD_NUMBER("ImageBadNumber", "'%s' is not a number (hexadecimal with 0x, or decimal, up to 64 bits)", ""),
  /** A field given on two lines. */
  DUPLICATE_FIELD("ImageDuplicateField", "is given twice (first on line %d)", ""),
  /** A value with bits set above the field's width. */
  VALUE_TOO_WIDE("ImageValueTooWide", "value 0x%X does not fit the field's %d bits",
      "SDM Vol. 3C 25.11.2, Table 25-21");

  private final ProblemDefinition definition;

  ImageProblem(String id, String template, String citation) {
    this.definition = new ProblemDefinition(id, template, citation, Severity.ERROR);
  }

  @Override
  public ProblemDefinition definition() {
    return definition;
  }
}
