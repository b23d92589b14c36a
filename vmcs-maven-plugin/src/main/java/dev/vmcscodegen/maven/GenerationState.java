package dev.vmcscodegen.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the last successful generation of one plugin execution depended on (a hash of its inputs) and
 * what it wrote (paths relative to the output directory). Kept in a small text file under
 * {@code target/vmcs-maven-plugin/}; a missing or unreadable file only means "generate again".
 *
 * @param inputHash the hash of the inputs ({@link Generation#inputHash})
 * @param outputs the generated files, relative to the output directory, with {@code /} separators
 */
record GenerationState(String inputHash, List<String> outputs) {

  private static final String HEADER = "# vmcs-maven-plugin: the inputs' hash and the files generated from them";
  private static final String HASH = "hash=";
  private static final String OUTPUT = "output=";

  /** Freezes the outputs. */
  GenerationState {
    outputs = List.copyOf(outputs);
  }

  /** The state in {@code file}, or empty if there is none or it is not one this plugin wrote. */
  static Optional<GenerationState> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return Optional.empty();
    }
    String hash = null;
    List<String> outputs = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith(HASH)) {
        hash = line.substring(HASH.length());
      } else if (line.startsWith(OUTPUT)) {
        outputs.add(line.substring(OUTPUT.length()));
      }
    }
    return hash == null ? Optional.empty() : Optional.of(new GenerationState(hash, outputs));
  }

  /** Writes the state to {@code file}, creating its directory. */
  void write(Path file) throws IOException {
    StringBuilder text = new StringBuilder(HEADER).append('\n').append(HASH).append(inputHash).append('\n');
    outputs.forEach(output -> text.append(OUTPUT).append(output).append('\n'));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
