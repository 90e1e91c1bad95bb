package ru.gospubliki.ok.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.Post;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.ok.OkApiException;
import ru.gospubliki.ok.OkMalformedResponseException;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.FetchResult;

/**
 * Reads OK for the audit: resolves short names with {@code url.getInfo} (remembering them), reads
 * profiles with {@code group.getInfo} in batches, and pages through {@code mediatopic.getTopics}
 * until the requested window is covered. A failure that every further call would meet too (flood
 * control, a dead token) stops the rest of a bulk read instead of repeating it page after page.
 */
public final class OkReader {
  private static final int MAX_TOPIC_PAGES = 100;

  private final OkApiClient api;
  private final Clock clock;
  private final int groupInfoBatchSize;
  private final int topicsPageSize;
  private final Map<String, Long> resolvedNames = new ConcurrentHashMap<>();

  public OkReader(OkApiClient api, Clock clock, int groupInfoBatchSize, int topicsPageSize) {
    this.api = api;
    this.clock = clock;
    this.groupInfoBatchSize = groupInfoBatchSize;
    this.topicsPageSize = topicsPageSize;
  }

  public Map<PageRef, FetchResult<PageRef>> resolve(Collection<PageRef> pages) {
    Map<PageRef, FetchResult<PageRef>> result = new LinkedHashMap<>();
    Stop stop = new Stop();
    for (PageRef page : pages) {
      if (result.containsKey(page)) continue;
      Long known = resolvedNames.get(page.id());
      if (!page.platform().equals(PlatformId.OK)) {
        result.put(page, FetchResult.failure(FailureReason.NOT_FOUND, "страница не в ОК: " + page.url()));
      } else if (page.isNumeric()) {
        result.put(page, FetchResult.success(page));
      } else if (known != null) {
        result.put(page, FetchResult.success(PageRef.of(PlatformId.OK, known.toString())));
      } else if (stop.failure != null) {
        result.put(page, stop.failure.cast());
      } else {
        result.put(page, resolveName(page, stop));
      }
    }
    return result;
  }

  private FetchResult<PageRef> resolveName(PageRef page, Stop stop) {
    String name = page.id();
    try {
      Object answer = api.call("url.getInfo", Map.of("url", "https://ok.ru/" + name));
      Map<String, @Nullable Object> info = OkJson.asMap(answer);
      if (info == null) throw new OkMalformedResponseException("url.getInfo", "not an object");
      String type = OkJson.text(info, "type");
      Long id = OkJson.longValue(info, "objectId");
      if (type == null || !type.equalsIgnoreCase("GROUP")) {
        return FetchResult.failure(FailureReason.NOT_FOUND,
            "«" + name + "» в ОК — не группа" + (type == null ? "" : " (" + type + ")"));
      }
      if (id == null || id <= 0) throw new OkMalformedResponseException("url.getInfo", "no objectId");
      resolvedNames.put(name, id);
      return FetchResult.success(PageRef.of(PlatformId.OK, id.toString()));
    } catch (OkApiException | IOException e) {
      return stop.record(OkFailures.of(e));
    }
  }

  public Map<PageRef, FetchResult<ProfileSnapshot>> fetchProfiles(Collection<PageRef> pages) {
    Map<PageRef, FetchResult<PageRef>> resolved = resolve(pages);
    Set<Long> ids = new LinkedHashSet<>();
    resolved.values().forEach(r -> {
      if (r instanceof FetchResult.Success<PageRef> success) ids.add(success.value().numericId());
    });
    Map<Long, FetchResult<ProfileSnapshot>> byId = new LinkedHashMap<>();
    List<Long> all = new ArrayList<>(ids);
    Stop stop = new Stop();
    for (int from = 0; from < all.size(); from += groupInfoBatchSize) {
      List<Long> batch = all.subList(from, Math.min(all.size(), from + groupInfoBatchSize));
      if (stop.failure != null) {
        for (Long id : batch) byId.put(id, stop.failure.cast());
        continue;
      }
      byId.putAll(fetchBatch(batch, stop));
    }
    Map<PageRef, FetchResult<ProfileSnapshot>> result = new LinkedHashMap<>();
    resolved.forEach((page, r) -> {
      if (r instanceof FetchResult.Failure<PageRef> failure) {
        result.put(page, failure.cast());
      } else {
        long id = ((FetchResult.Success<PageRef>) r).value().numericId();
        result.put(page, byId.getOrDefault(id,
            FetchResult.failure(FailureReason.NOT_FOUND, "группа " + id + " не найдена в ОК")));
      }
    });
    return result;
  }

