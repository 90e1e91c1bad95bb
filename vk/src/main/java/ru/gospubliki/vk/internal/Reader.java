package ru.gospubliki.vk.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.http.CallFailure;
import ru.gospubliki.internal.http.Each;
import ru.gospubliki.model.AuthorKind;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.Post;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.FetchResult;
import ru.gospubliki.platform.PostHistory;
import ru.gospubliki.platform.PostQuery;
import ru.gospubliki.vk.VkApiException;

/**
 * Reads communities in bulk over the token pool, planning each read by the token kinds at hand:
 * {@code groups.getById} (500 per call) with any token; walls through {@code execute} (25 {@code
 * wall.get} per call, only the fields the rules read) with a user token, else one {@code wall.get}
 * per community with a service token; a community token never reads walls. A screen name that is
 * no community is looked up with {@code utils.resolveScreenName}, and a person's page read with
 * {@code users.get}.
 *
 * <p>Work is spread over the pool, several calls in flight per token. A token that meets its daily
 * quota (error 29) is set aside until midnight in Moscow and the others carry on; what no token can
 * read is a {@code QUOTA} failure. Error 13 (answer over 5 MB) splits the batch. One malformed item
 * fails only its own page. Paging stops when a page brings nothing new, and after {@link
 * #MAX_PAGES_PER_WALL} pages.
 */
public final class Reader {
  public static final int GROUPS_PER_CALL = 500;
  public static final int USERS_PER_CALL = 500;
  public static final int POSTS_PER_PAGE = 100;
  /** The most pages read from one wall in one read (5,000 posts): a hard bound on paging. */
  public static final int MAX_PAGES_PER_WALL = 50;
  /** The smallest page asked for when one wall's answer is too large. */
  static final int MIN_POSTS_PER_PAGE = 10;
  /** Attempts per wall page for errors that another try may cure (too many requests, a broken batch). */
  static final int MAX_ATTEMPTS = 3;
  static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  private static final Logger LOG = Logger.getLogger(Reader.class.getName());
  /** A person's page as {@link PageRef#isPerson()} writes it on VK: {@code id<N>}. */
  private static final Pattern PERSON_ID = Pattern.compile("id([1-9][0-9]{0,15})");

  private final VkClient client;
  private final List<VkToken> tokens;
  private final Clock clock;
  private final ExecutorService executor;
  private final @Nullable String noWallReader;
  private volatile ExecuteScript.Projection projection = ExecuteScript.Projection.NESTED;

  private final JsonAdapter<Object> groupsAdapter;
  private final JsonAdapter<Each<VkJson.WallSlice>> slicesAdapter;
  private final JsonAdapter<VkJson.Wall> wallAdapter;
  private final JsonAdapter<VkJson.ResolvedName> resolvedAdapter;
  private final JsonAdapter<Each<VkJson.User>> usersAdapter;

  public Reader(VkClient client, List<VkToken> tokens, Clock clock, ExecutorService executor,
      @Nullable String noWallReader) {
    this.client = client;
    this.tokens = List.copyOf(tokens);
    this.clock = clock;
    this.executor = executor;
    this.noWallReader = noWallReader;
    this.groupsAdapter = new GroupsAdapter(client.adapter(VkJson.Groups.class),
        client.adapter(Types.newParameterizedType(Each.class, VkJson.Group.class)));
    this.slicesAdapter = client.adapter(Types.newParameterizedType(Each.class, VkJson.WallSlice.class));
    this.wallAdapter = client.adapter(VkJson.Wall.class);
    this.resolvedAdapter = client.adapter(VkJson.ResolvedName.class);
    this.usersAdapter = client.adapter(Types.newParameterizedType(Each.class, VkJson.User.class));
  }

  /** The projection {@code execute} uses now: nested until VK's answers show it is not to be trusted. */
  ExecuteScript.Projection projection() {
    return projection;
  }

  // ---------------------------------------------------------------- profiles and resolution

  /** What a page reference turned out to be. */
  private sealed interface Found permits Community, Person {}

  private record Community(long id, VkJson.Group group) implements Found {}

  private record Person(long id, VkJson.@Nullable User user) implements Found {}

  public Map<PageRef, FetchResult<PageRef>> resolve(Collection<PageRef> pages) {
    Map<String, FetchResult<Found>> found = lookup(keys(pages, true), false);
    Map<PageRef, FetchResult<PageRef>> result = new LinkedHashMap<>();
    for (PageRef page : pages) {
      if (!page.platform().equals(PlatformId.VK)) {
        result.put(page, notVk(page));
      } else if (page.isNumeric()) {
        result.put(page, FetchResult.success(page));
      } else {
        FetchResult<Found> read = Objects.requireNonNull(found.get(page.id()));
        result.put(page, read instanceof FetchResult.Success<Found> success
            ? success.value() instanceof Community community
                ? FetchResult.success(PageRef.of(PlatformId.VK, Long.toString(community.id())))
                : FetchResult.failure(FailureReason.NOT_FOUND, "страница «" + page.id()
                    + "» принадлежит человеку, а не сообществу")
            : ((FetchResult.Failure<Found>) read).cast());
      }
    }
    return result;
  }

