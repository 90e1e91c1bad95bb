package ru.gospubliki.ok.internal;

import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.http.CallFailure;
import ru.gospubliki.internal.http.Each;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.Post;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.ok.OkApiException;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.FetchResult;
import ru.gospubliki.platform.PostHistory;
import ru.gospubliki.platform.PostQuery;

/**
 * Reads OK for the audit over the token pool: resolves short names with {@code url.getInfo} (a name
 * that is a person's profile is a person's page, not a failure), reads profiles with {@code
 * group.getInfo} in batches, and pages back through {@code mediatopic.getTopics}. A person's page
 * ({@code ok.ru/profile/N}) is never asked about with a group method.
 *
 * <p>{@code mediatopic.getTopics} is not in OK's published method reference; it is paged the way
 * OK's documented list methods are ({@code anchor}, {@code direction}, {@code count}; the answer's
 * {@code anchor} and {@code has_more}), and defensively: paging stops when a page brings no topic
 * not seen before, when an anchor comes back twice, and after {@value #MAX_TOPIC_PAGES} pages.
 */
public final class OkReader {
  static final int MAX_TOPIC_PAGES = 100;
  private static final String PERSON_PREFIX = "profile/";

  private final OkClient client;
  private final TokenPool pool;
  private final Clock clock;
  private final int groupInfoBatchSize;
  private final int topicsPageSize;

  public OkReader(OkClient client, TokenPool pool, Clock clock, int groupInfoBatchSize, int topicsPageSize) {
    this.client = client;
    this.pool = pool;
    this.clock = clock;
    this.groupInfoBatchSize = groupInfoBatchSize;
    this.topicsPageSize = topicsPageSize;
  }

  /** What a page reference stands for on OK. */
  public sealed interface Target permits Group, Person, Unresolved {}

  /** A group, by its numeric id. */
  public record Group(long gid) implements Target {
    public PageRef ref() {
      return PageRef.of(PlatformId.OK, Long.toString(gid));
    }
  }

  /** A person's profile. */
  public record Person(@Nullable Long uid) implements Target {}

  /** A reference that could not be resolved, and why. */
  public record Unresolved(FetchResult.Failure<Object> failure) implements Target {}

  /** True for a reference to a person's profile ({@code ok.ru/profile/N}), known from its form. */
  static boolean isPerson(PageRef page) {
    return page.platform().equals(PlatformId.OK) && page.id().startsWith(PERSON_PREFIX);
  }

  /** What each page stands for, resolving short names with {@code url.getInfo}. */
  public Map<PageRef, Target> targets(Collection<PageRef> pages) {
    Map<PageRef, Target> targets = new HashMap<>();
    Map<String, NameJob> names = new LinkedHashMap<>();
    for (PageRef page : pages) {
      if (!page.platform().equals(PlatformId.OK)) {
        targets.put(page, unresolved(FailureReason.NOT_FOUND, "страница не в ОК: " + page.url()));
      } else if (isPerson(page)) {
        targets.put(page, new Person(number(page.id().substring(PERSON_PREFIX.length()))));
      } else if (page.isNumeric()) {
        targets.put(page, new Group(page.numericId()));
      } else {
        names.computeIfAbsent(page.id(), NameJob::new).pages.add(page);
      }
    }
    List<NameJob> jobs = new ArrayList<>(names.values());
    pool.run(jobs);
    for (NameJob job : jobs) {
      Target target = job.target != null ? job.target : unresolved(FailureReason.API_ERROR, "короткое имя не проверено");
      for (PageRef page : job.pages) targets.put(page, target);
    }
    Map<PageRef, Target> ordered = new LinkedHashMap<>();
    for (PageRef page : pages) ordered.put(page, targets.get(page));
    return ordered;
  }

  /** Resolves short names to group references; a person's page and a group id resolve to themselves. */
  public Map<PageRef, FetchResult<PageRef>> resolve(Collection<PageRef> pages) {
    Map<PageRef, FetchResult<PageRef>> result = new LinkedHashMap<>();
    targets(pages).forEach((page, target) -> {
      if (target instanceof Group group) {
        result.put(page, FetchResult.success(group.ref()));
      } else if (target instanceof Person) {
        result.put(page, FetchResult.success(page));
      } else {
        result.put(page, ((Unresolved) target).failure().cast());
      }
    });
    return result;
  }