  private Map<Long, FetchResult<ProfileSnapshot>> fetchBatch(List<Long> batch, Stop stop) {
    Map<Long, FetchResult<ProfileSnapshot>> result = new LinkedHashMap<>();
    try {
      StringBuilder uids = new StringBuilder();
      for (Long id : batch) uids.append(uids.length() == 0 ? "" : ",").append(id);
      Object answer = api.call("group.getInfo", Map.of("uids", uids.toString(), "fields", ProfileMapper.FIELDS));
      List<@Nullable Object> groups = ProfileMapper.groups(answer);
      if (groups == null) throw new OkMalformedResponseException("group.getInfo", "neither an array nor {\"groups\":[...]}");
      Instant now = clock.instant();
      for (Object item : groups) {
        Map<String, @Nullable Object> group = OkJson.asMap(item);
        Long uid = group == null ? null : OkJson.longValue(group, "uid");
        if (group == null || uid == null || !batch.contains(uid)) continue;
        try {
          result.put(uid, FetchResult.success(ProfileMapper.map(group, now)));
        } catch (RuntimeException e) {
          result.put(uid, FetchResult.failure(FailureReason.API_ERROR,
              "ОК вернул нечитаемый профиль группы " + uid + ": " + e.getMessage()));
        }
      }
    } catch (OkApiException | IOException e) {
      FetchResult.Failure<Object> failure = stop.record(OkFailures.of(e));
      for (Long id : batch) result.put(id, failure.cast());
    }
    return result;
  }

  public Map<PageRef, FetchResult<List<Post>>> fetchPosts(Collection<PageRef> pages, Instant since) {
    Map<PageRef, FetchResult<PageRef>> resolved = resolve(pages);
    Map<PageRef, FetchResult<List<Post>>> result = new LinkedHashMap<>();
    Stop stop = new Stop();
    resolved.forEach((page, r) -> {
      if (r instanceof FetchResult.Failure<PageRef> failure) {
        result.put(page, failure.cast());
      } else if (stop.failure != null) {
        result.put(page, stop.failure.cast());
      } else {
        try {
          result.put(page, FetchResult.success(topics(((FetchResult.Success<PageRef>) r).value(), since)));
        } catch (OkApiException | IOException e) {
          result.put(page, stop.record(OkFailures.of(e)).cast());
        }
      }
    });
    return result;
  }

  /**
   * The group's topics created at or after {@code since}, plus pinned ones, paging as far as needed.
   *
   * @throws OkApiException for OK's errors and unreadable answers.
   * @throws IOException when OK could not be reached.
   */
  public List<Post> topics(PageRef group, Instant since) throws IOException {
    List<Post> posts = new ArrayList<>();
    Set<String> seenIds = new HashSet<>();
    Set<String> seenAnchors = new HashSet<>();
    String anchor = null;
    for (int pageNo = 0; pageNo < MAX_TOPIC_PAGES; pageNo++) {
      Map<String, String> params = new LinkedHashMap<>();
      params.put("gid", Long.toString(group.numericId()));
      params.put("count", Integer.toString(topicsPageSize));
      params.put("fields", "media_topic.*");
      if (anchor != null) {
        params.put("anchor", anchor);
        params.put("direction", "FORWARD");
      }
      Map<String, @Nullable Object> answer = OkJson.asMap(api.call("mediatopic.getTopics", params));
      if (answer == null) throw new OkMalformedResponseException("mediatopic.getTopics", "not an object");
      List<@Nullable Object> topics = OkJson.asList(answer.get("media_topics"));
      boolean reachedOlder = false;
      int fresh = 0;
      if (topics != null) {
        for (Object item : topics) {
          Map<String, @Nullable Object> topic = OkJson.asMap(item);
          Post post = topic == null ? null : TopicMapper.map(group, topic);
          if (post == null || !seenIds.add(post.id())) continue;
          fresh++;
          boolean inWindow = !post.publishedAt().isBefore(since);
          if (inWindow || post.pinned()) posts.add(post);
          if (!inWindow && !post.pinned()) reachedOlder = true;
        }
      }
      String next = OkJson.text(answer, "anchor");
      Boolean hasMore = OkJson.bool(answer, "has_more");
      if (reachedOlder || fresh == 0 || Boolean.FALSE.equals(hasMore) || next == null || !seenAnchors.add(next)) {
        break;
      }
      anchor = next;
    }
    return posts;
  }

  /** Remembers a failure that every further call of a bulk operation would meet too. */
  private static final class Stop {
    FetchResult.@Nullable Failure<Object> failure;

    <T> FetchResult.Failure<T> record(FetchResult.Failure<T> f) {
      if (f.reason() == FailureReason.RATE_LIMITED || f.reason() == FailureReason.AUTHORIZATION) {
        failure = f.cast();
      }
      return f;
    }
  }

  @Override
  public String toString() {
    return "OkReader{groupInfoBatchSize=" + groupInfoBatchSize + ", topicsPageSize=" + topicsPageSize + "}";
  }
}
