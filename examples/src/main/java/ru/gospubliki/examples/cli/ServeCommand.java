package ru.gospubliki.examples.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.util.List;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.examples.sandbox.SandboxData;
import ru.gospubliki.examples.serve.Service;
import ru.gospubliki.platform.Platform;
import ru.gospubliki.registry.RegistryReader;
import ru.gospubliki.store.Store;
import ru.gospubliki.store.StoreException;

/**
 * {@code gospubliki serve}: the SDK as an HTTP service (the JSON API for CMS plugins and Госвеб,
 * the dashboard for ЦУР staff) until stopped. Prints its base URL as the first line on stdout
 * when ready; stops cleanly on SIGTERM or Ctrl+C.
 */
final class ServeCommand {
  /** The port without {@code --port}. */
  static final int DEFAULT_PORT = 8080;
  /** Connections to the store's database, at most: requests beyond wait for one. */
  static final int STORE_CONNECTIONS = 16;

  static final Arguments.Spec FLAGS = PlatformAccess.flags(new Arguments.Spec("serve")
      .valued("--port", "--host", "--store"));

  static final String USAGE = String.join("\n",
      "Использование: gospubliki serve [--port N] [--host ADDRESS] [--store URL|PATH|none] [--sandbox]",
      "                        [--vk-api-url URL] [--ok-api-url URL] [--max-api-url URL]",
      "",
      "Запускает сервис: API JSON для модулей CMS и Госвеба (/api/v1, описание — /api/v1/openapi.json)",
      "и панель ЦУР в браузере (/): «подключено X из Y» по районам, динамика, что исправить, что",
      "изменилось, выгрузка в XLSX. Когда сервис готов, первой строкой печатает свой адрес.",
      "  --port N          порт (по умолчанию " + DEFAULT_PORT + "; 0 — любой свободный)",
      "  --host ADDRESS    адрес, на котором слушать (по умолчанию 127.0.0.1 — только этот компьютер)",
      PlatformAccess.USAGE,
      "                    с --sandbox учебный район проверяется при запуске и сразу виден в панели",
      StoreOption.USAGE,
      "Ключи API — в GOSPUBLIKI_API_KEYS: ключ=район;ключ=* (* — все районы; ключ не короче 16 символов).",
      "Ключ района видит и публикует только для организаций своего района. С --sandbox без",
      "GOSPUBLIKI_API_KEYS ключ для всех районов создаётся при запуске и печатается.",
      "Вебхук MAX (события bot_added/bot_removed): POST /api/v1/max/webhook/<id бота> с секретом подписки",
      "из MAX_WEBHOOK_SECRET в заголовке X-Max-Bot-Api-Secret.",
      "Ключи платформ — как у audit и post: VK_SERVICE_TOKEN, VK_USER_TOKEN, OK_APPLICATION_KEY,",
      "OK_APPLICATION_SECRET_KEY, OK_ACCESS_TOKEN, MAX_BOT_TOKEN.",
      "Остановка: SIGTERM или Ctrl+C — начатые публикации доводятся до конца и записываются в журнал.",
      "Коды выхода: 0 — остановлен; 1 — порт не открыт; 2 — ошибка в параметрах или ключах API;",
      "5 — хранилище недоступно.");

  static final Command COMMAND = new Command(
      "запустить сервис: API для CMS и Госвеба и панель ЦУР в браузере", FLAGS, USAGE, ServeCommand::run);

  private ServeCommand() {}

  static int run(Arguments a, Terminal terminal) throws UsageException {
    PlatformAccess access = PlatformAccess.of(a, terminal.env);
    int port = a.has("--port") ? Values.port("--port", a.require("--port")) : DEFAULT_PORT;
    String hostValue = a.value("--host");
    String host = hostValue == null ? "127.0.0.1" : hostValue.strip();
    String keys = terminal.env.get("GOSPUBLIKI_API_KEYS");
    String generated = null;
    if (keys == null || keys.isBlank()) {
      if (!access.sandbox) {
        throw new UsageException("задайте ключи API в переменной GOSPUBLIKI_API_KEYS: ключ=район;ключ=* "
            + "(* — все районы; ключ не короче 16 символов)");
      }
      generated = "sandbox-" + java.util.UUID.randomUUID().toString().replace("-", "");
      keys = generated + "=*";
    }
    String apiKeys = keys;
    String shownKey = generated;
    StoreOption option = StoreOption.parse(a.value("--store"), terminal.env, access.sandbox);
    try (StoreOption store = option) {
      return access.use(null, (reached, sample) -> serve(reached, sample, store, port, host, apiKeys, shownKey, terminal));
    }
  }

  private static int serve(PlatformAccess access, @Nullable SandboxData sample, StoreOption option, int port, String host,
      String apiKeys, @Nullable String generatedKey, Terminal terminal) throws UsageException {
    PrintStream err = terminal.err;
    Store store;
    try {
      store = option.openPooled(STORE_CONNECTIONS);
    } catch (StoreException e) {
      err.println(COMMAND.prefix() + "хранилище «" + option.description + "» недоступно (" + StoreOption.reason(e) + ")");
      return Gospubliki.EXIT_STORE;
    }
    List<Platform> platforms = access.platforms();
    try {
      Service.Builder builder = Service.builder(store).host(host).port(port).apiKeys(apiKeys);
      platforms.forEach(builder::addPlatform);
      String secret = terminal.env.get("MAX_WEBHOOK_SECRET");
      if (secret != null && !secret.isBlank()) builder.maxWebhookSecret(secret.strip());
      Service service;
      try {
        service = builder.build();
      } catch (IllegalArgumentException e) {
        throw new UsageException(String.valueOf(e.getMessage()));
      }
      if (platforms.isEmpty()) {
        err.println(COMMAND.prefix() + "нет ключей доступа к VK, OK и MAX: отчёты и панель работают, проверка и "
            + "публикация — нет (задайте ключи, как для audit и post, или запустите с --sandbox)");
      }
      if (sample != null) {
        try {
          service.auditNow(RegistryReader.read(new StringReader(sample.registryCsv())));
        } catch (IOException e) {
          throw new IllegalStateException("sample registry unreadable", e);
        }
      }
      try {
        service.start();
      } catch (IllegalStateException e) {
        err.println(COMMAND.prefix() + "не удалось открыть порт " + port + " на " + host
            + " (порт занят или адрес не этого компьютера)");
        return Gospubliki.EXIT_FAILED;
      }
      PrintStream out = terminal.out;
      out.println(service.url());
      if (generatedKey != null) out.println("Ключ API песочницы (все районы): " + generatedKey);
      out.println("Панель: " + service.url() + " · API: " + service.url() + "api/v1/openapi.json · Остановить: Ctrl+C");
      out.flush();
      try {
        terminal.stop.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      for (String lost : service.stop()) err.println(COMMAND.prefix() + lost);
      return Gospubliki.EXIT_OK;
    } finally {
      for (Platform platform : platforms) {
        try {
          platform.close();
        } catch (Exception e) {
          // Closing releases threads and connections; nothing is lost if it fails.
        }
      }
    }
  }
}
