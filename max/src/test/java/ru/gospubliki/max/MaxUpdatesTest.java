package ru.gospubliki.max;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.gospubliki.max.MaxServer.BOT;

import java.time.Instant;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.FetchResult;

class MaxUpdatesTest {
  static final long CHAT = MaxServer.CHAT;
  @RegisterExtension final MaxServer server = new MaxServer();
  private final FakeMax max = server.max;

  @Test
  void pollsOnlyTheChannelUpdatesFromTheStoredMarkerAndStoresTheNext() {
    max.channel(-702L, "school1", "Школа № 1", BOT);
    max.update(BOT, "bot_added", CHAT);
    max.update(BOT, "bot_added", -702L);
    max.update(BOT, "bot_removed", -702L);
    try (MaxPlatform platform = server.platform().build()) {
      ChannelUpdates first = platform.pollUpdates();

      assertThat(first.added()).extracting(MaxChannel::chatId).containsExactly(CHAT, -702L);
      assertThat(first.removed()).extracting(MaxChannel::chatId).containsExactly(-702L);
      assertThat(first.problems()).isEmpty();
      assertThat(server.directory.channels()).extracting(MaxChannel::chatId).containsExactly(CHAT);
      assertThat(server.directory.marker(BOT)).hasValue(4);

      max.update(BOT, "bot_added", -702L);
      ChannelUpdates second = platform.pollUpdates();
      assertThat(second.added()).extracting(MaxChannel::chatId).containsExactly(-702L);
      assertThat(second.removed()).isEmpty();
    }
    List<RecordedRequest> polls = max.requests("GET /updates");
    assertThat(polls.get(0).getUrl().queryParameter("marker")).isNull();
    assertThat(polls.get(0).getUrl().queryParameter("types")).isEqualTo("bot_added,bot_removed");
    assertThat(polls.get(0).getUrl().queryParameter("timeout")).isEqualTo("0");
    // Each round was short: no second call that would only commit what was read.
    assertThat(polls).extracting(r -> r.getUrl().queryParameter("marker")).containsExactly(null, "4");
    assertThat(polls.get(0).getUrl().queryParameter("limit")).isEqualTo("1000");
  }

  @Test
  void aProcessThatKeepsItsChannelsInMemoryLearnsThemAgainOnItsNextStart() {
    max.update(BOT, "bot_added", CHAT);
    try (MaxPlatform first = server.platform().build()) {
      assertThat(first.pollUpdates().added()).hasSize(1);
    }
    // A new process with a new, empty directory: nothing was committed, the update is read again.
    try (MaxPlatform next = server.platform().channels(MaxChannelDirectory.inMemory()).build()) {
      assertThat(next.pollUpdates().added()).extracting(MaxChannel::chatId).containsExactly(CHAT);
    }
  }

  @Test
  void aWebhookDeliveryIsAppliedLikeAPolledOne() {
    String added = "{\"timestamp\":1775025604499,\"chat_id\":" + CHAT + ",\"user\":{\"user_id\":123456789,"
        + "\"first_name\":\"John\",\"last_name\":\"Doe\",\"is_bot\":false,\"last_activity_time\":1775025580000,"
        + "\"name\":\"John Doe\"},\"user_id\":123456789,\"is_channel\":true,\"update_type\":\"bot_added\"}";
    try (MaxPlatform platform = server.platform().build()) {
      ChannelUpdates result = platform.acceptUpdate(BOT, added);

      assertThat(result.added()).singleElement().satisfies(channel -> {
        assertThat(channel.link()).isEqualTo("https://max.ru/zarechny_adm");
        assertThat(channel.addedAt()).isEqualTo(Instant.ofEpochMilli(1775025604499L));
      });
      PageRef page = PageRef.parse("https://max.ru/zarechny_adm");
      assertThat(platform.resolve(List.of(page)).get(page)).isInstanceOf(FetchResult.Success.class);

      assertThat(platform.acceptUpdate(BOT, added.replace("bot_added", "bot_removed")).removed()).hasSize(1);
      assertThat(platform.resolve(List.of(page)).get(page)).isInstanceOfSatisfying(FetchResult.Failure.class,
          failure -> assertThat(failure.reason()).isEqualTo(FailureReason.BOT_NOT_ADMIN));

      assertThat(platform.acceptUpdate(BOT, "{\"update_type\":").problems()).singleElement().asString()
          .contains("не JSON");
      assertThat(platform.acceptUpdate(BOT, "{\"update_type\":\"message_created\",\"timestamp\":1}").added()).isEmpty();
    }
  }

  @Test
  void aChannelWhoseReadFailedIsKeptAndReadWhenItsNameIsAsked() {
    max.update(BOT, "bot_added", CHAT);
    max.script("GET /chats/{id}", FakeMax.error(503, "service.unavailable", "later"),
        FakeMax.error(503, "service.unavailable", "later"), FakeMax.error(503, "service.unavailable", "later"));
    try (MaxPlatform platform = server.platform().build()) {
      ChannelUpdates updates = platform.pollUpdates();
      assertThat(updates.added()).singleElement().satisfies(channel -> assertThat(channel.link()).isNull());
      assertThat(updates.problems()).singleElement().asString().contains("503");

      PageRef page = PageRef.parse("https://max.ru/zarechny_adm");
      assertThat(platform.resolve(List.of(page)).get(page)).isEqualTo(FetchResult.success(PageRef.parse("max:" + CHAT)));
    }
    assertThat(server.directory.channels()).singleElement()
        .satisfies(channel -> assertThat(channel.link()).isEqualTo("https://max.ru/zarechny_adm"));
  }

  @Test
  void aRefusedKeyIsAProblemAndTheOtherBotsCarryOn() {
    max.bots.remove(MaxServer.TOKEN);
    max.bot("another-valid-key-3", 440440440L);
    max.update(440440440L, "bot_added", CHAT);
    max.admins.get(CHAT).add(440440440L);
    try (MaxPlatform platform = server.platform().botToken("another-valid-key-3").build()) {
      ChannelUpdates updates = platform.pollUpdates();

      assertThat(updates.problems()).singleElement().asString()
          .contains("MAX не принял ключ бота (botTokens[0])", "HTTP 401, ответ MAX: «verify.token")
          .doesNotContain(MaxServer.TOKEN);
      assertThat(updates.added()).extracting(MaxChannel::botId).containsExactly(440440440L);
    }
  }

  @Test
  void theInMemoryDirectoryIsAnUpsertKeyedByBotAndChat() {
    MaxChannelDirectory directory = MaxChannelDirectory.inMemory();
    MaxChannel channel = MaxChannel.builder().botId(1).chatId(-5).addedAt(Instant.EPOCH).build();
    directory.put(channel);
    directory.put(MaxChannel.builder().from(channel).link("https://max.ru/x").build());
    directory.put(MaxChannel.builder().from(channel).botId(2).build());
    assertThat(directory.channels()).hasSize(2).extracting(MaxChannel::link).containsOnlyOnce("https://max.ru/x");
    directory.remove(1, -5);
    directory.remove(1, -5);
    assertThat(directory.channels()).extracting(MaxChannel::botId).containsExactly(2L);
    assertThat(directory.marker(1)).isEmpty();
    directory.marker(1, 42);
    assertThat(directory.marker(1)).hasValue(42);
  }
}