  public Map<PageRef, FetchResult<ProfileSnapshot>> fetchProfiles(Collection<PageRef> pages) {
    Map<String, FetchResult<Found>> found = lookup(keys(pages, false), true);
    Instant now = clock.instant();
    Map<PageRef, FetchResult<ProfileSnapshot>> result = new LinkedHashMap<>();
    for (PageRef page : pages) {
      if (!page.platform().equals(PlatformId.VK)) {
        result.put(page, notVk(page));
        continue;
      }
      FetchResult<Found> read = Objects.requireNonNull(found.get(page.id()));
      result.put(page, read.map(value -> value instanceof Community community
          ? ProfileMapper.community(community.id(), community.group(), now)
          : ProfileMapper.person(((Person) value).id(), Objects.requireNonNull(((Person) value).user()), now)));
    }
    return result;
  }

  private static Set<String> keys(Collection<PageRef> pages, boolean screenNamesOnly) {
    Set<String> keys = new LinkedHashSet<>();
    for (PageRef page : pages) {
      if (page.platform().equals(PlatformId.VK) && !(screenNamesOnly && page.isNumeric())) keys.add(page.id());
    }
    return keys;
  }

  /**
   * Looks every key up: communities with {@code groups.getById}, persons' pages ({@code id<N>},
   * or screen names {@code utils.resolveScreenName} says are persons) with {@code users.get} when
   * {@code withFields}.
   */
  private Map<String, FetchResult<Found>> lookup(Set<String> keys, boolean withFields) {
    Map<String, FetchResult<Found>> result = new HashMap<>();
    if (keys.isEmpty()) return result;
    if (tokens.stream().noneMatch(t -> t.kind().mayCall("groups.getById"))) {
      keys.forEach(key -> result.put(key, FetchResult.failure(FailureReason.AUTHORIZATION,
          "не задан ключ доступа VK для чтения сообществ")));
      return result;
    }
    Map<String, Long> persons = new LinkedHashMap<>();
    List<String> communities = new ArrayList<>();
    for (String key : keys) {
      var person = PERSON_ID.matcher(key);
      if (person.matches()) persons.put(key, Long.parseLong(person.group(1)));
      else communities.add(key);
    }

    // 1. Communities, 500 per groups.getById.
    Set<String> unmatched = new LinkedHashSet<>();
    QueuePlan<List<String>> groups = new QueuePlan<>("groups.getById", chunks(communities, GROUPS_PER_CALL),
        (plan, token, chunk) -> () -> {
          Map<String, String> params = new LinkedHashMap<>();
          params.put("group_ids", String.join(",", chunk));
          if (withFields) params.put("fields", ProfileMapper.FIELDS);
          try {
            Object answer = client.call("groups.getById", params, token, groupsAdapter, false).response();
            return () -> matchGroups(chunk, answer, result, unmatched);
          } catch (VkApiException e) {
            if (e.code() == 100) return () -> noneKnown(chunk, result, unmatched); // none of the ids is known
            return () -> plan.failed(token, chunk, e.code(), failure(e));
          } catch (CallFailure e) {
            return () -> chunk.forEach(key -> result.put(key, network(e)));
          }
        },
        (chunk, failure) -> chunk.forEach(key -> result.put(key, failure)));
    new Scheduler(executor, clock).run(tokens, groups);

    // 2. Screen names that are no community: a person's, or nobody's.
    List<String> names = new ArrayList<>(unmatched);
    QueuePlan<String> resolving = new QueuePlan<>("utils.resolveScreenName", new ArrayDeque<>(names),
        (plan, token, name) -> () -> {
          try {
            VkJson.ResolvedName resolved = client.call("utils.resolveScreenName", Map.of("screen_name", name), token,
                resolvedAdapter, false).response();
            return () -> {
              Long id = resolved == null ? null : ProfileMapper.validId(resolved.objectId());
              if (resolved != null && "user".equals(resolved.type()) && id != null) {
                persons.put(name, id);
              } else {
                result.put(name, FetchResult.failure(FailureReason.NOT_FOUND, "сообщество «" + name + "» не найдено"));
              }
            };
          } catch (VkApiException e) {
            return () -> plan.failed(token, name, e.code(), pageFailure(e));
          } catch (CallFailure e) {
            return () -> result.put(name, network(e));
          }
        },
        (name, failure) -> result.put(name, failure));
    new Scheduler(executor, clock).run(tokens, resolving);

    // 3. Persons' pages: read only for profiles.
    if (!withFields) {
      persons.forEach((key, id) -> result.put(key, FetchResult.success(new Person(id, null))));
      return result;
    }
    Map<Long, List<String>> byId = new LinkedHashMap<>();
    persons.forEach((key, id) -> byId.computeIfAbsent(id, k -> new ArrayList<>()).add(key));
    QueuePlan<List<Long>> users = new QueuePlan<>("users.get", chunks(byId.keySet(), USERS_PER_CALL),
        (plan, token, chunk) -> () -> {
          Map<String, String> params = Map.of("user_ids", join(chunk), "fields", "photo_200,screen_name");
          try {
            Each<VkJson.User> answer = client.call("users.get", params, token, usersAdapter, false).response();
            return () -> matchUsers(chunk, answer, byId, result);
          } catch (VkApiException e) {
            return () -> plan.failed(token, chunk, e.code(), pageFailure(e));
          } catch (CallFailure e) {
            return () -> chunk.forEach(id -> keysOf(byId, id).forEach(key -> result.put(key, network(e))));
          }
        },
        (chunk, failure) -> chunk.forEach(id -> keysOf(byId, id).forEach(key -> result.put(key, failure))));
    new Scheduler(executor, clock).run(tokens, users);
    for (String key : keys) {
      result.putIfAbsent(key, FetchResult.failure(FailureReason.API_ERROR, "страница не прочитана: чтение прервано"));
    }
    return result;
  }

