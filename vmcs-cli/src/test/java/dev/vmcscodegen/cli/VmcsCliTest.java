package dev.vmcscodegen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class VmcsCliTest {

  /** Every command as its argument path, such as {@code [decode, field]}; the root is {@code []}. */
  private static List<List<String>> allCommands() {
    CommandLine root = VmcsCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    List<List<String>> commands = new ArrayList<>();
    collect(root, List.of(), commands);
    return commands;
  }

  private static void collect(CommandLine commandLine, List<String> path, List<List<String>> commands) {
    commands.add(path);
    commandLine.getSubcommands().forEach((name, sub) -> {
      List<String> subPath = new ArrayList<>(path);
      subPath.add(name);
      collect(sub, subPath, commands);
    });
  }

  @Test
  void everyCommandHasHelp() {
    List<List<String>> commands = allCommands();
    assertTrue(commands.size() >= 3, () -> "commands: " + commands);
    for (List<String> command : commands) {
      List<String> args = new ArrayList<>(command);
      args.add("--help");
      String text = CliRun.of(args.toArray(String[]::new)).text();
      String usage = String.join(" ", "Usage: vmcs", String.join(" ", command)).strip();
      assertTrue(text.startsWith(usage), () -> args + ": " + text);
    }
  }

  @Test
  void everyLeafCommandTakesJson() {
    CommandLine root = VmcsCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    List<String> missing = new ArrayList<>();
    collectLeavesWithoutJson(root, missing);
    assertEquals(List.of(), missing);
  }

  private static void collectLeavesWithoutJson(CommandLine commandLine, List<String> missing) {
    if (commandLine.getSubcommands().isEmpty()) {
      if (commandLine.getCommandSpec().findOption("--json") == null) {
        missing.add(commandLine.getCommandSpec().qualifiedName());
      }
      return;
    }
    commandLine.getSubcommands().values().forEach(sub -> collectLeavesWithoutJson(sub, missing));
  }

  @Test
  void noCommandIsBadUsage() {
    String message = CliRun.of().failure(2);
    assertTrue(message.startsWith("vmcs: "), message);
  }

  @Test
  void groupWithoutSubcommandIsBadUsage() {
    String message = CliRun.of("decode").failure(2);
    assertTrue(message.startsWith("vmcs decode: "), message);
  }

  @Test
  void unknownOptionIsBadUsage() {
    String message = CliRun.of("decode", "instruction-error", "--frobnicate", "1").failure(2);
    assertTrue(message.contains("--frobnicate"), message);
  }

  @Test
  void unknownCommandIsBadUsage() {
    String message = CliRun.of("frobnicate").failure(2);
    assertTrue(message.contains("frobnicate"), message);
  }

  @Test
  void outputThatCannotBeWrittenIsReportedAndExits1() {
    // As '> /dev/full' or a closed pipe: every write fails.
    PrintWriter full = new PrintWriter(new java.io.OutputStream() {
      @Override
      public void write(int b) throws java.io.IOException {
        throw new java.io.IOException("No space left on device");
      }
    }, true);
    StringWriter err = new StringWriter();
    int code = VmcsCli.run(new String[] {"decode", "exit-reason", "0x1E"}, full, new PrintWriter(err, true));
    assertEquals(ExitCode.BAD_INPUT.code(), code);
    assertEquals("vmcs: cannot write the output (standard output is full or closed)", err.toString().strip());
  }
}
