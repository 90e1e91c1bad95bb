package ru.gospubliki.examples.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.gospubliki.examples.sandbox.SandboxClient.list;
import static ru.gospubliki.examples.sandbox.SandboxClient.map;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.gospubliki.examples.sandbox.SandboxClient.Answer;
import ru.gospubliki.examples.sandbox.internal.OkSignature;
import ru.gospubliki.testing.MutableClock;

final class SandboxOkTest {
  private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-20T09:00:00Z"));
  private final Sandbox sandbox = Sandbox.builder().clock(clock).build();
  private final SandboxClient client = new SandboxClient(sandbox);

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  void signatureMatchesThePublishedTestVector() {
    String secret = OkSignature.sessionSecret("-s-84W-s3egarWUsbkq-IWTucuedzTKT8VUXIA.s4Xx8IW7", "ABC123DEF456GHI789JKL123");
    assertThat(secret).isEqualTo("b1a2b89707a94624c43afae67d59274c");
    Map<String, String> params = new LinkedHashMap<>();
    params.put("method", "events.get");
    params.put("format", "json");
    params.put("application_key", "ABCDEFGHIGKLMNOPK");
    params.put("access_token", "-s-84W-s3egarWUsbkq-IWTucuedzTKT8VUXIA.s4Xx8IW7");
    assertThat(OkSignature.sign(params, secret)).isEqualTo("232c8eb921951c4dba9b72606f9ddb4c");
  }

  private String uid(String shortname) throws IOException {
    return map(client.ok("url.getInfo", "url", "https://ok.ru/" + shortname).body).get("objectId").toString();
  }

  @Test
  void signedRequestIsAcceptedAndGroupInfoIsABareArray() throws IOException {
    String uid = uid("zarechnyadm");
    Answer a = client.ok("group.getInfo", "uids", uid + ",1", "fields", "UID,NAME,ACCESS_TYPE,GOS_ORG,phone");
    assertThat(a.invocationError).isEmpty();
    List<Object> groups = list(a.body);
    assertThat(groups).hasSize(1);
    assertThat(map(groups.get(0))).containsEntry("uid", uid).containsEntry("access_type", "OPEN")
        .containsEntry("gos_org", true).containsKeys("name", "phone").doesNotContainKey("description");
    Map<String, Object> noMark = map(list(client.ok("group.getInfo", "uids", uid("ozernyadm"), "fields", "gos_org,name")
        .body).get(0));
    assertThat(noMark).containsKey("name").doesNotContainKey("gos_org");
  }

  @Test
  void missingOrWrongSignatureIs104WithHeader() throws IOException {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("application_key", sandbox.okApplicationKey());
    params.put("method", "group.getInfo");
    params.put("format", "json");
    params.put("uids", "1");
    params.put("fields", "name");
    params.put("access_token", sandbox.okAccessToken());
    Answer missing = client.okRaw(params);
    assertThat(missing.invocationError).isEqualTo("104");
    assertThat(missing.map()).containsEntry("error_code", 104L)
        .containsEntry("error_msg", "PARAM_SIGNATURE : No signature specified").containsEntry("error_data", null);
    String secret = OkSignature.sessionSecret(sandbox.okAccessToken(), sandbox.okApplicationSecretKey());
    params.put("sig", OkSignature.sign(params, secret));
    params.put("uids", "2"); // changed after signing
    Answer wrong = client.okRaw(params);
    assertThat(wrong.invocationError).isEqualTo("104");
    assertThat(wrong.map()).containsEntry("error_code", 104L);
    // Signed with the application secret alone (no session) while sending a token: wrong too.
    params.put("sig", OkSignature.sign(params, sandbox.okApplicationSecretKey()));
    assertThat(client.okRaw(params).invocationError).isEqualTo("104");
    params.put("sig", OkSignature.sign(params, secret));
    assertThat(client.okRaw(params).invocationError).isEmpty();
  }

