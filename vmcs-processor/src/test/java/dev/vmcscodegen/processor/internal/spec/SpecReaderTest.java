package dev.vmcscodegen.processor.internal.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmcscodegen.encoding.VmcsCategory;
import dev.vmcscodegen.processor.internal.model.FieldDef;
import dev.vmcscodegen.processor.internal.model.FieldGroup;
import dev.vmcscodegen.processor.internal.model.Message;
import dev.vmcscodegen.problem.Problem;
import dev.vmcscodegen.encoding.VmcsWidth;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecReaderTest {

  private static ReadResult read(String... lines) {
    return SpecReader.read("t.spec", String.join("\n", lines));
  }

  private static List<Message> messages(ReadResult result) {
    return result.problems().stream().map(problem -> (Message) problem.kind()).toList();
  }

  @Test
  void readsGroupsAndFieldsWithPositions() {
    ReadResult result = read(
        "# header comment",
        "[guest natural]   SDM Vol. 3D, B.4.3",
        "RIP   0x681E   Guest RIP",
        "",
        "[host 16]",
        "ES_SELECTOR  0x0C00  Host ES selector  | SDM Vol. 3C 25.5.2  # trailing comment");
    assertEquals(List.of(), result.problems());
    FieldGroup guest = new FieldGroup(VmcsCategory.GUEST, VmcsWidth.NATURAL, "SDM Vol. 3D, B.4.3", 2);
    FieldGroup host = new FieldGroup(VmcsCategory.HOST, VmcsWidth.BITS_16, "", 5);
    assertEquals(List.of(guest, host), result.spec().groups());
    assertEquals(List.of(
        new FieldDef("RIP", 0x681E, guest, "Guest RIP", "SDM Vol. 3D, B.4.3", 3),
        new FieldDef("ES_SELECTOR", 0x0C00, host, "Host ES selector", "SDM Vol. 3C 25.5.2", 6)),
        result.spec().fields());
  }

  @Test
  void lineReferenceOverridesGroupReference() {
    ReadResult result = read("[control 32]  SDM Vol. 3D, B.3.1", "X 0x4000 doc | SDM Vol. 3C 25.6.1");
    assertEquals("SDM Vol. 3C 25.6.1", result.spec().fields().get(0).sdmReference());
  }

  @Test
  void keepsWhatChecksJudge() {
    // the reader takes any name, encoding bits and empty doc: the checks report them with the field's name
    ReadResult result = read("[guest 16]", "1bad 0xFFFFFFFF");
    assertEquals(List.of(), result.problems());
    FieldDef field = result.spec().fields().get(0);
    assertEquals("1bad", field.name());
    assertEquals(0xFFFFFFFF, field.encoding());
    assertEquals("", field.doc());
    assertEquals("", field.sdmReference());
  }

  @Test
  void acceptsUpperCaseHexPrefixAndShortHex() {
    ReadResult result = read("[control 16]", "A 0X2 doc", "B 0x0 doc");
    assertEquals(List.of(2, 0), result.spec().fields().stream().map(FieldDef::encoding).toList());
  }

  @Test
  void malformedLinesAreReportedAndSkipped() {
    ReadResult result = read("[guest 16]", "ONLY_NAME", "X 681E doc", "Y 0x1FFFFFFFF doc", "Z 0xG doc",
        "[guest 16", "| ref only", "OK 0x0800 doc");
    assertEquals(List.of(Message.MALFORMED_LINE, Message.MALFORMED_LINE, Message.MALFORMED_LINE,
        Message.MALFORMED_LINE, Message.MALFORMED_LINE, Message.MALFORMED_LINE), messages(result));
    assertEquals(List.of(2, 3, 4, 5, 6, 7), result.problems().stream().map(Problem::line).toList());
    assertTrue(result.problems().get(0).render().contains("too few columns"));
    assertTrue(result.problems().get(1).render().contains("\"681E\" is not a hex number"));
    // the header without ']' ends the group: the last field is not read into [guest 16]
    assertEquals(List.of(), result.spec().fields());
  }

  @Test
  void controlCharactersAreMalformed() {
    ReadResult result = read("[guest 16]", "X 0x0800 bad\u0001doc");
    assertEquals(List.of(Message.MALFORMED_LINE), messages(result));
    assertTrue(result.problems().get(0).render().contains("U+0001"));
  }

  @Test
  void unknownGroupIsReportedOnceAndItsFieldsAreNotRead() {
    ReadResult result = read("[guest 128]", "X 0x0800 doc", "Y 0x0802 doc", "[states natural]", "[guest]",
        "[guest 16 extra]");
    assertEquals(List.of(Message.UNKNOWN_GROUP, Message.UNKNOWN_GROUP, Message.UNKNOWN_GROUP,
        Message.UNKNOWN_GROUP), messages(result));
    assertEquals("t.spec:1: [VmcsUnknownGroup] unknown group header [guest 128]: expected"
        + " [<control|read-only|guest|host> <16|32|64|natural>] (SDM Vol. 3C 25.11.2 / Table 25-21)",
        result.problems().get(0).render());
    assertEquals(List.of(), result.spec().fields());
  }

  @Test
  void fieldBeforeAnyGroupIsReportedWithItsName() {
    ReadResult result = read("# c", "RIP 0x681E Guest RIP", "[guest natural]", "RSP 0x681C Guest RSP");
    assertEquals(List.of(Message.FIELD_OUTSIDE_GROUP), messages(result));
    assertEquals("t.spec:2: [VmcsFieldOutsideGroup] field RIP: the field comes before any group header;"
        + " put it under a [<category> <width>] header", result.problems().get(0).render());
    assertEquals(1, result.spec().fields().size());
  }

  @Test
  void specWithoutFieldsIsEmpty() {
    assertEquals(List.of(Message.EMPTY_SPEC), messages(read("")));
    assertEquals(List.of(Message.EMPTY_SPEC), messages(read("# only comments", "", "[guest 16]  ref")));
    assertEquals("t.spec:1: [VmcsEmptySpec] the spec defines no fields", read("").problems().get(0).render());
  }

  @Test
  void crlfFilesReadLikeLfFiles() {
    assertEquals(read("[guest 16]", "X 0x0800 doc").spec(),
        SpecReader.read("t.spec", "[guest 16]\r\nX 0x0800 doc\r\n").spec());
  }
}
