package dev.vmcscodegen.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --json} option every command mixes in: readable text by default, or exactly one JSON
 * object on stdout written by {@link JsonOutput}.
 */
public final class OutputOptions {

  @Option(names = "--json", description = "Print one JSON object on stdout instead of text.")
  private boolean json;

  /** Whether {@code --json} was given. */
  public boolean json() {
    return json;
  }
}
