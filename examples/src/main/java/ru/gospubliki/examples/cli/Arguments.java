package ru.gospubliki.examples.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The parsed flags of one command. Hand-written on purpose: the surface is small and a parsing
 * library would be the tool's only extra dependency.
 *
 * <p>Accepts {@code --flag value} and {@code --flag=value}; a flag given twice is an error unless it
 * is repeatable; positional arguments are errors (no command takes any). The value of a free-text
 * flag (a post's {@code --text}) is the next argument whatever it looks like, so a text may start
 * with {@code --}; for other flags a next argument starting with {@code --} means the value was
 * forgotten. Errors are one-line Russian messages naming the flag or value.
 */
final class Arguments {
  /** The flags a command accepts: set up once with the chained methods, then only read. */
  static final class Spec {
    final String command;
    private final Set<String> valued = new LinkedHashSet<>();
    private final Set<String> repeatable = new LinkedHashSet<>();
    private final Set<String> switches = new LinkedHashSet<>();
    private final Set<String> text = new LinkedHashSet<>();

    Spec(String command) {
      this.command = command;
    }

    /** Flags that take one value. */
    Spec valued(String... flags) {
      Collections.addAll(valued, flags);
      return this;
    }

    /** Flags that take a value and may be given many times. */
    Spec repeatable(String... flags) {
      Collections.addAll(repeatable, flags);
      return this;
    }

    /** Flags without a value. */
    Spec switches(String... flags) {
      Collections.addAll(switches, flags);
      return this;
    }

    /** Flags that take one value of free text, taken as given even when it starts with {@code --}. */
    Spec text(String... flags) {
      Collections.addAll(valued, flags);
      Collections.addAll(text, flags);
      return this;
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
      } else if (i + 1 < args.size() && (spec.text.contains(flag) || !args.get(i + 1).startsWith("--"))) {
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
