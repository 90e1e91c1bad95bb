package ru.gospubliki.examples.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The parsed flags of one command. Hand-written on purpose: the surface is small and a parsing
 * library would be the tool's only extra dependency.
 *
 * <p>Accepts {@code --flag value} and {@code --flag=value}; a flag given twice is an error unless it
 * is repeatable; positional arguments are errors (no command takes any). Errors are one-line
 * Russian messages naming the flag or value.
 */
final class Arguments {
  /** The flags a command accepts. */
  static final class Spec {
    final String command;
    final Set<String> valued;
    final Set<String> repeatable;
    final Set<String> switches;

    Spec(String command, Set<String> valued, Set<String> repeatable, Set<String> switches) {
      this.command = command;
      this.valued = valued;
      this.repeatable = repeatable;
      this.switches = switches;
    }
  }

  private final Map<String, List<String>> values;
  private final boolean help;

  private Arguments(Map<String, List<String>> values, boolean help) {
    this.values = values;
    this.help = help;
  }

  static Arguments parse(Spec spec, List<String> args) throws UsageException {
    Map<String, List<String>> values = new LinkedHashMap<>();
    boolean help = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--help") || arg.equals("-h")) {
        help = true;
        continue;
      }
      if (!arg.startsWith("--") || arg.equals("--")) {
        throw new UsageException("лишний аргумент «" + arg + "» для команды " + spec.command
            + " (справка: gospubliki " + spec.command + " --help)");
      }
      String flag = arg;
      String inline = null;
      int eq = arg.indexOf('=');
      if (eq > 0) {
        flag = arg.substring(0, eq);
        inline = arg.substring(eq + 1);
      }
      if (spec.switches.contains(flag)) {
        if (inline != null) throw new UsageException("параметр " + flag + " не принимает значения");
        if (values.containsKey(flag)) throw new UsageException("параметр " + flag + " указан дважды");
        values.put(flag, List.of());
        continue;
      }
      boolean repeatable = spec.repeatable.contains(flag);
      if (!repeatable && !spec.valued.contains(flag)) {
        throw new UsageException("неизвестный параметр «" + flag + "» для команды " + spec.command
            + " (справка: gospubliki " + spec.command + " --help)");
      }
      String value;
      if (inline != null) {
        value = inline;
      } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
        value = args.get(++i);
      } else {
        throw new UsageException("параметру " + flag + " нужно значение");
      }
      if (value.isBlank()) throw new UsageException("параметру " + flag + " нужно непустое значение");
      List<String> list = values.computeIfAbsent(flag, k -> new ArrayList<>());
      if (!repeatable && !list.isEmpty()) throw new UsageException("параметр " + flag + " указан дважды");
      list.add(value);
    }
    return new Arguments(values, help);
  }

  boolean help() {
    return help;
  }

  boolean has(String flag) {
    return values.containsKey(flag);
  }

  @Nullable String value(String flag) {
    List<String> list = values.get(flag);
    return list == null || list.isEmpty() ? null : list.get(0);
  }

  /** The flag's value; call only after {@link #has} said it is present. */
  String require(String flag) {
    String value = value(flag);
    if (value == null) throw new IllegalStateException("no value for " + flag);
    return value;
  }

  List<String> values(String flag) {
    return List.copyOf(values.getOrDefault(flag, List.of()));
  }
}
