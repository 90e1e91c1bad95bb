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
 *                     "ads": false, "views": 120, "likes": 4}]}],
 *  "ok": [{"group": {"uid": "53350000000001", "name": "...", "shortname": "...", ...group.getInfo fields...},
 *          "topics": [{"daysAgo": 2, "text": "...", "authorUser": "575000000001", "photo": true}]}]}
 * }</pre>
 *
 * {@code fromId} (VK) and {@code authorUser} (OK) are set only for posts made by a person.
 */
public final class DataSet {
  final List<Map<String, Object>> vk;
  final List<Map<String, Object>> ok;
  private final String registryCsv;

  private DataSet(List<Map<String, Object>> vk, List<Map<String, Object>> ok, String registryCsv) {
    this.vk = vk;
    this.ok = ok;
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
    return new DataSet(List.copyOf(vk), List.copyOf(ok), registryCsv);
  }

  static DataSet of(List<Map<String, Object>> vk, List<Map<String, Object>> ok, String registryCsv) {
    return new DataSet(List.copyOf(vk), List.copyOf(ok), registryCsv);
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
}