  /** Reads the profile of every page: groups with {@code group.getInfo}, in batches. */
  public Map<PageRef, FetchResult<ProfileSnapshot>> fetchProfiles(Collection<PageRef> pages) {
    Map<PageRef, Target> targets = targets(pages);
    Set<Long> ids = new LinkedHashSet<>();
    for (Target target : targets.values()) if (target instanceof Group group) ids.add(group.gid());
    Map<Long, FetchResult<ProfileSnapshot>> byId = new ConcurrentHashMap<>();
    List<Long> all = new ArrayList<>(ids);
    List<GroupsJob> jobs = new ArrayList<>();
    for (int from = 0; from < all.size(); from += groupInfoBatchSize) {
      jobs.add(new GroupsJob(all.subList(from, Math.min(all.size(), from + groupInfoBatchSize)), byId));
    }
    pool.run(jobs);
    Instant now = clock.instant();
    Map<PageRef, FetchResult<ProfileSnapshot>> result = new LinkedHashMap<>();
    targets.forEach((page, target) -> {
      if (target instanceof Group group) {
        FetchResult<ProfileSnapshot> read = byId.get(group.gid());
        result.put(page, read != null ? read : FetchResult.failure(FailureReason.API_ERROR, "группа " + group.gid() + " не прочитана"));
      } else if (target instanceof Person) {
        // A person's page: the audit says it is not a community; nothing else is read.
        result.put(page, FetchResult.success(ProfileSnapshot.builder().page(page).isCommunity(false).takenAt(now).build()));
      } else {
        result.put(page, ((Unresolved) target).failure().cast());
      }
    });
    return result;
  }

  /**
   * Reads each group's topics as {@code query} asks: back to {@link PostQuery#since()}, further
   * while fewer than {@link PostQuery#minOwnPosts()} of the group's own topics were kept, until the
   * group's first topic ({@link PostHistory#reachedStart()}). One malformed topic fails its group
   * only.
   */
  public Map<PageRef, FetchResult<PostHistory>> fetchPosts(Collection<PageRef> pages, PostQuery query) {
    Map<PageRef, Target> targets = targets(pages);
    Map<Long, TopicsJob> byGroup = new LinkedHashMap<>();
    for (Target target : targets.values()) {
      if (target instanceof Group group) {
        byGroup.computeIfAbsent(group.gid(), gid -> new TopicsJob(gid, query.since(), query.minOwnPosts()));
      }
    }
    pool.run(new ArrayList<>(byGroup.values()));
    Map<PageRef, FetchResult<PostHistory>> result = new LinkedHashMap<>();
    targets.forEach((page, target) -> {
      if (target instanceof Group group) {
        result.put(page, Objects.requireNonNull(byGroup.get(group.gid())).history(group.ref()));
      } else if (target instanceof Person) {
        result.put(page, FetchResult.failure(FailureReason.NOT_FOUND,
            "личная страница ОК, а не группа: публикации не читаются"));
      } else {
        result.put(page, ((Unresolved) target).failure().cast());
      }
    });
    return result;
  }

  /**
   * The topics of group {@code gid} created at or after {@code since} (and pinned ones), newest
   * first, read with whichever token is usable.
   */
  public FetchResult<List<OkAnswers.Topic>> recentTopics(long gid, Instant since) {
    TopicsJob job = new TopicsJob(gid, since, 0);
    pool.run(List.of(job));
    return job.topics();
  }

  /** The failure a call ended with, for a report. */
  static <T> FetchResult.Failure<T> failure(Exception e) {
    if (e instanceof OkApiException ok) return new FetchResult.Failure<>(ok.reason(), String.valueOf(ok.getMessage()));
    if (e instanceof CallFailure call) return new FetchResult.Failure<>(call.reason(), String.valueOf(call.getMessage()));
    return new FetchResult.Failure<>(FailureReason.API_ERROR, "сбой при чтении ОК: " + e.getClass().getSimpleName());
  }

  private static Unresolved unresolved(FailureReason reason, String detail) {
    return new Unresolved(new FetchResult.Failure<>(reason, detail));
  }

