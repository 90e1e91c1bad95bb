package ru.gospubliki.examples.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The {@code gospubliki} tool: audits official pages of state bodies and their organisations on VK,
 * OK and MAX, cross-posts to them, and serves an embedded sandbox. Its flags, output and exit codes are a
 * stable contract: scripts and other systems call it.
 *
 * <pre>{@code
 * java -jar examples/target/gospubliki.jar audit --sandbox
 * java -jar examples/target/gospubliki.jar audit --registry реестр.csv --format json --out report.json
 * java -jar examples/target/gospubliki.jar post --page https://vk.com/club1 --text "Новости #школа"
 * java -jar examples/target/gospubliki.jar sandbox --port 8080
 * }</pre>
 */
public final class Gospubliki {
  static final int EXIT_OK = 0;
  static final int EXIT_FAILED = 1;
  static final int EXIT_USAGE = 2;
  static final int EXIT_PLATFORM = 3;
  static final int EXIT_UNKNOWN = 4;
  static final int EXIT_STORE = 5;
  /** How long a stop signal waits for the command to finish what is in flight. */
  static final int STOP_GRACE_SECONDS = 30;

  /** Every command, in the order the help lists them. */
  static final List<Command> COMMANDS = List.of(
      AuditCommand.COMMAND, PostCommand.COMMAND, ChangesCommand.COMMAND, HistoryCommand.COMMAND, ServeCommand.COMMAND,
      SandboxCommand.COMMAND);

  static final String USAGE = String.join("\n",
      "Использование: gospubliki <команда> [параметры]",
      "",
      "Команды:",
      COMMANDS.stream().map(c -> String.format("  %-9s %s", c.name, c.summary)).collect(Collectors.joining("\n")),
      "",
      "Справка по команде: gospubliki <команда> --help",
      "Попробовать без ключей и без сети: gospubliki audit --sandbox");

  private Gospubliki() {}

  public static void main(String[] args) {
    quietLogging();
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(1);
    AtomicBoolean signalled = new AtomicBoolean();
    AtomicInteger exitCode = new AtomicInteger(1);
    // SIGTERM or Ctrl+C: tell the command to stop, and keep the JVM up while it finishes what is in
    // flight (serve's posts under way, its running audit). Stopped by a signal, the JVM is shutting
    // down already and would exit 143 (128 + SIGTERM): a command that stopped cleanly in time says so
    // with its own code, set here by the hook itself, so no other hook's timing can win the race.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      signalled.set(true);
      stop.countDown();
      try {
        if (finished.await(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) Runtime.getRuntime().halt(exitCode.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "gospubliki-shutdown"));
    int code = run(args, System.getenv(), System.out, System.err, stop);
    System.out.flush();
    System.err.flush();
    exitCode.set(code);
    finished.countDown();
    if (signalled.get()) Runtime.getRuntime().halt(code);
    System.exit(code);
  }

  /**
   * Turns the SDK's log off unless a logging configuration is given ({@code
   * -Djava.util.logging.config.file=...}). The SDK logs in English, for an embedder's log files (a
   * store that failed mid-audit, say); the tool tells a person the same thing itself, in one Russian
   * line, and English log lines on its stderr would only bury it.
   */
  static void quietLogging() {
    if (System.getProperty("java.util.logging.config.file") != null
        || System.getProperty("java.util.logging.config.class") != null) {
      return;
    }
    Logger.getLogger("").setLevel(Level.OFF);
  }

  /**
   * Runs one command and returns its exit code; {@code stop} ends the {@code sandbox} command. Any
   * failure of the tool itself is one Russian line on {@code err} and exit code 1, never a stack trace.
   */
  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, CountDownLatch stop) {
    try {
      return dispatch(args, new Terminal(env, out, err, stop));
    } catch (RuntimeException | Error e) {
      err.println(internalError(e));
      return EXIT_FAILED;
    }
  }

  private static int dispatch(String[] args, Terminal terminal) {
    if (args.length == 0) {
      terminal.err.println(USAGE);
      return EXIT_USAGE;
    }
    if (List.of("--help", "-h", "help").contains(args[0])) {
      terminal.out.println(USAGE);
      return EXIT_OK;
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    for (Command command : COMMANDS) {
      if (command.name.equals(args[0])) return command.run(rest, terminal);
    }
    terminal.err.println("gospubliki: неизвестная команда «" + args[0] + "»; команды: "
        + COMMANDS.stream().map(c -> c.name).collect(Collectors.joining(", ")) + " (справка: gospubliki --help)");
    return EXIT_USAGE;
  }

  /**
   * The last resort: one line a person can pass on. The exception's own message is left out (it is
   * English, and may quote a secret); its class and where it was thrown are enough to find it.
   */
  static String internalError(Throwable e) {
    StackTraceElement[] trace = e.getStackTrace();
    String where = trace.length > 0 && trace[0].getFileName() != null
        ? " в " + trace[0].getFileName() + ":" + trace[0].getLineNumber() : "";
    if (e instanceof OutOfMemoryError) {
      return "gospubliki: не хватило памяти (" + e.getClass().getSimpleName() + where + "): запустите java "
          + "с большим -Xmx или уменьшите входные данные";
    }
    return "gospubliki: внутренняя ошибка (" + e.getClass().getSimpleName() + where + "). Сообщите разработчикам.";
  }
}