  @Test
  void wrongApplicationKeyOrTokenAreRefused() throws IOException {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("application_key", "OTHERKEY");
    params.put("method", "group.getInfo");
    params.put("format", "json");
    params.put("uids", "1");
    params.put("fields", "name");
    String secret = OkSignature.sessionSecret("other-token", sandbox.okApplicationSecretKey());
    params.put("sig", OkSignature.sign(params, secret));
    params.put("access_token", "other-token");
    assertThat(client.okRaw(params).invocationError).isEqualTo("101");
    params.put("application_key", sandbox.okApplicationKey());
    params.put("sig", OkSignature.sign(params, secret));
    Answer expired = client.okRaw(params);
    assertThat(expired.invocationError).isEqualTo("102");
    assertThat(expired.map().get("error_msg").toString()).doesNotContain("other-token");
  }

  @Test
  void urlGetInfoResolvesShortNamesAndGroupLinks() throws IOException {
    String uid = uid("zarechnyadm");
    assertThat(map(client.ok("url.getInfo", "url", "https://ok.ru/group/" + uid).body))
        .containsEntry("type", "GROUP").containsEntry("objectId", Long.parseLong(uid));
    assertThat(map(client.ok("url.getInfo", "url", "https://ok.ru/profile/561104947330").body))
        .containsEntry("type", "PROFILE").containsEntry("objectId", 561104947330L);
    Answer unknown = client.ok("url.getInfo", "url", "https://ok.ru/nosuchgroup");
    assertThat(unknown.invocationError).isEqualTo("300");
    assertThat(client.ok("no.suchMethod").invocationError).isEqualTo("3");
  }

  @Test
  void topicsPageWithAnchorNewestFirst() throws IOException {
    String uid = uid("zarechnyadm");
    List<Object> ids = new ArrayList<>();
    List<Long> created = new ArrayList<>();
    String anchor = null;
    int pages = 0;
    while (true) {
      Answer a = anchor == null
          ? client.ok("mediatopic.getTopics", "gid", uid, "count", "5")
          : client.ok("mediatopic.getTopics", "gid", uid, "count", "5", "anchor", anchor);
      Map<String, Object> page = a.map();
      pages++;
      for (Object t : list(page.get("media_topics"))) {
        ids.add(map(t).get("id"));
        created.add(((Number) map(t).get("created_ms")).longValue());
        assertThat(map(t)).containsEntry("author_ref", "group:" + uid).containsEntry("owner_ref", "group:" + uid);
      }
      anchor = (String) page.get("anchor");
      if (!Boolean.TRUE.equals(page.get("has_more"))) break;
    }
    assertThat(pages).isEqualTo(3);
    assertThat(ids).hasSize(14).doesNotHaveDuplicates();
    assertThat(created).isSortedAccordingTo((x, y) -> Long.compare(y, x));
    assertThat(client.ok("mediatopic.getTopics", "gid", uid, "anchor", "garbage").invocationError).isEqualTo("100");
    assertThat(client.ok("mediatopic.getTopics", "gid", uid, "anchor", anchor, "direction", "SIDEWAYS").invocationError)
        .isEqualTo("100");
  }

  @Test
  void personsTopicsCarryUserAuthor() throws IOException {
    String uid = uid("zarechnyrdk");
    long persons = list(client.ok("mediatopic.getTopics", "gid", uid, "count", "100").map().get("media_topics"))
        .stream().filter(t -> map(t).get("author_ref").toString().startsWith("user:")).count();
    assertThat(persons).isEqualTo(3);
  }

