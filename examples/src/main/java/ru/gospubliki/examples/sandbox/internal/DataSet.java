package ru.gospubliki.examples.sandbox.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fake platforms' content before it is placed in time: communities in the APIs' own JSON shape
 * plus posts whose dates are relative ({@code daysAgo}) so the data never goes stale.
 *
 * <p>Format (see {@code sample-data.json}):
 *
 * <pre>{@code
 * {"vk": [{"group": {"id": 1, "name": "...", "screen_name": "...", ...groups.getById fields...},
 *          "posts": [{"daysAgo": 1.5, "text": "...", "fromId": 555, "photo": true, "pinned": false,
 *                     "ads": false, "views": 120, "likes": 4}],
 *          "ownKey": false}],
 *  "ok": [{"group": {"uid": "53350000000001", "name": "...", "shortname": "...", ...group.getInfo fields...},
 *          "topics": [{"daysAgo": 2, "text": "...", "authorUser": "575000000001", "photo": true}]}],
 *  "max": [{"chat": {"chat_id": -70000000000101, "type": "channel", "title": "...", "link": "https://max.ru/...",
 *                    ...Chat fields...},
 *           "botIsAdmin": true,
 *           "posts": [{"daysAgo": 1, "text": "...", "photo": true, "views": 120, "senderUser": 612345678}]}]}
 * }</pre>
 *
 * {@code fromId} (VK), {@code authorUser} (OK) and {@code senderUser} (MAX) are set only for posts
 * made by a person. A VK community with {@code ownKey} true has a key of its own (posts text) and
 * is not administered by the sandbox user. A MAX channel whose {@code botIsAdmin} is false exists, but the sandbox bot
 * cannot read it.
 */
public final class DataSet {
  final List<Map<String, Object>> vk;
  final List<Map<String, Object>> ok;
  final List<Map<String, Object>> max;
  private final String registryCsv;

  private DataSet(List<Map<String, Object>> vk, List<Map<String, Object>> ok, List<Map<String, Object>> max,
      String registryCsv) {
    this.vk = vk;
    this.ok = ok;
    this.max = max;
    this.registryCsv = registryCsv;
  }

  /** Parses and validates the data file; {@code registryCsv} is the matching registry. */
  public static DataSet parse(String json, String registryCsv) {
    Map<String, Object> root;
    try {
      root = Json.object(Json.parse(json), "sandbox data");
    } catch (IOException e) {
      throw new IllegalArgumentException("sandbox data is not valid JSON: " + e.getMessage(), e);
    }
    List<Map<String, Object>> vk = new ArrayList<>();
    Set<Long> vkIds = new HashSet<>();
    for (Object item : Json.array(root.get("vk"), "vk")) {
      Map<String, Object> entry = Json.object(item, "vk[]");
      Map<String, Object> group = Json.object(entry.get("group"), "vk[].group");
      long id = Json.longValue(group.get("id"), "vk[].group.id");
      if (id <= 0) throw new IllegalArgumentException("vk[].group.id must be positive: " + id);
      if (!vkIds.add(id)) throw new IllegalArgumentException("duplicate vk group id: " + id);
      if (!(group.get("screen_name") instanceof String)) {
        throw new IllegalArgumentException("vk group " + id + " has no screen_name");
      }
      for (Object post : Json.array(entry.get("posts"), "vk[].posts")) Json.object(post, "vk[].posts[]");
      vk.add(entry);
    }
    List<Map<String, Object>> ok = new ArrayList<>();
    Set<String> okIds = new HashSet<>();
    for (Object item : Json.array(root.get("ok"), "ok")) {
      Map<String, Object> entry = Json.object(item, "ok[]");
      Map<String, Object> group = Json.object(entry.get("group"), "ok[].group");
      Object uid = group.get("uid");
      if (!(uid instanceof String) || !((String) uid).matches("[1-9][0-9]{0,19}")) {
        throw new IllegalArgumentException("ok[].group.uid must be a numeric string: " + uid);
      }
      if (!okIds.add((String) uid)) throw new IllegalArgumentException("duplicate ok group uid: " + uid);
      for (Object t : Json.array(entry.get("topics"), "ok[].topics")) Json.object(t, "ok[].topics[]");
      ok.add(entry);
    }
    List<Map<String, Object>> max = new ArrayList<>();
    Set<Long> maxIds = new HashSet<>();
    for (Object item : Json.array(root.get("max"), "max")) {
      Map<String, Object> entry = Json.object(item, "max[]");
      Map<String, Object> chat = Json.object(entry.get("chat"), "max[].chat");
      long id = Json.longValue(chat.get("chat_id"), "max[].chat.chat_id");
      if (id >= 0) throw new IllegalArgumentException("max[].chat.chat_id must be negative: " + id);
      if (!maxIds.add(id)) throw new IllegalArgumentException("duplicate max chat_id: " + id);
      if (!(chat.get("link") instanceof String)) throw new IllegalArgumentException("max chat " + id + " has no link");
      for (Object post : Json.array(entry.get("posts"), "max[].posts")) Json.object(post, "max[].posts[]");
      max.add(entry);
    }
    return new DataSet(List.copyOf(vk), List.copyOf(ok), List.copyOf(max), registryCsv);
  }

  static DataSet of(List<Map<String, Object>> vk, List<Map<String, Object>> ok, String registryCsv) {
    return new DataSet(List.copyOf(vk), List.copyOf(ok), List.of(), registryCsv);
  }

  public String registryCsv() {
    return registryCsv;
  }

  public int vkCommunities() {
    return vk.size();
  }

  public int okGroups() {
    return ok.size();
  }

  public int maxChannels() {
    return max.size();
  }
}
