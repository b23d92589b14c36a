package dev.vmcscodegen.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;

/**
 * Real Maven builds of {@code src/it/plugin-route} (the project docs/USING.md quotes whole: a spec
 * extending the base one, {@code -Xlint:all}, a test on the software VMCS): what a user sees on a first
 * build, after editing only the spec, after breaking it, after removing a group, and on a rebuild with
 * nothing changed. Never {@code clean} between steps: that is the point.
 */
class GenerateGoalIT {

  private static final String GENERATED = "target/generated-sources/vmcs/com/example/hv/vmcs/";
  private static final String CLASSES = "target/classes/com/example/hv/vmcs/";
  private static final String SPEC = "src/main/vmcs/my-fields.spec";

  @Test
  void firstBuildThenSpecOnlyChangeThenNoOpRebuild() throws IOException {
    Path project = MavenBuild.project("plugin-route", "spec-change");

    MavenBuild.Result first = MavenBuild.run(project, "verify").passed();
    assertTrue(first.output().contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0"), first.output());
    assertTrue(first.output().contains("Generated VMCS sources from 1 spec: 4 written, 0 unchanged, 0 removed"),
        first.output());
    for (String type : new String[] {"ExtControl16", "ExtGuest32", "ExtFields", "ExtEncodings"}) {
      assertTrue(Files.isRegularFile(project.resolve(GENERATED + type + ".java")), type);
      assertTrue(Files.isRegularFile(project.resolve(CLASSES + type + ".class")), type);
    }
    assertFalse(first.output().contains("[WARNING]"), first.output());

    append(project, "VENDOR_STATE_2          0x4BE2  Second vendor guest-state word\n");
    FileTime controlTime = Files.getLastModifiedTime(project.resolve(GENERATED + "ExtControl16.java"));
    MavenBuild.Result changed = MavenBuild.run(project, "compile").passed();
    // the new field's group, the catalog and the constants change; the control group's source does not
    assertTrue(changed.output().contains("3 written, 1 unchanged, 0 removed"), changed.output());
    assertTrue(read(project, GENERATED + "ExtGuest32.java").contains("VENDOR_STATE_2("));
    assertTrue(read(project, GENERATED + "ExtEncodings.java").contains("GUEST_VENDOR_STATE_2 = 0x4BE2"));
    assertEquals(controlTime, Files.getLastModifiedTime(project.resolve(GENERATED + "ExtControl16.java")));
    assertTrue(changed.output().contains("Recompiling the module because of changed source code."), changed.output());

    FileTime guestTime = Files.getLastModifiedTime(project.resolve(GENERATED + "ExtGuest32.java"));
    MavenBuild.Result again = MavenBuild.run(project, "compile").passed();
    assertTrue(again.output().contains("VMCS sources are up to date (4 files in "), again.output());
    assertTrue(again.output().contains("Nothing to compile - all classes are up to date"), again.output());
    assertEquals(guestTime, Files.getLastModifiedTime(project.resolve(GENERATED + "ExtGuest32.java")));
  }

  @Test
  void brokenSpecFailsWithEveryProblemAtItsLineThenTheFixBuilds() throws IOException {
    Path project = MavenBuild.project("plugin-route", "broken");
    MavenBuild.run(project, "compile").passed();
    String good = read(project, SPEC);
    Files.writeString(project.resolve(SPEC), good.replace("0x4BE0", "0x4BE1")
        + "VENDOR_ES_LIMIT         0x4800  Reuses the base spec's guest ES limit\n", StandardCharsets.UTF_8);

    MavenBuild.Result broken = MavenBuild.run(project, "compile").failed();
    String spec = project.resolve(SPEC).toString();
    assertTrue(broken.output().contains("2 problems in VMCS spec files; nothing generated:"), broken.output());
    assertTrue(broken.output().contains(spec + ":7: [VmcsHighAccessEncoding] field VENDOR_STATE: encoding 0x4BE1"
        + " has access type bit 0 set"), broken.output());
    assertTrue(broken.output().contains(spec + ":8: [VmcsBaseEncodingCollision] field VENDOR_ES_LIMIT: encoding"
        + " 0x4800 is already base field VmcsGuest32.ES_LIMIT"), broken.output());
    assertFalse(broken.output().contains("Compiling"), "the compiler must not run: " + broken.output());

    Files.writeString(project.resolve(SPEC), good, StandardCharsets.UTF_8);
    MavenBuild.Result fixed = MavenBuild.run(project, "compile").passed();
    assertTrue(fixed.output().contains("0 written, 4 unchanged, 0 removed"), fixed.output());
  }

  @Test
  void removedGroupLosesItsSourceAndClass() throws IOException {
    Path project = MavenBuild.project("plugin-route", "removed-group");
    MavenBuild.run(project, "compile").passed();
    String spec = read(project, SPEC);
    Files.writeString(project.resolve(SPEC), spec.substring(0, spec.indexOf("[guest 32]")), StandardCharsets.UTF_8);

    MavenBuild.Result removed = MavenBuild.run(project, "compile").passed();
    assertTrue(removed.output().contains("removed com/example/hv/vmcs/ExtGuest32.java (its group is gone)"),
        removed.output());
    assertFalse(Files.exists(project.resolve(GENERATED + "ExtGuest32.java")));
    assertFalse(Files.exists(project.resolve(CLASSES + "ExtGuest32.class")));
    assertTrue(Files.isRegularFile(project.resolve(CLASSES + "ExtControl16.class")));
    assertFalse(read(project, GENERATED + "ExtFields.java").contains("ExtGuest32"));
  }

  private static void append(Path project, String line) throws IOException {
    Files.writeString(project.resolve(SPEC), read(project, SPEC) + line, StandardCharsets.UTF_8);
  }

  private static String read(Path project, String file) throws IOException {
    return Files.readString(project.resolve(file), StandardCharsets.UTF_8);
  }
}
