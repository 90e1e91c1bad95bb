package ru.gospubliki.vk.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.Post;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.FetchResult;
import ru.gospubliki.vk.VkApiException;

/**
 * Reads communities in bulk: {@code groups.getById} for up to 500 communities per request and
 * {@code wall.get} for up to 25 communities per {@code execute} request, paging each wall by 100
 * until the window is covered. One page's failure never fails the others.
 */
public final class Reader {
  public static final int GROUPS_PER_CALL = 500;
  public static final int CALLS_PER_EXECUTE = 25;
  public static final int POSTS_PER_PAGE = 100;

  private final VkClient client;
  private final @Nullable Token profileToken;
  private final @Nullable Token wallToken;
  private final Clock clock;

  public Reader(VkClient client, @Nullable Token profileToken, @Nullable Token wallToken, Clock clock) {
    this.client = client;
    this.profileToken = profileToken;
    this.wallToken = wallToken;
    this.clock = clock;
  }

  public Map<PageRef, FetchResult<PageRef>> resolve(Collection<PageRef> pages) {
    Map<PageRef, FetchResult<PageRef>> result = new LinkedHashMap<>();
    Set<String> names = new LinkedHashSet<>();
    for (PageRef page : pages) {
      if (!page.platform().equals(PlatformId.VK)) {
        result.put(page, notVk(page));
      } else if (page.isNumeric()) {
        result.put(page, FetchResult.success(page));
      } else {
        result.put(page, null);
        names.add(page.id());
      }
    }
    Map<String, FetchResult<PageRef>> byName = new HashMap<>();
    for (List<String> chunk : chunks(names, GROUPS_PER_CALL)) {
      FetchResult.Failure<PageRef> failure = null;
      Map<String, Long> ids = new HashMap<>();
      if (profileToken == null) {
        failure = noProfileToken();
      } else {
        try {
          Object response = client.call("groups.getById", Map.of("group_ids", String.join(",", chunk)),
              profileToken, true).response();
          for (Map<String, Object> group : ProfileMapper.groups(response)) {
            String screenName = Json.string(group, "screen_name");
            Long id = Json.longValue(group, "id");
            if (screenName != null && id != null) ids.put(screenName.toLowerCase(Locale.ROOT), Math.abs(id));
          }
        } catch (VkApiException e) {
          failure = failure(e);
        } catch (IOException e) {
          failure = network(e);
        }
      }
      for (String name : chunk) {
        Long id = ids.get(name);
        byName.put(name, failure != null ? failure
            : id != null ? FetchResult.success(PageRef.of(PlatformId.VK, Long.toString(id)))
            : FetchResult.failure(FailureReason.NOT_FOUND, "сообщество «" + name + "» не найдено"));
      }
    }
    result.replaceAll((page, value) -> value != null ? value : byName.get(page.id()));
    return result;
  }

  public Map<PageRef, FetchResult<ProfileSnapshot>> fetchProfiles(Collection<PageRef> pages) {
    Map<PageRef, FetchResult<ProfileSnapshot>> result = new LinkedHashMap<>();
    Set<String> keys = new LinkedHashSet<>();
    for (PageRef page : pages) {
      if (!page.platform().equals(PlatformId.VK)) {
        result.put(page, notVk(page));
      } else {
        result.put(page, null);
        keys.add(page.id());
      }
    }
    Map<String, FetchResult<ProfileSnapshot>> byKey = new HashMap<>();
    for (List<String> chunk : chunks(keys, GROUPS_PER_CALL)) {
      FetchResult.Failure<ProfileSnapshot> failure = null;
      Map<String, ProfileSnapshot> found = new HashMap<>();
      if (profileToken == null) {
        failure = noProfileToken();
      } else {
        try {
          Map<String, String> params = new LinkedHashMap<>();
          params.put("group_ids", String.join(",", chunk));
          params.put("fields", ProfileMapper.FIELDS);
          Object response = client.call("groups.getById", params, profileToken, true).response();
          Instant now = clock.instant();
          for (Map<String, Object> group : ProfileMapper.groups(response)) {
            ProfileSnapshot snapshot = ProfileMapper.toSnapshot(group, now);
            found.put(snapshot.page().id(), snapshot);
            String screenName = snapshot.screenName();
            if (screenName != null) found.putIfAbsent(screenName.toLowerCase(Locale.ROOT), snapshot);
          }
        } catch (VkApiException e) {
          failure = failure(e);
        } catch (IOException e) {
          failure = network(e);
        }
      }
      for (String key : chunk) {
        ProfileSnapshot snapshot = found.get(key);
        byKey.put(key, failure != null ? failure
            : snapshot != null ? FetchResult.success(snapshot)
            : FetchResult.failure(FailureReason.NOT_FOUND, "сообщество " + key + " не найдено"));
      }
    }
    result.replaceAll((page, value) -> value != null ? value : byKey.get(page.id()));
    return result;
  }

