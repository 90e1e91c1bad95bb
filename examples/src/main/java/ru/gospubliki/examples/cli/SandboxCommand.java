package ru.gospubliki.examples.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import ru.gospubliki.examples.sandbox.Sandbox;

/** {@code gospubliki sandbox}: serves the fake VK, OK and MAX APIs with the sample data until interrupted. */
final class SandboxCommand {
  static final Arguments.Spec SPEC = new Arguments.Spec("sandbox", Set.of("--port"), Set.of(), Set.of());

  static final String USAGE = String.join("\n",
      "Использование: gospubliki sandbox [--port N]",
      "",
      "Запускает встроенную песочницу: поддельные VK API (http://127.0.0.1:N/vk/method/),",
      "OK API (http://127.0.0.1:N/ok/fb.do) и MAX Bot API (http://127.0.0.1:N/max/) с учебным районом,",
      "и работает до Ctrl+C.",
      "  --port N   порт на 127.0.0.1 (по умолчанию — любой свободный)");

  private SandboxCommand() {}

  /** Serves until {@code stop} is released (by the JVM's shutdown hook when run from main). */
  static int run(List<String> args, PrintStream out, PrintStream err, CountDownLatch stop) {
    int port;
    try {
      Arguments a = Arguments.parse(SPEC, args);
      if (a.help()) {
        out.println(USAGE);
        return Gospubliki.EXIT_OK;
      }
      port = a.has("--port") ? Values.port("--port", a.require("--port")) : 0;
    } catch (UsageException e) {
      err.println("gospubliki sandbox: " + e.getMessage());
      return Gospubliki.EXIT_USAGE;
    }
    Sandbox sandbox;
    try {
      sandbox = Sandbox.builder().port(port).build();
    } catch (UncheckedIOException e) {
      err.println("gospubliki sandbox: не удалось открыть порт " + port + " на 127.0.0.1 (порт занят?)");
      return Gospubliki.EXIT_FAILED;
    }
    try (sandbox) {
      out.println("Песочница запущена: " + sandbox.data().vkCommunities() + " сообществ VK, "
          + sandbox.data().okGroups() + " групп OK, " + sandbox.data().maxChannels() + " каналов MAX.");
      out.println("VK API: " + sandbox.vkApiUrl());
      out.println("OK API: " + sandbox.okApiUrl());
      out.println("MAX API: " + sandbox.maxApiUrl());
      out.println("Параметры для других команд:");
      out.println("  --vk-api-url " + sandbox.vkApiUrl() + " --ok-api-url " + sandbox.okApiUrl()
          + " --max-api-url " + sandbox.maxApiUrl());
      out.println("Учётные данные песочницы (работают только с ней):");
      out.println("  VK_SERVICE_TOKEN=" + sandbox.vkServiceToken() + " VK_USER_TOKEN=" + sandbox.vkUserToken());
      out.println("  OK_APPLICATION_KEY=" + sandbox.okApplicationKey()
          + " OK_APPLICATION_SECRET_KEY=" + sandbox.okApplicationSecretKey()
          + " OK_ACCESS_TOKEN=" + sandbox.okAccessToken());
      out.println("  MAX_BOT_TOKEN=" + sandbox.maxBotToken());
      out.println("Остановить: Ctrl+C");
      out.flush();
      stop.await();
      return Gospubliki.EXIT_OK;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Gospubliki.EXIT_OK;
    }
  }
}