  /** Matches a {@code groups.getById} answer to the keys asked for; one bad group fails only its own key. */
  private static void matchGroups(List<String> chunk, @Nullable Object answer, Map<String, FetchResult<Found>> result,
      Set<String> unmatched) {
    @SuppressWarnings("unchecked")
    Each<VkJson.Group> groups = answer instanceof Each<?> each ? (Each<VkJson.Group>) each : Each.empty();
    Set<String> wanted = new LinkedHashSet<>(chunk);
    List<String> problems = new ArrayList<>();
    Map<Integer, String> badAt = new HashMap<>();
    for (Each.Malformed bad : groups.malformed()) badAt.put(bad.index(), bad.problem());
    int total = groups.items().size() + groups.malformed().size();
    int index = 0;
    for (VkJson.Group group : groups.items()) {
      while (badAt.containsKey(index)) index++;
      Long id = ProfileMapper.validId(group.id());
      String screenName = group.screenName() == null ? null : group.screenName().toLowerCase(Locale.ROOT);
      String key = id != null && wanted.contains(Long.toString(id)) ? Long.toString(id)
          : screenName != null && wanted.contains(screenName) ? screenName : null;
      if (id == null) {
        String problem = "сообщество с невозможным номером " + group.id() + " (позиция " + index + ")";
        if (key != null) {
          result.put(key, FetchResult.failure(FailureReason.API_ERROR, "VK вернул некорректное сообщество: " + problem));
          wanted.remove(key);
        } else {
          badAt.put(index, problem);
        }
      } else if (key != null) {
        result.put(key, FetchResult.success(new Community(id, group)));
        wanted.remove(key);
        if (screenName != null && wanted.remove(screenName)) {
          result.put(screenName, FetchResult.success(new Community(id, group)));
        }
        if (wanted.remove(Long.toString(id))) result.put(Long.toString(id), FetchResult.success(new Community(id, group)));
      }
      index++;
    }
    if (!badAt.isEmpty()) {
      if (total == chunk.size()) {
        // VK answers in the order asked: a bad item belongs to the key at its position.
        badAt.forEach((position, problem) -> {
          String key = chunk.get(position);
          if (wanted.remove(key)) {
            result.put(key, FetchResult.failure(FailureReason.API_ERROR, "VK вернул некорректное сообщество: " + problem));
          }
        });
      } else {
        problems.addAll(badAt.values());
      }
    }
    for (String key : wanted) {
      if (!problems.isEmpty()) {
        // Not found, or the bad item: cannot tell, so not "not found".
        result.put(key, FetchResult.failure(FailureReason.API_ERROR,
            "VK вернул некорректное сообщество, возможно это: " + problems.get(0)));
      } else if (key.chars().allMatch(Character::isDigit)) {
        result.put(key, FetchResult.failure(FailureReason.NOT_FOUND, "сообщество " + key + " не найдено"));
      } else {
        unmatched.add(key);
      }
    }
  }

  /** groups.getById knew none of {@code chunk}: numeric ids do not exist, screen names may be persons'. */
  private static void noneKnown(List<String> chunk, Map<String, FetchResult<Found>> result, Set<String> unmatched) {
    for (String key : chunk) {
      if (key.chars().allMatch(Character::isDigit)) {
        result.put(key, FetchResult.failure(FailureReason.NOT_FOUND, "сообщество " + key + " не найдено"));
      } else {
        unmatched.add(key);
      }
    }
  }

  private static void matchUsers(List<Long> chunk, @Nullable Each<VkJson.User> users, Map<Long, List<String>> byId,
      Map<String, FetchResult<Found>> result) {
    Set<Long> wanted = new LinkedHashSet<>(chunk);
    String problem = null;
    if (users != null) {
      for (VkJson.User user : users.items()) {
        Long id = ProfileMapper.validId(user.id());
        if (id != null && wanted.remove(id)) {
          keysOf(byId, id).forEach(key -> result.put(key, FetchResult.success(new Person(id, user))));
        }
      }
      if (!users.malformed().isEmpty()) problem = users.malformed().get(0).problem();
    }
    for (Long id : wanted) {
      FetchResult<Found> failure = problem != null
          ? FetchResult.failure(FailureReason.API_ERROR, "VK вернул некорректную страницу человека: " + problem)
          : FetchResult.failure(FailureReason.NOT_FOUND, "страница id" + id + " не найдена");
      keysOf(byId, id).forEach(key -> result.put(key, failure));
    }
  }

