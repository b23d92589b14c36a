package dev.vmcscodegen.processor.internal.spec;

import dev.vmcscodegen.processor.internal.model.SpecProblems;
import dev.vmcscodegen.encoding.VmcsCategory;
import dev.vmcscodegen.processor.internal.model.FieldDef;
import dev.vmcscodegen.processor.internal.model.FieldGroup;
import dev.vmcscodegen.processor.internal.model.Message;
import dev.vmcscodegen.problem.Problem;
import dev.vmcscodegen.problem.TextInput;
import dev.vmcscodegen.processor.internal.model.SpecFile;
import dev.vmcscodegen.encoding.VmcsWidth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the spec format of docs/DESIGN.md into a {@link SpecFile}. Never throws: a line it cannot read
 * becomes a {@link Problem} with its position, and reading goes on.
 *
 * <pre>
 * # comment
 * [&lt;category&gt; &lt;width&gt;]   SDM reference of the group
 * NAME   0xHHHH   One-line doc   | optional SDM reference of the line
 * </pre>
 */
public final class SpecReader {

  private static final Pattern HEX = Pattern.compile("0[xX]([0-9A-Fa-f]{1,8})");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private final String fileName;
  private final List<FieldGroup> groups = new ArrayList<>();
  private final List<FieldDef> fields = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();
  /** The group of the lines being read; empty before the first header or after an unknown one. */
  private Optional<FieldGroup> current = Optional.empty();
  private boolean sawHeader;

  private SpecReader(String fileName) {
    this.fileName = fileName;
  }

  /**
   * Reads a spec's text; {@code fileName} is how diagnostics name it. A leading byte-order mark (an editor
   * saved "UTF-8 with BOM", and the text was decoded without {@link TextInput}) is no part of line 1.
   */
  public static ReadResult read(String fileName, String content) {
    SpecReader reader = new SpecReader(fileName);
    for (SpecLine line : SpecLine.split(TextInput.withoutByteOrderMark(content))) {
      reader.readLine(line);
    }
    SpecFile spec = new SpecFile(fileName, reader.groups, reader.fields);
    if (spec.fields().isEmpty() && reader.problems.isEmpty()) {
      // Line 1, so that every problem of a spec has the FILE:LINE form.
      reader.problems.add(SpecProblems.atLine(Message.EMPTY_SPEC, fileName, 1));
    }
    return new ReadResult(spec, reader.problems);
  }

  private void readLine(SpecLine line) {
    String text = line.withoutComment().strip();
    if (text.isEmpty()) {
      return;
    }
    int control = firstControlCharacter(text);
    if (control >= 0) {
      malformed(line, String.format("control character U+%04X in column %d", (int) text.charAt(control),
          line.text().indexOf(text.charAt(control)) + 1));
    } else if (text.startsWith("[")) {
      readHeader(line, text);
    } else {
      readField(line, text);
    }
  }

  private void readHeader(SpecLine line, String text) {
    sawHeader = true;
    current = Optional.empty();
    int close = text.indexOf(']');
    if (close < 0) {
      malformed(line, "group header without ']': expected [<category> <width>]  <SDM reference>");
      return;
    }
    String header = text.substring(0, close + 1);
    String[] words = WHITESPACE.split(header.substring(1, close).strip());
    Optional<VmcsCategory> category = words.length == 2 ? VmcsCategory.fromSpecName(words[0]) : Optional.empty();
    Optional<VmcsWidth> width = words.length == 2 ? VmcsWidth.fromSpecName(words[1]) : Optional.empty();
    if (category.isEmpty() || width.isEmpty()) {
      problems.add(SpecProblems.atLine(Message.UNKNOWN_GROUP, fileName, line.number(), header));
      return;
    }
    FieldGroup group = new FieldGroup(category.get(), width.get(), text.substring(close + 1).strip(),
        line.number());
    groups.add(group);
    current = Optional.of(group);
  }

  private void readField(SpecLine line, String text) {
    int bar = text.indexOf('|');
    String columns = bar < 0 ? text : text.substring(0, bar).strip();
    String lineReference = bar < 0 ? "" : text.substring(bar + 1).strip();
    String[] parts = WHITESPACE.split(columns, 3);
    if (parts.length < 2 || parts[0].isEmpty()) {
      malformed(line, "too few columns: expected NAME 0xENCODING doc [| SDM reference]");
      return;
    }
    Matcher hex = HEX.matcher(parts[1]);
    if (!hex.matches()) {
      malformed(line, "encoding \"" + parts[1] + "\" is not a hex number 0x0 to 0xFFFFFFFF");
      return;
    }
    if (current.isEmpty()) {
      if (!sawHeader) {
        problems.add(Message.FIELD_OUTSIDE_GROUP.at(fileName, line.number(), "field " + parts[0]));
      }
      return; // under an unknown header: that header is already reported
    }
    FieldGroup group = current.get();
    int encoding = Integer.parseUnsignedInt(hex.group(1), 16);
    String doc = parts.length == 3 ? parts[2].strip() : "";
    String reference = lineReference.isEmpty() ? group.sdmReference() : lineReference;
    fields.add(new FieldDef(parts[0], encoding, group, doc, reference, line.number()));
  }

  private void malformed(SpecLine line, String what) {
    problems.add(SpecProblems.atLine(Message.MALFORMED_LINE, fileName, line.number(), what));
  }

  private static int firstControlCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\t') {
        return i;
      }
    }
    return -1;
  }
}