  private static @Nullable Long number(String digits) {
    try {
      long value = Long.parseLong(digits);
      return value > 0 ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Resolves one short name with {@code url.getInfo}. */
  private final class NameJob implements TokenPool.Job {
    final String name;
    final List<PageRef> pages = new ArrayList<>();
    volatile @Nullable Target target;

    NameJob(String name) {
      this.name = name;
    }

    @Override
    public List<TokenPool.Job> run(OkToken token) throws TokenPool.TokenUnusable, InterruptedIOException {
      OkAnswers.UrlInfo info;
      try {
        info = client.read(token, "url.getInfo", Map.of("url", "https://ok.ru/" + name), OkAnswers.URL_INFO);
      } catch (OkApiException e) {
        pool.checkToken(token, e);
        target = e.code() == 300
            ? unresolved(FailureReason.NOT_FOUND, "«" + name + "» не найдено в ОК")
            : new Unresolved(failure(e));
        return List.of();
      } catch (CallFailure e) {
        target = new Unresolved(failure(e));
        return List.of();
      }
      String type = info.type() == null ? "" : info.type().strip().toUpperCase(Locale.ROOT);
      Long id = info.objectId();
      if (type.equals("GROUP")) {
        target = id != null && id > 0 ? new Group(id)
            : unresolved(FailureReason.API_ERROR, "ОК вернул на url.getInfo группу «" + name + "» без идентификатора");
      } else if (type.contains("USER") || type.contains("PROFILE")) {
        target = new Person(id);
      } else {
        target = unresolved(FailureReason.NOT_FOUND, "«" + name + "» в ОК — не группа" + (type.isEmpty() ? "" : " (" + type + ")"));
      }
      return List.of();
    }

    @Override
    public void abandon(FetchResult.Failure<?> failure) {
      target = new Unresolved(failure.cast());
    }
  }

  /** Reads one batch of groups with {@code group.getInfo}. */
  private final class GroupsJob implements TokenPool.Job {
    final List<Long> ids;
    final Map<Long, FetchResult<ProfileSnapshot>> out;

    GroupsJob(List<Long> ids, Map<Long, FetchResult<ProfileSnapshot>> out) {
      this.ids = List.copyOf(ids);
      this.out = out;
    }

    @Override
    public List<TokenPool.Job> run(OkToken token) throws TokenPool.TokenUnusable, InterruptedIOException {
      Each<OkAnswers.Group> groups;
      StringBuilder uids = new StringBuilder();
      for (Long id : ids) uids.append(uids.length() == 0 ? "" : ",").append(id);
      try {
        groups = client.read(token, "group.getInfo", Map.of("uids", uids.toString(), "fields", ProfileMapper.FIELDS),
            OkAnswers.GROUPS);
      } catch (OkApiException e) {
        pool.checkToken(token, e);
        abandon(failure(e));
        return List.of();
      } catch (CallFailure e) {
        abandon(failure(e));
        return List.of();
      }
      Instant now = clock.instant();
      String malformed = groups.malformed().isEmpty() ? null
          : groups.malformed().get(0).path() + ": " + groups.malformed().get(0).problem();
      for (OkAnswers.Group group : groups.items()) {
        Long uid = group.uid();
        if (uid == null) {
          if (malformed == null) malformed = "группа без идентификатора (uid)";
          continue;
        }
        if (ids.contains(uid)) out.put(uid, FetchResult.success(ProfileMapper.map(group, uid, now)));
      }
      for (Long id : ids) {
        if (out.containsKey(id)) continue;
        out.put(id, malformed != null
            ? FetchResult.failure(FailureReason.API_ERROR, "ОК вернул на group.getInfo некорректные сведения о группе ("
                + malformed + ")")
            : FetchResult.failure(FailureReason.NOT_FOUND, "группа " + id + " не найдена в ОК"));
      }
      return List.of();
    }

    @Override
    public void abandon(FetchResult.Failure<?> failure) {
      for (Long id : ids) out.putIfAbsent(id, failure.cast());
    }
  }

  /** Pages back through one group's topics, one page per run. */
  private final class TopicsJob implements TokenPool.Job {
    final long gid;
    final Instant since;
    final int minOwn;
    final List<OkAnswers.Topic> kept = new ArrayList<>();
    final Set<String> seen = new HashSet<>();
    final Set<String> anchors = new HashSet<>();
    @Nullable String anchor;
    int pages;
    int own;
    boolean windowCovered;
    boolean reachedStart;
    FetchResult.@Nullable Failure<Object> failed;
    boolean finished;

    TopicsJob(long gid, Instant since, int minOwn) {
      this.gid = gid;
      this.since = since;
      this.minOwn = minOwn;
    }

    @Override
    public List<TokenPool.Job> run(OkToken token) throws TokenPool.TokenUnusable, InterruptedIOException {
      Map<String, String> params = new LinkedHashMap<>();
      params.put("gid", Long.toString(gid));
      params.put("count", Integer.toString(topicsPageSize));
      params.put("fields", "media_topic.*");
      String from = anchor;
      if (from != null) {
        params.put("anchor", from);
        params.put("direction", "FORWARD");
      }
      OkAnswers.TopicsPage page;
      try {
        page = client.read(token, "mediatopic.getTopics", params, OkAnswers.TOPICS);
      } catch (OkApiException e) {
        pool.checkToken(token, e);
        return fail(failure(e));
      } catch (CallFailure e) {
        return fail(failure(e));
      }
      pages++;
      Each<OkAnswers.Topic> topics = page.mediaTopics() == null ? Each.empty() : page.mediaTopics();
      if (!topics.malformed().isEmpty()) {
        Each.Malformed bad = topics.malformed().get(0);
        return fail(new FetchResult.Failure<>(FailureReason.API_ERROR, "ОК вернул на mediatopic.getTopics некорректную тему группы "
            + gid + " (" + bad.path() + ": " + bad.problem() + ")"));
      }
      int fresh = 0;
      for (OkAnswers.Topic topic : topics.items()) {
        String problem = TopicMapper.problem(topic);
        if (problem != null) {
          return fail(new FetchResult.Failure<>(FailureReason.API_ERROR, "ОК вернул на mediatopic.getTopics некорректную тему группы "
              + gid + ": " + problem));
        }
        if (!seen.add(Objects.requireNonNull(ProfileMapper.text(topic.id())))) continue;
        fresh++;
        boolean pinned = Boolean.TRUE.equals(topic.isSticky()) || Boolean.TRUE.equals(topic.pinned());
        boolean inWindow = !Instant.ofEpochMilli(Objects.requireNonNull(topic.createdMs())).isBefore(since);
        if (!inWindow && !pinned) windowCovered = true;
        if (inWindow || pinned || own < minOwn) {
          kept.add(topic);
          if (TopicMapper.isOwn(topic, gid)) own++;
        }
      }
      String next = ProfileMapper.text(page.anchor());
      Boolean hasMore = page.hasMore();
      boolean end = Boolean.FALSE.equals(hasMore) || next == null;
      if (windowCovered && own >= minOwn) return done(end && !Boolean.TRUE.equals(hasMore));
      if (end) return done(!Boolean.TRUE.equals(hasMore));
      if (fresh == 0 || !anchors.add(next) || pages >= MAX_TOPIC_PAGES) return done(false);
      anchor = next;
      return List.of(this);
    }

    private List<TokenPool.Job> done(boolean start) {
      reachedStart = start;
      finished = true;
      return List.of();
    }

    private List<TokenPool.Job> fail(FetchResult.Failure<?> failure) {
      failed = failure.cast();
      finished = true;
      return List.of();
    }

    @Override
    public void abandon(FetchResult.Failure<?> failure) {
      if (!finished) fail(failure);
    }

    FetchResult<List<OkAnswers.Topic>> topics() {
      FetchResult.Failure<Object> failure = failed;
      if (failure != null) return failure.cast();
      if (!finished) return FetchResult.failure(FailureReason.API_ERROR, "темы группы " + gid + " не прочитаны");
      return FetchResult.success(List.copyOf(kept));
    }

    FetchResult<PostHistory> history(PageRef page) {
      return topics().map(list -> {
        List<Post> posts = new ArrayList<>(list.size());
        for (OkAnswers.Topic topic : list) posts.add(TopicMapper.map(page, topic));
        return PostHistory.builder().posts(posts).reachedStart(reachedStart).build();
      });
    }
  }

  @Override
  public String toString() {
    return "OkReader{groupInfoBatchSize=" + groupInfoBatchSize + ", topicsPageSize=" + topicsPageSize + "}";
  }
}