  // ---------------------------------------------------------------- walls

  public Map<PageRef, FetchResult<PostHistory>> fetchPosts(Collection<PageRef> pages, PostQuery query) {
    Map<PageRef, FetchResult<PostHistory>> result = new LinkedHashMap<>();
    String noReader = noWallReader;
    Set<PageRef> toResolve = new LinkedHashSet<>();
    for (PageRef page : pages) {
      if (!page.platform().equals(PlatformId.VK)) {
        result.put(page, notVk(page));
      } else if (page.isPerson()) {
        result.put(page, FetchResult.failure(FailureReason.NOT_FOUND,
            "страница принадлежит человеку, а не сообществу: записи сообщества не читаются"));
      } else if (noReader != null) {
        result.put(page, FetchResult.failure(FailureReason.ACCESS_DENIED, noReader));
      } else if (!page.isNumeric()) {
        toResolve.add(page);
      }
    }
    Map<PageRef, FetchResult<PageRef>> resolved = toResolve.isEmpty() ? Map.of() : resolve(toResolve);
    Map<Long, WallState> walls = new LinkedHashMap<>();
    Map<PageRef, WallState> wallOf = new LinkedHashMap<>();
    for (PageRef page : pages) {
      if (result.containsKey(page)) continue;
      PageRef numeric = page;
      if (!page.isNumeric()) {
        FetchResult<PageRef> ref = Objects.requireNonNull(resolved.get(page));
        if (ref instanceof FetchResult.Failure<PageRef> failure) {
          result.put(page, failure.cast());
          continue;
        }
        numeric = ((FetchResult.Success<PageRef>) ref).value();
      }
      PageRef wallPage = numeric;
      wallOf.put(page, walls.computeIfAbsent(numeric.numericId(), gid -> new WallState(wallPage, gid)));
    }
    if (!walls.isEmpty()) new Scheduler(executor, clock).run(tokens, new WallPlan(walls.values(), query));

    Map<PageRef, FetchResult<PostHistory>> ordered = new LinkedHashMap<>();
    for (PageRef page : pages) {
      FetchResult<PostHistory> done = result.get(page);
      if (done != null) {
        ordered.put(page, done);
        continue;
      }
      WallState wall = Objects.requireNonNull(wallOf.get(page));
      ordered.put(page, wall.result(page));
    }
    return ordered;
  }

  /** One wall being read: where paging stands and what was read. */
  private static final class WallState {
    final PageRef page;
    final long gid;
    int offset;
    int pageSize = POSTS_PER_PAGE;
    int pagesRead;
    int attempts;
    int ownSeen;
    @Nullable Long total;
    boolean reachedStart;
    boolean finished;
    final Map<String, Post> posts = new LinkedHashMap<>();
    FetchResult.@Nullable Failure<PostHistory> failure;

    WallState(PageRef page, long gid) {
      this.page = page;
      this.gid = gid;
    }

    void fail(FailureReason reason, String detail) {
      if (!finished) failure = new FetchResult.Failure<>(reason, detail);
      finished = true;
    }

    FetchResult<PostHistory> result(PageRef asked) {
      FetchResult.Failure<PostHistory> failed = failure;
      if (failed != null) return failed;
      if (!finished) return FetchResult.failure(FailureReason.API_ERROR, "чтение стены прервано");
      List<Post> list = new ArrayList<>(posts.size());
      for (Post post : posts.values()) list.add(asked.equals(page) ? post : Post.builder().from(post).page(asked).build());
      return FetchResult.success(PostHistory.builder().posts(list).reachedStart(reachedStart).totalPosts(total).build());
    }
  }

  /** Plans the wall pages: batches of 25 for user tokens, one at a time for service tokens. */
  private final class WallPlan implements Scheduler.Plan {
    private final Deque<WallState> pending = new ArrayDeque<>();
    private final Deque<List<WallState>> splits = new ArrayDeque<>();
    private final Instant since;
    private final int minOwnPosts;
    private int batchLimit = ExecuteScript.MAX_CALLS;
    /** Wall reads taken and not yet applied: they may bring next pages to batch with. */
    private int reading;

    WallPlan(Collection<WallState> walls, PostQuery query) {
      pending.addAll(walls);
      this.since = query.since();
      this.minOwnPosts = query.minOwnPosts();
    }

    private boolean userTokenAvailable() {
      Instant now = clock.instant();
      return tokens.stream().anyMatch(t -> t.kind() == TokenKind.USER && t.available(now));
    }