  public Map<PageRef, FetchResult<List<Post>>> fetchPosts(Collection<PageRef> pages, Instant since) {
    Map<PageRef, FetchResult<List<Post>>> result = new LinkedHashMap<>();
    Map<PageRef, FetchResult<PageRef>> resolved = resolve(new LinkedHashSet<>(pages));
    Map<PageRef, Long> pending = new LinkedHashMap<>();
    Map<Long, WallState> walls = new LinkedHashMap<>();
    Deque<WallState> queue = new ArrayDeque<>();
    for (PageRef page : pages) {
      FetchResult<PageRef> ref = resolved.get(page);
      if (!(ref instanceof FetchResult.Success<PageRef> success)) {
        result.put(page, ref instanceof FetchResult.Failure<PageRef> failure ? failure.cast()
            : FetchResult.failure(FailureReason.NOT_FOUND, "сообщество " + page + " не найдено"));
        continue;
      }
      long gid = success.value().numericId();
      pending.put(page, gid);
      if (!walls.containsKey(gid)) {
        WallState wall = new WallState(PageRef.of(PlatformId.VK, Long.toString(gid)), gid);
        walls.put(gid, wall);
        queue.add(wall);
      }
    }
    Token token = wallToken;
    if (token == null) {
      walls.values().forEach(wall -> wall.failure = new FetchResult.Failure<>(FailureReason.AUTHORIZATION,
          "для чтения стен нужен сервисный ключ приложения или ключ пользователя"));
      queue.clear();
    }
    while (token != null && !queue.isEmpty()) {
      List<WallState> batch = new ArrayList<>();
      while (!queue.isEmpty() && batch.size() < CALLS_PER_EXECUTE) batch.add(queue.poll());
      readBatch(batch, since, queue, token);
    }
    Map<PageRef, FetchResult<List<Post>>> ordered = new LinkedHashMap<>();
    for (PageRef page : pages) {
      FetchResult<List<Post>> done = result.get(page);
      Long gid = pending.get(page);
      if (done != null || gid == null) {
        ordered.put(page, done != null ? done
            : FetchResult.failure(FailureReason.NOT_FOUND, "сообщество " + page + " не найдено"));
        continue;
      }
      WallState wall = java.util.Objects.requireNonNull(walls.get(gid));
      FetchResult.Failure<List<Post>> failure = wall.failure;
      if (failure != null) {
        ordered.put(page, failure);
        continue;
      }
      List<Post> posts = new ArrayList<>();
      for (Post post : wall.posts.values()) posts.add(page.equals(wall.page) ? post : Post.builder().from(post).page(page).build());
      ordered.put(page, FetchResult.success(List.copyOf(posts)));
    }
    return ordered;
  }

