package ru.gospubliki.examples.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

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
  static final String DEFAULT_VK_API_URL = "https://api.vk.com/method/";
  static final String DEFAULT_OK_API_URL = "https://api.ok.ru/fb.do";
  static final String DEFAULT_MAX_API_URL = "https://platform-api2.max.ru/";

  static final String USAGE = String.join("\n",
      "Использование: gospubliki <команда> [параметры]",
      "",
      "Команды:",
      "  audit     проверить официальные страницы (госпаблики) по реестру или списку ссылок",
      "  post      опубликовать запись на нескольких страницах VK, OK и MAX",
      "  sandbox   запустить встроенную песочницу (поддельные VK, OK и MAX API с учебными данными)",
      "",
      "Справка по команде: gospubliki <команда> --help",
      "Попробовать без ключей и без сети: gospubliki audit --sandbox");

  private Gospubliki() {}

  public static void main(String[] args) {
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "gospubliki-shutdown"));
    int code;
    try {
      code = run(args, System.getenv(), System.out, System.err, stop);
    } catch (RuntimeException e) {
      // Last resort: a person gets one line, never a stack trace.
      System.err.println("gospubliki: внутренняя ошибка: " + e.getClass().getSimpleName()
          + (e.getMessage() != null ? ": " + e.getMessage() : "") + ". Сообщите разработчикам.");
      code = EXIT_FAILED;
    }
    System.out.flush();
    System.exit(code);
  }

  /** Runs one command and returns its exit code; {@code stop} ends the {@code sandbox} command. */
  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, CountDownLatch stop) {
    if (args.length == 0) {
      err.println(USAGE);
      return EXIT_USAGE;
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    switch (args[0]) {
      case "--help":
      case "-h":
      case "help":
        out.println(USAGE);
        return EXIT_OK;
      case "audit":
        return AuditCommand.run(rest, env, out, err);
      case "post":
        return PostCommand.run(rest, env, out, err);
      case "sandbox":
        return SandboxCommand.run(rest, out, err, stop);
      default:
        err.println("gospubliki: неизвестная команда «" + args[0] + "»; команды: audit, post, sandbox"
            + " (справка: gospubliki --help)");
        return EXIT_USAGE;
    }
  }
}