    /**
     * A user token takes a full batch, or a partial one when no read in flight may still add
     * next pages to it (so the last pages go out together, not one by one).
     */
    @Override
    public boolean canTake(VkToken token) {
      if (pending.isEmpty() && splits.isEmpty()) return false;
      if (token.kind() == TokenKind.USER) {
        return !splits.isEmpty() || pending.size() >= batchLimit || reading == 0;
      }
      return token.kind() == TokenKind.SERVICE && !pending.isEmpty() && !userTokenAvailable();
    }

    @Override
    public Scheduler.@Nullable Work next(VkToken token) {
      if (!canTake(token)) return null;
      if (token.kind() == TokenKind.USER) {
        List<WallState> batch = splits.poll();
        if (batch == null) {
          batch = new ArrayList<>();
          while (!pending.isEmpty() && batch.size() < batchLimit) batch.add(pending.poll());
        }
        List<WallState> walls = batch;
        ExecuteScript.Projection mode = projection;
        reading++;
        return () -> done(execute(token, walls, mode));
      }
      WallState wall = Objects.requireNonNull(pending.poll());
      reading++;
      return () -> done(wallGet(token, wall));
    }

    @Override
    public boolean pending() {
      return !pending.isEmpty() || !splits.isEmpty();
    }

    @Override
    public void abandon(boolean interrupted) {
      List<WallState> left = new ArrayList<>(pending);
      splits.forEach(left::addAll);
      pending.clear();
      splits.clear();
      if (interrupted) {
        left.forEach(wall -> wall.fail(FailureReason.API_ERROR, "чтение стены прервано"));
        return;
      }
      FetchResult.Failure<Object> why = exhausted("wall.get");
      left.forEach(wall -> wall.fail(why.reason(), why.detail()));
    }

    private Runnable execute(VkToken token, List<WallState> batch, ExecuteScript.Projection mode)
        throws InterruptedIOException {
      List<ExecuteScript.WallPage> calls = new ArrayList<>();
      for (WallState wall : batch) calls.add(new ExecuteScript.WallPage(wall.gid, wall.offset, wall.pageSize));
      VkClient.Reply<Each<VkJson.WallSlice>> reply;
      try {
        reply = client.call("execute", Map.of("code", ExecuteScript.wallGet(calls, mode)), token, slicesAdapter, false);
      } catch (VkApiException e) {
        return () -> batchFailed(token, batch, e);
      } catch (CallFailure e) {
        return () -> batch.forEach(wall -> wall.fail(e.reason(), String.valueOf(e.getMessage())));
      }
      return () -> batchRead(token, batch, mode, reply);
    }

    /** The result of a read, applied under the lock: counts it as no longer in flight first. */
    private Runnable done(Runnable apply) {
      return () -> {
        reading--;
        apply.run();
      };
    }

    private void requeueFirst(List<WallState> batch) {
      for (int i = batch.size() - 1; i >= 0; i--) pending.addFirst(batch.get(i));
    }

    private void batchFailed(VkToken token, List<WallState> batch, VkApiException e) {
      if (e.code() == 13 && batch.size() > 1) {
        int half = batch.size() / 2;
        batchLimit = Math.max(1, Math.min(batchLimit, half));
        splits.addFirst(new ArrayList<>(batch.subList(half, batch.size())));
        splits.addFirst(new ArrayList<>(batch.subList(0, half)));
        LOG.log(Level.FINE, "VK execute answer too large: split {0} walls", batch.size());
        return;
      }
      if (e.code() == 13) {
        WallState wall = batch.get(0);
        if (wall.pageSize > MIN_POSTS_PER_PAGE) {
          wall.pageSize = Math.max(MIN_POSTS_PER_PAGE, wall.pageSize / 2);
          pending.addFirst(wall);
        } else {
          wall.fail(FailureReason.API_ERROR, "ответ VK на execute больше 5 МБ даже для " + wall.pageSize + " записей");
        }
        return;
      }
      if (setAside(token, e.code())) {
        requeueFirst(batch);
        return;
      }
      if (retryable(e.code())) {
        for (int i = batch.size() - 1; i >= 0; i--) {
          WallState wall = batch.get(i);
          if (++wall.attempts < MAX_ATTEMPTS) pending.addFirst(wall);
          else wall.fail(VkErrors.pageReason(e.code()), failureDetail(e));
        }
        return;
      }
      batch.forEach(wall -> wall.fail(VkErrors.pageReason(e.code()), failureDetail(e)));
    }

