package ru.gospubliki.examples.cli;

import java.util.List;

/**
 * One command of the tool: its name, flags, help and action. Parsing the flags, answering {@code
 * --help} and reporting a usage error as one Russian line with exit code 2 are the same for every
 * command and happen here, so a new command is its flags, its help text and its action, plus one
 * line in {@link Gospubliki#COMMANDS}.
 */
final class Command {
  /** What a command does with its parsed flags; a {@link UsageException} anywhere in it exits 2. */
  interface Action {
    int run(Arguments arguments, Terminal terminal) throws UsageException;
  }

  final String name;
  /** One line for the tool's own help. */
  final String summary;
  final Arguments.Spec flags;
  /** The command's {@code --help} text, starting with «Использование: gospubliki <name>». */
  final String usage;
  private final Action action;

  Command(String summary, Arguments.Spec flags, String usage, Action action) {
    this.name = flags.command;
    this.summary = summary;
    this.flags = flags;
    this.usage = usage;
    this.action = action;
  }

  int run(List<String> args, Terminal terminal) {
    try {
      Arguments arguments = Arguments.parse(flags, args);
      if (arguments.help()) {
        terminal.out.println(usage);
        return Gospubliki.EXIT_OK;
      }
      return action.run(arguments, terminal);
    } catch (UsageException e) {
      terminal.err.println(prefix() + e.getMessage());
      return Gospubliki.EXIT_USAGE;
    }
  }

  /** What starts each line the command writes on stderr: {@code gospubliki audit: }. */
  String prefix() {
    return "gospubliki " + name + ": ";
  }
}
