package ru.gospubliki.ok.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.gospubliki.model.AuthorKind;
import ru.gospubliki.model.MediaKind;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.Post;
import ru.gospubliki.model.ProfileSnapshot;

final class MapperTest {
  private static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");

  private static Map<String, Object> json(String text) throws Exception {
    return OkJson.asMap(OkJson.parse(text));
  }

  @Test
  void emailIsFoundInDescriptionText() {
    assertThat(ProfileMapper.findEmail("Пишите: priemnaya@адм-тында.рф или звоните")).isEqualTo("priemnaya@адм-тында.рф");
    assertThat(ProfileMapper.findEmail("Почта — info@school9.amur.ru.")).isEqualTo("info@school9.amur.ru");
    assertThat(ProfileMapper.findEmail("Пишите нам в сообщения @school9")).isNull();
  }

  @Test
  void addressInEitherForm() throws Exception {
    assertThat(ProfileMapper.address("  г. Свободный, ул. Ленина, 1 ")).isEqualTo("г. Свободный, ул. Ленина, 1");
    assertThat(ProfileMapper.address(json("{\"city\":\"Зея\",\"street\":\"Мира\",\"house\":\"3\"}"))).isEqualTo("Зея, Мира, 3");
    assertThat(ProfileMapper.address(json("{\"line\":\"Зея, Мира 3\",\"lat\":null}"))).isEqualTo("Зея, Мира 3");
    assertThat(ProfileMapper.address(json("{}"))).isNull();
    assertThat(ProfileMapper.address("")).isNull();
    assertThat(ProfileMapper.address(null)).isNull();
  }

  @Test
  void avatarPresenceAndStubs() throws Exception {
    assertThat(ProfileMapper.hasAvatar(json("{\"uid\":\"1\"}"))).isNull();
    assertThat(ProfileMapper.hasAvatar(json("{\"pic_avatar\":\"https://i.mycdn.me/i?r=x\"}"))).isTrue();
    assertThat(ProfileMapper.hasAvatar(json("{\"pic_avatar\":\"https://api.ok.ru/res/stub_group_128x128.gif\"}"))).isFalse();
    assertThat(ProfileMapper.hasAvatar(json("{\"pic_avatar\":null,\"main_photo\":{\"id\":\"5\"}}"))).isTrue();
  }

  @Test
  void groupWithoutOptionalFields() throws Exception {
    ProfileSnapshot s = ProfileMapper.map(json("{\"uid\":\"42\"}"), NOW);
    assertThat(s.page()).isEqualTo(PageRef.parse("ok:42"));
    assertThat(s.name()).isNull();
    assertThat(s.phones()).isEmpty();
    assertThat(s.members()).isNull();
  }

  @Test
  void topicToleratesNumbersAndMissingParts() throws Exception {
    PageRef page = PageRef.parse("ok:77");
    Post post = TopicMapper.map(page, json("{\"id\":70102413183763,\"created_ms\":\"1763629200000\","
        + "\"media\":[{\"type\":\"text\",\"text\":\"Раз\"},{\"type\":\"text\",\"text\":\"Два #итоги\"},"
        + "{\"type\":\"poll\"},{\"type\":\"app\"}]}"));
    assertThat(post.id()).isEqualTo("70102413183763");
    assertThat(post.publishedAt()).isEqualTo(Instant.ofEpochMilli(1763629200000L));
    assertThat(post.authorKind()).isEqualTo(AuthorKind.COMMUNITY);
    assertThat(post.text()).isEqualTo("Раз\n\nДва #итоги");
    assertThat(post.hashtags()).containsExactly("итоги");
    assertThat(post.media()).containsExactlyInAnyOrder(MediaKind.POLL, MediaKind.OTHER);
    assertThat(TopicMapper.map(page, json("{\"id\":\"1\"}"))).isNull();
  }
}