    private void batchRead(VkToken token, List<WallState> batch, ExecuteScript.Projection mode,
        VkClient.Reply<Each<VkJson.WallSlice>> reply) {
      Each<VkJson.WallSlice> slices = reply.response();
      int total = slices == null ? 0 : slices.items().size() + slices.malformed().size();
      if (slices == null || total != batch.size()) {
        for (WallState wall : batch) {
          if (++wall.attempts < MAX_ATTEMPTS) pending.addLast(wall);
          else wall.fail(FailureReason.API_ERROR, "некорректный ответ VK на execute: " + total + " стен вместо " + batch.size());
        }
        return;
      }
      Map<Integer, String> malformed = new HashMap<>();
      for (Each.Malformed bad : slices.malformed()) malformed.put(bad.index(), bad.problem());
      VkJson.WallSlice[] byIndex = new VkJson.WallSlice[batch.size()];
      int next = 0;
      for (VkJson.WallSlice slice : slices.items()) {
        while (malformed.containsKey(next)) next++;
        byIndex[next++] = slice;
      }
      if (mode == ExecuteScript.Projection.NESTED) {
        for (VkJson.WallSlice slice : byIndex) {
          if (slice != null && slice.count() != null && !nestedProjectionHolds(slice)) {
            // VK's nested projection did not give what the first post's own fields say: read whole
            // attachments from now on, and this batch again.
            LOG.warning("VK execute: nested projection of attachments disagrees with the first post; "
                + "reading whole attachments from now on");
            projection = ExecuteScript.Projection.WHOLE;
            requeueFirst(batch);
            return;
          }
        }
      }
      List<VkJson.ExecuteError> errors = reply.executeErrors();
      int errorIndex = 0;
      for (int i = 0; i < batch.size(); i++) {
        WallState wall = batch.get(i);
        String bad = malformed.get(i);
        VkJson.WallSlice slice = byIndex[i];
        if (bad != null || slice == null) {
          wall.fail(FailureReason.API_ERROR, "некорректный ответ VK на execute для стены сообщества " + wall.gid + ": " + bad);
          continue;
        }
        if (slice.count() == null) {
          VkJson.ExecuteError error = errorIndex < errors.size() ? errors.get(errorIndex++) : null;
          subCallFailed(token, wall, error);
          continue;
        }
        List<Post> posts = new ArrayList<>();
        String problem = shapeProblem(slice);
        try {
          if (problem != null) throw new PostMapper.MalformedPost(problem);
          List<@Nullable Long> ids = Objects.requireNonNull(slice.id());
          for (int p = 0; p < ids.size(); p++) posts.add(PostMapper.fromSlice(wall.page, wall.gid, slice, p));
        } catch (PostMapper.MalformedPost e) {
          wall.fail(FailureReason.API_ERROR, "некорректная запись в ответе VK на execute (стена " + wall.gid + "): "
              + e.getMessage());
          continue;
        }
        accept(wall, posts, slice.count(), wall.pageSize);
      }
    }

    private void subCallFailed(VkToken token, WallState wall, VkJson.@Nullable ExecuteError error) {
      Long raw = error == null ? null : error.code();
      int code = raw == null ? 0 : raw.intValue();
      String message = error == null || error.message() == null ? "" : Objects.requireNonNull(error.message());
      if (setAside(token, code)) {
        pending.addFirst(wall);
      } else if (retryable(code) && ++wall.attempts < MAX_ATTEMPTS) {
        pending.addLast(wall);
      } else if (code == 0) {
        wall.fail(FailureReason.API_ERROR, "VK не вернул стену сообщества " + wall.gid);
      } else {
        wall.fail(VkErrors.pageReason(code), VkErrors.describe("wall.get", code, message));
      }
    }

    private Runnable wallGet(VkToken token, WallState wall) throws InterruptedIOException {
      Map<String, String> params = new LinkedHashMap<>();
      params.put("owner_id", "-" + wall.gid);
      params.put("offset", Integer.toString(wall.offset));
      params.put("count", Integer.toString(wall.pageSize));
      params.put("filter", "all");
      VkClient.Reply<VkJson.Wall> reply;
      try {
        reply = client.call("wall.get", params, token, wallAdapter, false);
      } catch (VkApiException e) {
        return () -> {
          if (setAside(token, e.code())) pending.addFirst(wall);
          else if (retryable(e.code()) && ++wall.attempts < MAX_ATTEMPTS) pending.addLast(wall);
          else wall.fail(VkErrors.pageReason(e.code()), failureDetail(e));
        };
      } catch (CallFailure e) {
        return () -> wall.fail(e.reason(), String.valueOf(e.getMessage()));
      }
      return () -> {
        VkJson.Wall answer = reply.response();
        if (answer == null || answer.count() == null) {
          wall.fail(FailureReason.API_ERROR, "некорректный ответ VK на wall.get: нет «count»");
          return;
        }
        if (!answer.items().malformed().isEmpty()) {
          wall.fail(FailureReason.API_ERROR, "некорректная запись в ответе VK на wall.get (стена " + wall.gid + "): "
              + answer.items().malformed().get(0).problem());
          return;
        }
        List<Post> posts = new ArrayList<>();
        try {
          for (VkJson.Post item : answer.items().items()) posts.add(PostMapper.fromWallGet(wall.page, wall.gid, item));
        } catch (PostMapper.MalformedPost e) {
          wall.fail(FailureReason.API_ERROR, "некорректная запись в ответе VK на wall.get (стена " + wall.gid + "): "
              + e.getMessage());
          return;
        }
        accept(wall, posts, answer.count(), wall.pageSize);
      };
    }

