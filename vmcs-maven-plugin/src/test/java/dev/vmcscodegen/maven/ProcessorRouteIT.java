package dev.vmcscodegen.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The processor route exactly as docs/USING.md shows it ({@code src/it/processor-route}, whose pom.xml
 * the doc quotes whole): it builds and tests without a warning, and a spec-only change (a new field, a
 * removed group) shows in the next build without {@code clean}.
 */
class ProcessorRouteIT {

  private static final String GENERATED = "target/generated-sources/annotations/com/example/hv/vmcs/";
  private static final String CLASSES = "target/classes/com/example/hv/vmcs/";
  private static final String SPEC = "src/main/vmcs/my-fields.spec";

  @Test
  void buildsTestsAndFollowsSpecOnlyChanges() throws IOException {
    Path project = MavenBuild.project("processor-route", "processor-route");
    MavenBuild.Result first = MavenBuild.run(project, "verify").passed();
    assertTrue(first.output().contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0"), first.output());
    assertFalse(first.output().contains("[WARNING]"), first.output());

    String spec = Files.readString(project.resolve(SPEC), StandardCharsets.UTF_8);
    Files.writeString(project.resolve(SPEC), spec + "VENDOR_STATE_2          0x4BE2  Second vendor guest-state word\n",
        StandardCharsets.UTF_8);
    MavenBuild.Result added = MavenBuild.run(project, "compile").passed();
    assertFalse(added.output().contains("[WARNING]"), added.output());
    assertTrue(Files.readString(project.resolve(GENERATED + "ExtGuest32.java")).contains("VENDOR_STATE_2("));

    Files.writeString(project.resolve(SPEC), spec.substring(0, spec.indexOf("[guest 32]")), StandardCharsets.UTF_8);
    MavenBuild.Result removed = MavenBuild.run(project, "compile").passed();
    assertFalse(removed.output().contains("[WARNING]"), removed.output());
    assertFalse(Files.exists(project.resolve(GENERATED + "ExtGuest32.java")));
    assertFalse(Files.exists(project.resolve(CLASSES + "ExtGuest32.class")));
    assertTrue(Files.exists(project.resolve(CLASSES + "ExtControl16.class")));
  }
}