  private void readBatch(List<WallState> batch, Instant since, Deque<WallState> queue, Token token) {
    VkClient.ApiResponse response;
    try {
      response = client.call("execute", Map.of("code", ExecuteScript.wallGet(batch.stream()
          .map(w -> new ExecuteScript.WallPage(w.gid, w.offset)).toList(), POSTS_PER_PAGE)), token, true);
    } catch (VkApiException e) {
      batch.forEach(wall -> wall.failure = failure(e));
      return;
    } catch (IOException e) {
      batch.forEach(wall -> wall.failure = network(e));
      return;
    }
    List<Object> results = Json.list(response.response());
    List<Object> errors = response.executeErrors();
    long failed = results.stream().filter(r -> !(r instanceof Map)).count();
    int errorIndex = 0;
    for (int i = 0; i < batch.size(); i++) {
      WallState wall = batch.get(i);
      Map<String, Object> page = i < results.size() ? Json.object(results.get(i)) : null;
      if (page == null) {
        Map<String, Object> error = failed == errors.size() && errorIndex < errors.size()
            ? Json.object(errors.get(errorIndex)) : null;
        if (i < results.size()) errorIndex++;
        wall.failure = subCallFailure(error);
        continue;
      }
      List<Object> items = Json.list(page, "items");
      Long total = Json.longValue(page, "count");
      boolean reachedOld = false;
      for (Object item : items) {
        Map<String, Object> map = Json.object(item);
        if (map == null) continue;
        Post post = PostMapper.toPost(wall.page, wall.gid, map);
        if (post == null) continue;
        if (post.publishedAt().isBefore(since)) {
          if (!post.pinned()) reachedOld = true;
          if (!post.pinned()) continue;
        }
        wall.posts.putIfAbsent(post.id(), post);
      }
      int next = wall.offset + items.size();
      boolean more = items.size() >= POSTS_PER_PAGE && !reachedOld && (total == null || next < total);
      if (more) {
        wall.offset = next;
        queue.add(wall);
      }
    }
  }

  private static <T> FetchResult.Failure<T> subCallFailure(@Nullable Map<String, Object> error) {
    if (error == null) {
      return new FetchResult.Failure<>(FailureReason.API_ERROR, "VK не вернул стену сообщества");
    }
    Long code = Json.longValue(error, "error_code");
    String message = Json.string(error, "error_msg");
    int value = code == null ? 0 : code.intValue();
    return new FetchResult.Failure<>(VkErrors.reasonFor(value),
        "ошибка VK " + value + (message == null ? "" : ": " + message));
  }

  private static <T> FetchResult.Failure<T> failure(VkApiException e) {
    return new FetchResult.Failure<>(e.reason(),
        e.errorCode() == 0 ? "некорректный ответ VK на " + e.method() + ": " + e.errorMessage()
            : "ошибка VK " + e.errorCode() + " в " + e.method() + ": " + e.errorMessage());
  }

  private static <T> FetchResult.Failure<T> network(IOException e) {
    return new FetchResult.Failure<>(FailureReason.NETWORK, "VK недоступен: " + e.getClass().getSimpleName());
  }

  private static <T> FetchResult.Failure<T> notVk(PageRef page) {
    return new FetchResult.Failure<>(FailureReason.NOT_FOUND, "страница " + page + " не во ВКонтакте");
  }

  private static <T> FetchResult.Failure<T> noProfileToken() {
    return new FetchResult.Failure<>(FailureReason.AUTHORIZATION, "не задан ключ доступа VK для чтения сообществ");
  }

  static <T> List<List<T>> chunks(Collection<T> values, int size) {
    List<T> list = new ArrayList<>(values);
    List<List<T>> result = new ArrayList<>();
    for (int i = 0; i < list.size(); i += size) result.add(list.subList(i, Math.min(list.size(), i + size)));
    return result;
  }

  private static final class WallState {
    final PageRef page;
    final long gid;
    int offset;
    final Map<String, Post> posts = new LinkedHashMap<>();
    FetchResult.@Nullable Failure<List<Post>> failure;

    WallState(PageRef page, long gid) {
      this.page = page;
      this.gid = gid;
    }
  }
}
