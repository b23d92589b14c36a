package dev.vmcscodegen.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * How the commands read their input files: a file the file system cannot give is one line naming it
 * ({@code FILE: no such file}, {@code FILE: cannot read: REASON}), an {@link InputException}. What the
 * text says is the reader's business: a file read whole goes through
 * {@link dev.vmcscodegen.problem.TextInput}, a log of any size is streamed
 * ({@link dev.vmcscodegen.problem.TextLines}), and their problems pass through as they are.
 */
final class InputFiles {

  private InputFiles() {}

  /** Reading a file, which may fail as the file system does. */
  @FunctionalInterface
  interface Read<T> {
    /** What the file holds. */
    T from(Path file) throws IOException;
  }

  /**
   * Reads {@code file} with {@code read}.
   *
   * @throws InputException if the file is missing or cannot be read
   */
  static <T> T read(Path file, Read<T> read) {
    try {
      return read.from(file);
    } catch (NoSuchFileException e) {
      throw new InputException(file + ": no such file");
    } catch (IOException e) {
      throw new InputException(file + ": cannot read: " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new InputException(file + ": cannot read: " + e.getCause().getMessage(), e);
    }
  }

  /**
   * Runs {@code use} on {@code file} as a stream of bytes, for a log of any size (a dump in a whole
   * {@code kern.log}), and closes it.
   *
   * @throws InputException if the file is missing or cannot be read
   */
  static <T> T stream(Path file, Function<InputStream, T> use) {
    return read(file, path -> {
      try (InputStream in = Files.newInputStream(path)) {
        return use.apply(in);
      }
    });
  }
}