    /** Takes one page of posts into {@code wall}; queues the next page when the query needs it. */
    private void accept(WallState wall, List<Post> page, @Nullable Long count, int asked) {
      wall.pagesRead++;
      wall.total = count;
      int fresh = 0;
      boolean older = false;
      for (Post post : page) {
        if (wall.posts.containsKey(post.id())) continue;
        fresh++;
        boolean own = post.authorKind() == AuthorKind.COMMUNITY;
        boolean inWindow = !post.publishedAt().isBefore(since);
        if (!inWindow && !post.pinned()) older = true;
        if (inWindow || post.pinned() || own && wall.ownSeen < minOwnPosts) {
          wall.posts.put(post.id(), post);
          if (own) wall.ownSeen++;
        }
      }
      int seen = wall.offset + page.size();
      wall.reachedStart = page.size() < asked || count != null && seen >= count;
      boolean wanted = !older || wall.ownSeen < minOwnPosts;
      if (!wall.reachedStart && wanted && fresh > 0 && wall.pagesRead < MAX_PAGES_PER_WALL) {
        wall.offset = seen;
        pending.addLast(wall);
      } else {
        if (fresh == 0 && !wall.reachedStart) {
          LOG.log(Level.FINE, "VK wall -{0}: a page brought nothing new, paging stopped", wall.gid);
        }
        wall.finished = true;
      }
    }
  }

  /** Why nothing is left to read {@code method} with: the reasons the usable tokens were set aside. */
  private <T> FetchResult.Failure<T> exhausted(String method) {
    Instant now = clock.instant();
    Set<String> reasons = new LinkedHashSet<>();
    boolean quota = false;
    for (VkToken token : tokens) {
      if (!token.kind().mayCall(method) || token.available(now)) continue;
      String because = token.api().budget().asideBecause();
      reasons.add(token.role() + ": " + because);
      quota |= because.contains("лимит");
    }
    String detail = reasons.isEmpty() ? "не осталось ключа VK, которым можно вызвать " + method
        : "все ключи VK для " + method + " отложены (" + String.join("; ", reasons) + ")";
    return new FetchResult.Failure<>(quota ? FailureReason.QUOTA : FailureReason.AUTHORIZATION, detail);
  }

  /**
   * Sets {@code token} aside when {@code code} is about the token, not the request: the daily
   * quota (error 29, until midnight in Moscow, when VK resets it) or a refused token (error 5).
   * Returns true when it did: the work goes to another token.
   */
  private boolean setAside(VkToken token, int code) {
    boolean wasAvailable = token.available(clock.instant());
    if (code == 29) {
      LocalDate today = LocalDate.ofInstant(clock.instant(), MOSCOW);
      token.api().budget().setAside(today.plusDays(1).atStartOfDay(MOSCOW).toInstant(),
          "дневной лимит запросов исчерпан (ошибка 29), до полуночи по Москве");
      if (wasAvailable) LOG.log(Level.INFO, "VK {0}: daily quota reached, set aside until midnight (Moscow)", token.role());
      return true;
    }
    if (code == 5) {
      token.api().budget().setAside(Instant.MAX, "VK отклонил ключ (ошибка 5)");
      if (wasAvailable) LOG.log(Level.WARNING, "VK {0}: the token was refused (error 5), not used any more", token.role());
      return true;
    }
    return false;
  }

  private static boolean retryable(int code) {
    return code == 1 || code == 6 || code == 9 || code == 10;
  }

  private static String failureDetail(VkApiException e) {
    return String.valueOf(e.getMessage());
  }

  private static <T> FetchResult.Failure<T> failure(VkApiException e) {
    return new FetchResult.Failure<>(e.reason(), failureDetail(e));
  }

  private static <T> FetchResult.Failure<T> pageFailure(VkApiException e) {
    return new FetchResult.Failure<>(VkErrors.pageReason(e.code()), failureDetail(e));
  }

  private static <T> FetchResult.Failure<T> network(CallFailure e) {
    return new FetchResult.Failure<>(e.reason(), String.valueOf(e.getMessage()));
  }

  private static <T> FetchResult.Failure<T> notVk(PageRef page) {
    return new FetchResult.Failure<>(FailureReason.NOT_FOUND, "страница " + page + " не во ВКонтакте");
  }

  static <T> Deque<List<T>> chunks(Collection<T> values, int size) {
    List<T> list = new ArrayList<>(values);
    Deque<List<T>> result = new ArrayDeque<>();
    for (int i = 0; i < list.size(); i += size) result.add(List.copyOf(list.subList(i, Math.min(list.size(), i + size))));
    return result;
  }

  private static List<String> keysOf(Map<Long, List<String>> byId, Long id) {
    List<String> keys = byId.get(id);
    return keys == null ? List.of() : keys;
  }

  private static String join(List<Long> ids) {
    StringBuilder text = new StringBuilder();
    for (Long id : ids) text.append(text.length() == 0 ? "" : ",").append(id);
    return text.toString();
  }