  @Test
  void postPublishesAndScheduledTopicAppearsAtMoscowTime() throws IOException {
    String uid = uid("school1zarechny");
    String attachment = "{\"media\":[{\"type\":\"text\",\"text\":\"Сейчас #школа\"}],\"onBehalfOfGroup\":\"true\"}";
    Answer now = client.ok("mediatopic.post", "type", "GROUP_THEME", "gid", uid, "attachment", attachment);
    assertThat(now.body).isInstanceOf(String.class);
    Map<String, Object> newest = map(list(client.ok("mediatopic.getTopics", "gid", uid, "count", "1")
        .map().get("media_topics")).get(0));
    assertThat(newest).containsEntry("id", now.body).containsEntry("author_ref", "group:" + uid);

    Instant at = clock.instant().plus(Duration.ofHours(2));
    String moscow = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Europe/Moscow")).format(at);
    String scheduled = "{\"media\":[{\"type\":\"text\",\"text\":\"Позже\"}],\"onBehalfOfGroup\":\"true\",\"publishAt\":\"" + moscow + "\"}";
    Object scheduledId = client.ok("mediatopic.post", "type", "GROUP_THEME", "gid", uid, "attachment", scheduled).body;
    assertThat(topicIds(uid)).doesNotContain(scheduledId);
    clock.advance(Duration.ofHours(2));
    Map<String, Object> first = map(list(client.ok("mediatopic.getTopics", "gid", uid, "count", "1")
        .map().get("media_topics")).get(0));
    assertThat(first).containsEntry("id", scheduledId).containsEntry("created_ms", at.toEpochMilli());

    String past = "{\"media\":[{\"type\":\"text\",\"text\":\"x\"}],\"publishAt\":\"2020-01-01 10:00:00\"}";
    assertThat(client.ok("mediatopic.post", "type", "GROUP_THEME", "gid", uid, "attachment", past).invocationError)
        .isEqualTo("100");
    String asUser = "{\"media\":[{\"type\":\"text\",\"text\":\"от себя\"}]}";
    Object userTopic = client.ok("mediatopic.post", "type", "GROUP_THEME", "gid", uid, "attachment", asUser).body;
    Map<String, Object> mine = map(list(client.ok("mediatopic.getTopics", "gid", uid, "count", "1")
        .map().get("media_topics")).get(0));
    assertThat(mine).containsEntry("id", userTopic);
    assertThat(mine.get("author_ref").toString()).startsWith("user:");
    assertThat(client.ok("mediatopic.post", "type", "USER_NOTE", "gid", uid, "attachment", asUser).invocationError)
        .isEqualTo("100");
    assertThat(client.ok("mediatopic.post", "type", "GROUP_THEME", "gid", uid, "attachment", "{not json").invocationError)
        .isEqualTo("100");
  }

  @Test
  void photoUploadTokensGoIntoTheTopic() throws IOException {
    String uid = uid("school1zarechny");
    Map<String, Object> upload = client.ok("photosV2.getUploadUrl", "gid", uid, "count", "2").map();
    List<Object> photoIds = list(upload.get("photo_ids"));
    assertThat(photoIds).hasSize(2);
    assertThat((String) upload.get("upload_url")).startsWith("http://127.0.0.1:" + sandbox.port() + "/ok/upload");
    Map<String, Object> photos = map(client.upload((String) upload.get("upload_url"), "pic", 2).map().get("photos"));
    assertThat(photos).containsOnlyKeys(photoIds.get(0).toString(), photoIds.get(1).toString());
    String token1 = map(photos.get(photoIds.get(0).toString())).get("token").toString();
    String token2 = map(photos.get(photoIds.get(1).toString())).get("token").toString();
    String attachment = "{\"media\":[{\"type\":\"text\",\"text\":\"Фото\"},{\"type\":\"photo\",\"list\":[{\"id\":\""
        + token1 + "\"},{\"id\":\"" + token2 + "\"}]},{\"type\":\"link\",\"url\":\"https://example.ru\"}],"
        + "\"onBehalfOfGroup\":\"true\"}";
    Answer posted = client.ok("mediatopic.post", "type", "GROUP_THEME", "gid", uid, "attachment", attachment);
    assertThat(posted.invocationError).isEmpty();
    Map<String, Object> listed = map(list(client.ok("mediatopic.getTopics", "gid", uid, "count", "1")
        .map().get("media_topics")).get(0));
    assertThat(listed).containsEntry("id", posted.body);
    Map<String, Object> photoBlock = map(list(listed.get("media")).get(1));
    assertThat(photoBlock).containsEntry("type", "photo").doesNotContainKey("list");
    assertThat(list(photoBlock.get("photo_refs"))).hasSize(2); // listed as OK lists them, not as posted
    String bad = "{\"media\":[{\"type\":\"photo\",\"list\":[{\"id\":\"forged\"}]}],\"onBehalfOfGroup\":\"true\"}";
    assertThat(client.ok("mediatopic.post", "type", "GROUP_THEME", "gid", uid, "attachment", bad).invocationError)
        .isEqualTo("100");
  }

  private List<Object> topicIds(String uid) throws IOException {
    List<Object> ids = new ArrayList<>();
    for (Object t : list(client.ok("mediatopic.getTopics", "gid", uid, "count", "100").map().get("media_topics"))) {
      ids.add(map(t).get("id"));
    }
    return ids;
  }
}
