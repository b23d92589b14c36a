package dev.vmcscodegen.processor.internal.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.palantir.javapoet.JavaFile;
import dev.vmcscodegen.processor.internal.spec.ReadResult;
import dev.vmcscodegen.processor.internal.spec.SpecReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The exact source generated for {@code src/test/resources/golden/small.spec}, against the files
 * {@code golden/<Type>.java.txt} beside it. Few on purpose: a golden file pins every character, so it
 * fails on harmless changes too; the other codegen tests pin behaviour.
 *
 * <p>To regenerate after an intended change, run from the repository root
 * {@code ./mvnw -B -ntp -o -q verify -pl vmcs-processor -am -Dvmcs.golden.update=true -Dtest=GoldenFileTest
 * -Dsurefire.failIfNoSpecifiedTests=false}, then read the diff before committing it.
 */
class GoldenFileTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @Test
  void smallSpecGeneratesTheGoldenSources() throws IOException {
    ReadResult read = SpecReader.read("small.spec", Files.readString(GOLDEN.resolve("small.spec")));
    assertEquals(List.of(), read.problems());
    List<JavaFile> files = SpecGenerator.generate(read.spec(), "com.example.vmcs", "Vmcs");
    if (Boolean.getBoolean("vmcs.golden.update")) {
      try (Stream<Path> old = Files.list(GOLDEN)) {
        for (Path path : old.filter(path -> path.toString().endsWith(".java.txt")).toList()) {
          Files.delete(path);
        }
      }
      for (JavaFile file : files) {
        Files.writeString(golden(file), file.toString(), StandardCharsets.UTF_8);
      }
    }
    try (Stream<Path> goldens = Files.list(GOLDEN)) {
      assertEquals(files.size(), goldens.filter(path -> path.toString().endsWith(".java.txt")).count(),
          "one golden file per generated type");
    }
    for (JavaFile file : files) {
      assertEquals(Files.readString(golden(file), StandardCharsets.UTF_8), file.toString(),
          "generated " + file.typeSpec().name() + " differs from its golden file");
    }
  }

  private static Path golden(JavaFile file) {
    return GOLDEN.resolve(file.typeSpec().name() + ".java.txt");
  }
}
