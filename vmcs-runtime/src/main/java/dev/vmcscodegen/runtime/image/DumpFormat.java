package dev.vmcscodegen.runtime.image;

import java.io.InputStream;

/**
 * What a VMCS text is, told from its lines (read as a stream, stopping at the first line that decides):
 * a Xen {@code vmcs_dump_vcpu} dump (a {@code (XEN)} console line, or the segment table header
 * {@code sel  attr  limit   base}), a Linux KVM {@code dump_vmcs} dump (a {@code sel=} segment line, the
 * {@code VMCS ..., last attempted VM-entry} header, or a section header with nothing Xen's), the project's
 * {@code FIELD VALUE} image text (a line of two words, the second a number), or none of them (a log
 * without a dump, an empty file).
 */
public enum DumpFormat {
  /** Linux KVM's {@code dump_vmcs}: {@link KvmDumpParser}. */
  KVM,
  /** Xen's {@code vmcs_dump_vcpu}: {@link XenDumpParser}. */
  XEN,
  /** The project's {@code FIELD VALUE} lines: {@link VmcsImageText}. */
  IMAGE,
  /** No line of any of the three: nothing to read ({@link DumpProblem#NO_DUMP}). */
  NONE;

  private static final java.util.regex.Pattern BLANKS = java.util.regex.Pattern.compile("\\s+");

  /**
   * The format of a text; see the class comment. As {@link #detect(InputStream, String)} with the file
   * name {@value VmcsImageText#NO_FILE}.
   */
  public static DumpFormat detect(InputStream text) {
    return detect(text, VmcsImageText.NO_FILE);
  }

  /**
   * The format of a text; see the class comment.
   *
   * @param file the name a problem carries
   * @throws java.io.UncheckedIOException if the stream fails
   * @throws dev.vmcscodegen.problem.ProblemException an {@code InputNotText} error if the stream is no text
   *     ({@link dev.vmcscodegen.problem.TextLines})
   */
  public static DumpFormat detect(InputStream text, String file) {
    MailLines lines = new MailLines(text, file);
    boolean section = false;
    boolean imageLine = false;
    for (String raw = lines.next(); raw != null; raw = lines.next()) {
      if (raw.contains("(XEN)")) {
        return XEN;
      }
      if (!imageLine) {
        imageLine = isImageLine(raw);
      }
      if (!raw.contains("sel") && !raw.contains("VMCS") && !raw.contains("***")) {
        continue; // no line that decides: spare most lines of a log the prefix and blank expressions
      }
      String line = BLANKS.matcher(LogLine.strip(raw)).replaceAll(" ");
      if (line.equals("sel attr limit base")) {
        return XEN;
      }
      if (line.contains(" sel=0x") || line.startsWith("VMCS ") && line.contains("last attempted VM-entry")) {
        return KVM;
      }
      section |= line.startsWith("*** Guest State") || line.startsWith("*** Host State")
          || line.startsWith("*** Control State");
    }
    return section ? KVM : imageLine ? IMAGE : NONE;
  }

  /** {@code FIELD VALUE}, a comment after {@code #} aside: two words, the second starting with a digit. */
  private static boolean isImageLine(String raw) {
    int hash = raw.indexOf('#');
    String content = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
    int blank = 0;
    while (blank < content.length() && !Character.isWhitespace(content.charAt(blank))) {
      blank++;
    }
    int second = blank;
    while (second < content.length() && Character.isWhitespace(content.charAt(second))) {
      second++;
    }
    if (blank == 0 || second == blank || second == content.length() || !Character.isDigit(content.charAt(second))) {
      return false;
    }
    for (int i = second; i < content.length(); i++) {
      if (Character.isWhitespace(content.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
