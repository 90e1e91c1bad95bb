package ru.gospubliki.examples.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import ru.gospubliki.examples.sandbox.Sandbox;

/** {@code gospubliki sandbox}: serves the fake VK, OK and MAX APIs with the sample data until interrupted. */
final class SandboxCommand {
  static final Arguments.Spec FLAGS = new Arguments.Spec("sandbox").valued("--port");

  static final String USAGE = String.join("\n",
      "Использование: gospubliki sandbox [--port N]",
      "",
      "Запускает встроенную песочницу: поддельные VK API (http://127.0.0.1:N/vk/method/),",
      "OK API (http://127.0.0.1:N/ok/fb.do) и MAX Bot API (http://127.0.0.1:N/max/) с учебным районом,",
      "и работает до Ctrl+C.",
      "  --port N   порт на 127.0.0.1 (по умолчанию — любой свободный)");

  static final Command COMMAND = new Command(
      "запустить встроенную песочницу (поддельные VK, OK и MAX API с учебными данными)", FLAGS, USAGE,
      SandboxCommand::run);

  private SandboxCommand() {}

  /** Serves until {@link Terminal#stop} is released (by the JVM's shutdown hook when run from main). */
  static int run(Arguments a, Terminal terminal) throws UsageException {
    int port = a.has("--port") ? Values.port("--port", a.require("--port")) : 0;
    PrintStream out = terminal.out;
    Sandbox sandbox;
    try {
      sandbox = Sandbox.builder().port(port).build();
    } catch (UncheckedIOException e) {
      terminal.err.println(COMMAND.prefix() + "не удалось открыть порт " + port + " на 127.0.0.1 (порт занят?)");
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
      terminal.stop.await();
      return Gospubliki.EXIT_OK;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Gospubliki.EXIT_OK;
    }
  }
}