  /**
   * The parallel arrays of a slice must be as long as its ids; null where the projection gave
   * nothing (VK gives null for a field no post has).
   */
  private static @Nullable String shapeProblem(VkJson.WallSlice slice) {
    List<@Nullable Long> ids = slice.id();
    if (ids == null) return "нет номеров записей";
    int n = ids.size();
    List<List<?>> arrays = new ArrayList<>();
    arrays.add(slice.date());
    for (List<?> array : java.util.Arrays.asList(slice.owner(), slice.from(), slice.text(), slice.att(), slice.pin(),
        slice.ads(), slice.views(), slice.likes(), slice.reposts(), slice.comments(), slice.copy())) {
      if (array != null) arrays.add(array);
    }
    for (List<?> array : arrays) {
      if (array == null) return "нет дат записей";
      if (array.size() != n) return "поля записей разной длины (" + array.size() + " и " + n + ")";
    }
    return null;
  }

  /**
   * True when the nested projection agrees with the first post's own attachment types and repost
   * ids (read without nesting), or there is nothing to compare.
   */
  private static boolean nestedProjectionHolds(VkJson.WallSlice slice) {
    List<@Nullable Long> ids = slice.id();
    if (ids == null || ids.isEmpty()) return true;
    List<@Nullable Object> a0 = slice.a0();
    if (a0 != null && !a0.isEmpty()) {
      List<@Nullable Object> att0 = PostMapper.at(slice.att(), 0);
      if (att0 == null || !types(att0).equals(types(a0))) return false;
    }
    List<@Nullable Object> c0 = slice.c0();
    if (c0 != null && !c0.isEmpty()) {
      List<@Nullable Object> copy0 = PostMapper.at(slice.copy(), 0);
      if (copy0 == null || copy0.size() != c0.size()) return false;
    }
    return true;
  }

  private static List<@Nullable String> types(List<@Nullable Object> attachments) {
    List<@Nullable String> types = new ArrayList<>();
    for (Object attachment : attachments) types.add(PostMapper.typeOf(attachment));
    return types;
  }

  /** {@code groups.getById}: the 5.199 object, or the older bare array. */
  private static final class GroupsAdapter extends JsonAdapter<Object> {
    private final JsonAdapter<VkJson.Groups> object;
    private final JsonAdapter<Each<VkJson.Group>> array;

    GroupsAdapter(JsonAdapter<VkJson.Groups> object, JsonAdapter<Each<VkJson.Group>> array) {
      this.object = object;
      this.array = array;
    }

    @Override
    public @Nullable Object fromJson(com.squareup.moshi.JsonReader reader) throws IOException {
      if (reader.peek() == com.squareup.moshi.JsonReader.Token.BEGIN_ARRAY) return array.fromJson(reader);
      VkJson.Groups groups = object.fromJson(reader);
      return groups == null ? null : groups.groups();
    }

    @Override
    public void toJson(com.squareup.moshi.JsonWriter writer, @Nullable Object value) {
      throw new UnsupportedOperationException("read only");
    }
  }

  /** A queue of calls any token that may call {@code method} can make. */
  private final class QueuePlan<T> implements Scheduler.Plan {
    private final String method;
    private final Deque<T> queue;
    private final WorkFactory<T> factory;
    private final java.util.function.BiConsumer<T, FetchResult.Failure<Found>> abandoned;
    private final Set<T> attempted = new HashSet<>();

    QueuePlan(String method, Deque<T> queue, WorkFactory<T> factory,
        java.util.function.BiConsumer<T, FetchResult.Failure<Found>> abandoned) {
      this.method = method;
      this.queue = queue;
      this.factory = factory;
      this.abandoned = abandoned;
    }

    @Override
    public Scheduler.@Nullable Work next(VkToken token) {
      if (!canTake(token)) return null;
      return factory.work(this, token, Objects.requireNonNull(queue.poll()));
    }

    @Override
    public boolean canTake(VkToken token) {
      return !queue.isEmpty() && token.kind().mayCall(method);
    }

    @Override
    public boolean pending() {
      return !queue.isEmpty();
    }

    @Override
    public void abandon(boolean interrupted) {
      FetchResult.Failure<Found> failure = interrupted
          ? new FetchResult.Failure<>(FailureReason.API_ERROR, "чтение прервано") : exhausted(method);
      for (T item : queue) abandoned.accept(item, failure);
      queue.clear();
    }

    /** A call on {@code item} failed with VK error {@code code}: to another token, or done with {@code failure}. */
    void failed(VkToken token, T item, int code, FetchResult.Failure<Found> failure) {
      if (setAside(token, code) || retryable(code) && attempted.add(item)) {
        queue.addFirst(item);
      } else {
        abandoned.accept(item, failure);
      }
    }

  }

  /** Makes the call for one item of a {@link QueuePlan}. */
  @FunctionalInterface
  private interface WorkFactory<T> {
    Scheduler.Work work(QueuePlan<T> plan, VkToken token, T item);
  }

}
