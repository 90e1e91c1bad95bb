package ru.gospubliki.ok.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.gospubliki.internal.http.Each;
import ru.gospubliki.model.AuthorKind;
import ru.gospubliki.model.MediaKind;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.Post;
import ru.gospubliki.model.ProfileSnapshot;

final class MapperTest {
  private static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");

  private static OkAnswers.Group group(String json) throws Exception {
    Each<OkAnswers.Group> groups = OkAnswers.GROUPS.fromJson("[" + json + "]");
    assertThat(groups.malformed()).isEmpty();
    return groups.items().get(0);
  }

  @Test
  void phonesSplitOnCommasAndSemicolons() {
    assertThat(ProfileMapper.phones("+7 (4212) 12-34-56, 8 914 123 45 67;  +7 495 123-45-67 (приёмная) ;"))
        .containsExactly("+7 (4212) 12-34-56", "8 914 123 45 67", "+7 495 123-45-67 (приёмная)");
    assertThat(ProfileMapper.phones(null)).isEmpty();
    assertThat(ProfileMapper.phones(" ,\u00a0; ")).isEmpty();
  }

  /** The email pattern once took 47 s on 50 KB without «@»; every scan of OK's text is linear. */
  @Test
  void adversarialHundredKilobyteTextsAreScannedQuickly() {
    List<String> hostile = List.of(
        "a".repeat(100_000),
        "a.".repeat(50_000),
        "a@".repeat(50_000),
        "x@" + "a-".repeat(50_000),
        "a".repeat(50_000) + "@" + "b".repeat(50_000),
        " ".repeat(100_000),
        "\u00a0".repeat(100_000) + ",",
        "+7 ".repeat(33_000) + ";");
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      for (String text : hostile) {
        ProfileMapper.phones(text);
        ProfileMapper.text(text);
        OkAnswers.GROUPS.fromJson("[{\"uid\":1,\"description\":\"" + text + "\",\"phone\":\"" + text
            + "\",\"address\":{\"city\":\"" + text + "\"}}]");
      }
    });
  }

  @Test
  void addressInEitherForm() throws Exception {
    assertThat(group("{\"uid\":1,\"address\":\"  г. Свободный, ул. Ленина, 1 \"}").address().text())
        .isEqualTo("г. Свободный, ул. Ленина, 1");
    assertThat(group("{\"uid\":1,\"address\":{\"city\":\"Зея\",\"street\":\"Мира\",\"house\":\"3\"}}").address().text())
        .isEqualTo("Зея, Мира, 3");
    assertThat(group("{\"uid\":1,\"address\":{\"line\":\"Зея, Мира 3\",\"lat\":null}}").address().text())
        .isEqualTo("Зея, Мира 3");
    assertThat(group("{\"uid\":1,\"address\":{}}").address()).isNull();
    assertThat(group("{\"uid\":1,\"address\":\"\"}").address()).isNull();
    assertThat(group("{\"uid\":1,\"address\":[]}").address()).isNull();
    assertThat(group("{\"uid\":1}").address()).isNull();
  }

  @Test
  void avatarPresenceAndStubs() throws Exception {
    assertThat(ProfileMapper.hasAvatar(group("{\"uid\":\"1\"}"))).isNull();
    assertThat(ProfileMapper.hasAvatar(group("{\"pic_avatar\":\"https://i.mycdn.me/i?r=x\"}"))).isTrue();
    assertThat(ProfileMapper.hasAvatar(group("{\"pic_avatar\":\"https://api.ok.ru/res/stub_group_128x128.gif\"}"))).isFalse();
    assertThat(ProfileMapper.hasAvatar(group("{\"pic_avatar\":null,\"main_photo\":{\"id\":\"5\"}}"))).isTrue();
  }

  @Test
  void groupWithoutOptionalFields() throws Exception {
    ProfileSnapshot s = ProfileMapper.map(group("{\"uid\":\"42\"}"), 42, NOW);
    assertThat(s.page()).isEqualTo(PageRef.parse("ok:42"));
    assertThat(s.name()).isNull();
    assertThat(s.phones()).isEmpty();
    assertThat(s.members()).isNull();
  }

  @Test
  void topicToleratesNumbersAndMissingParts() throws Exception {
    PageRef page = PageRef.parse("ok:77");
    OkAnswers.Topic topic = OkAnswers.TOPICS.fromJson("{\"media_topics\":[{\"id\":70102413183763,"
        + "\"created_ms\":\"1763629200000\",\"media\":[{\"type\":\"text\",\"text\":\"Раз\"},"
        + "{\"type\":\"text\",\"text\":\"Два #итоги\"},{\"type\":\"poll\"},{\"type\":\"app\"}]}]}").mediaTopics().items().get(0);
    assertThat(TopicMapper.problem(topic)).isNull();
    Post post = TopicMapper.map(page, topic);
    assertThat(post.id()).isEqualTo("70102413183763");
    assertThat(post.publishedAt()).isEqualTo(Instant.ofEpochMilli(1763629200000L));
    assertThat(post.authorKind()).isEqualTo(AuthorKind.COMMUNITY);
    assertThat(post.text()).isEqualTo("Раз\n\nДва #итоги");
    assertThat(post.hashtags()).containsExactly("итоги");
    assertThat(post.media()).containsExactlyInAnyOrder(MediaKind.POLL, MediaKind.OTHER);
    OkAnswers.Topic noTime = OkAnswers.TOPICS.fromJson("{\"media_topics\":[{\"id\":\"1\"}]}").mediaTopics().items().get(0);
    assertThat(TopicMapper.problem(noTime)).contains("created_ms");
  }

  @Test
  void topicIdsArePositive64BitNumbers() {
    assertThat(OkSender.topicIdOrNull("70102413183763")).isEqualTo("70102413183763");
    assertThat(OkSender.topicIdOrNull(" 5 ")).isEqualTo("5");
    assertThat(OkSender.topicIdOrNull("9223372036854775807")).isEqualTo("9223372036854775807");
    for (String bad : List.of("", "0", "007", "-5", "abc", "true", "9223372036854775808", "1e5", "12a")) {
      assertThat(OkSender.topicIdOrNull(bad)).as(bad).isNull();
    }
  }
}
