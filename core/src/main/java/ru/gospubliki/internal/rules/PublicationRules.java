package ru.gospubliki.internal.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.Spaces;
import ru.gospubliki.model.AuthorKind;
import ru.gospubliki.model.MediaKind;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.Post;
import ru.gospubliki.model.ProfileField;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.model.WallAccess;
import ru.gospubliki.platform.PostHistory;
import ru.gospubliki.rules.Message;
import ru.gospubliki.rules.RuleContext;
import ru.gospubliki.rules.RuleParameters;
import ru.gospubliki.rules.RuleResult;

/**
 * Publication rules: how often and how the page publishes, from the posts read. Only posts
 * published as the community ("own" posts) and dated no later than "now" count, except for {@code
 * POSTS_FROM_COMMUNITY} which looks for posts an administrator published from a personal profile.
 * Every windowed rule uses {@link RuleContext#ownPostsWithin}: the same window, both ends included.
 */
final class PublicationRules {
  /** Window for rules that have no {@code windowDays} parameter of their own. */
  static final int DEFAULT_WINDOW_DAYS = 28;
  private static final long DAY_MILLIS = 86_400_000L;
  private static final long WEEK_MILLIS = 7 * DAY_MILLIS;

  private PublicationRules() {}

  /**
   * Not applicable without a page or on a person's page; unknown when the posts could not be read
   * (with the platform's reason when there was one).
   */
  private static @Nullable RuleResult precheck(RuleContext context) {
    if (context.page() == null || context.isPersonPage()) return RuleResult.notApplicable();
    if (context.postHistory() != null) return null;
    String because = context.postsUnreadBecause();
    if (because != null) {
      return RuleResult.unknown("Публикации страницы не удалось прочитать (" + because + "), проверить не удалось. "
          + "Повторите проверку позже.");
    }
    return RuleResult.unknown("Публикации страницы не удалось прочитать: сообщество закрыто или нет доступа. "
        + "Проверьте публикации вручную или откройте сообщество.");
  }

  /** Unknown when the posts read do not reach back to the start of the window of {@code days} days. */
  private static @Nullable RuleResult windowNotRead(RuleContext context, int days) {
    Instant since = context.postsReadSince();
    PostHistory history = Objects.requireNonNull(context.postHistory());
    if (since == null || history.reachedStart() || since.toEpochMilli() <= context.windowStart(days)) return null;
    return RuleResult.unknown("Публикации прочитаны не за все " + Texts.days(days) + " проверяемого периода, проверить "
        + "не удалось. Повторите проверку.");
  }

  private static int windowDays(RuleParameters parameters) {
    if (!parameters.asMap().containsKey("windowDays")) return DEFAULT_WINDOW_DAYS;
    int days = parameters.getInt("windowDays");
    if (days < 1) throw new IllegalArgumentException(parameters + ": windowDays must be at least 1: " + days);
    return days;
  }

  static RuleResult minCount(RuleContext context, RuleParameters parameters) {
    RuleResult early = precheck(context);
    if (early != null) return early;
    PostHistory history = Objects.requireNonNull(context.postHistory());
    int min = parameters.getInt("min");
    int own = context.ownPosts().size();
    Map<String, String> details = new LinkedHashMap<>();
    details.put("ownPosts", Integer.toString(own));
    details.put("min", Integer.toString(min));
    Long total = history.totalPosts();
    if (total != null) details.put("totalPosts", Long.toString(total));
    details.put("wholeHistoryRead", Boolean.toString(history.reachedStart()));
    if (own >= min) return RuleResult.pass(details);
    if (history.reachedStart() || (total != null && total < min)) {
      return RuleResult.fail(Message.of("За всё время на странице ", own == 0 ? "нет ни одной публикации"
          : "только " + Texts.posts(own), " от имени сообщества, нужно не меньше ", min,
          ". Публикуйте новости организации от имени сообщества."), details);
    }
    return RuleResult.unknown("Среди прочитанных публикаций " + (own == 0 ? "нет ни одной" : "только " + Texts.posts(own))
        + " от имени сообщества, а более ранние прочитать не удалось: проверить не удалось. Повторите проверку.",
        details);
  }

  static RuleResult cadence(RuleContext context, RuleParameters parameters) {
    RuleResult early = precheck(context);
    if (early != null) return early;
    double perWeek = parameters.getDouble("perWeek");
    int days = windowDays(parameters);
    int allowedShort = parameters.asMap().containsKey("weeksBelowAllowed") ? parameters.getInt("weeksBelowAllowed") : 1;
    RuleResult unread = windowNotRead(context, days);
    if (unread != null) return unread;
    int required = (int) Math.ceil(perWeek * days / 7.0 - 1e-9);
    int weeks = (days + 6) / 7;
    int[] counts = new int[weeks];
    long now = context.now().toEpochMilli();
    List<Post> window = context.ownPostsWithin(days);
    for (Post post : window) {
      int weeksAgo = (int) ((now - post.publishedAt().toEpochMilli()) / WEEK_MILLIS);
      if (weeksAgo >= weeks) weeksAgo = weeks - 1; // The window's first instant.
      counts[weeks - 1 - weeksAgo]++;
    }
    // The earliest week is partial when the window is not a whole number of weeks.
    int partialDays = days - 7 * (weeks - 1);
    List<String> weeklyRequired = new ArrayList<>(weeks);
    int below = 0;
    StringBuilder weekly = new StringBuilder();
    for (int i = 0; i < weeks; i++) {
      int weekDays = i == 0 ? partialDays : 7;
      int need = (int) Math.ceil(perWeek * weekDays / 7.0 - 1e-9);
      weeklyRequired.add(Integer.toString(need));
      if (counts[i] < need) below++;
      if (i > 0) weekly.append(',');
      weekly.append(counts[i]);
    }
    int total = window.size();
    Map<String, String> details = new LinkedHashMap<>();
    details.put("weeklyCounts", weekly.toString());
    details.put("weeklyRequired", String.join(",", weeklyRequired));
    details.put("ownPosts", Integer.toString(total));
    details.put("required", Integer.toString(required));
    details.put("weeksBelow", Integer.toString(below));
    details.put("weeksBelowAllowed", Integer.toString(allowedShort));
    boolean enough = total >= required;
    if (enough && below <= allowedShort) return RuleResult.pass(details);
    String byWeek = "По неделям, от ранней к последней: " + weekly.toString().replace(",", ", ") + ".";
    if (!enough) {
      return RuleResult.fail(Message.of("За последние ", Texts.days(days), " от имени сообщества вышло ",
          Texts.posts(total), ", нужно не меньше ", required, " (", Texts.decimal(perWeek), " в неделю). ", byWeek,
          " Публикуйте новости регулярно, не реже ", Texts.decimal(perWeek), " раз в неделю."), details);
    }
    return RuleResult.fail(Message.of("За последние ", Texts.days(days), " от имени сообщества вышло ",
        Texts.posts(total), ", но неравномерно: в ", Texts.count(below, "неделю", "недели", "недель"), " из ", weeks,
        " публикаций меньше ", Texts.decimal(perWeek), " (допускается не больше ", allowedShort, "). ", byWeek,
        " Публикуйте новости каждую неделю, не реже ", Texts.decimal(perWeek), " раз."), details);
  }

  static RuleResult lastAge(RuleContext context, RuleParameters parameters) {
    RuleResult early = precheck(context);
    if (early != null) return early;
    PostHistory history = Objects.requireNonNull(context.postHistory());
    int maxDays = parameters.getInt("maxDays");
    Post newest = null;
    for (Post post : context.ownPosts()) { // Pinned old posts come first: compare dates, not order.
      if (newest == null || post.publishedAt().compareTo(newest.publishedAt()) > 0) newest = post;
    }
    if (newest == null) {
      Instant since = context.postsReadSince();
      boolean coveredMaxAge = since == null || since.toEpochMilli() <= context.windowStart(maxDays);
      if (history.reachedStart()) {
        return RuleResult.fail("На странице нет публикаций от имени сообщества — ни одной за всё время. Публикуйте "
            + "новости организации не реже раза в " + Texts.days(maxDays) + ".");
      }
      if (!coveredMaxAge) {
        return RuleResult.unknown("Среди прочитанных публикаций нет ни одной от имени сообщества, а более ранние не "
            + "прочитаны: проверить не удалось. Повторите проверку.");
      }
      return RuleResult.fail("За последние " + Texts.days(maxDays) + " и больше на странице нет публикаций от имени "
          + "сообщества. Публикуйте новости организации не реже раза в " + Texts.days(maxDays) + ".");
    }
    long age = context.now().toEpochMilli() - newest.publishedAt().toEpochMilli();
    long ageDays = Math.max(0, age / DAY_MILLIS);
    Map<String, String> details = Map.of("newestPost", newest.url(), "ageDays", Long.toString(ageDays),
        "maxDays", Integer.toString(maxDays));
    if (age <= maxDays * DAY_MILLIS) return RuleResult.pass(details);
    return RuleResult.fail(Message.of("Последняя публикация от имени сообщества вышла ", Texts.days(ageDays),
        " назад (", newest.url(), "), а пауза не должна превышать ", Texts.days(maxDays), ". Опубликуйте новость "
        + "организации."), details);
  }

  static RuleResult fromCommunity(RuleContext context, RuleParameters parameters) {
    RuleResult early = precheck(context);
    if (early != null) return early;
    List<Post> posts = Objects.requireNonNull(context.posts());
    double minShare = parameters.getDouble("minShare");
    int days = windowDays(parameters);
    long start = context.windowStart(days);
    long now = context.now().toEpochMilli();
    int own = 0;
    List<String> personal = null;
    boolean unknownWall = false;
    WallAccess wall = wall(context);
    PageRef page = Objects.requireNonNull(context.page());
    for (Post post : posts) {
      long at = post.publishedAt().toEpochMilli();
      if (at < start || at > now) continue;
      if (post.authorKind() == AuthorKind.COMMUNITY) {
        own++;
        continue;
      }
      boolean offending;
      if (page.platform().equals(PlatformId.OK)) {
        offending = true; // OK group topics by a user are published from a personal profile.
      } else if (wall == WallAccess.OPEN) {
        offending = false; // Citizens may post on an open wall.
      } else if (wall == WallAccess.UNKNOWN) {
        unknownWall = true;
        offending = false;
      } else {
        offending = true;
      }
      if (offending) {
        if (personal == null) personal = new ArrayList<>();
        personal.add(post.url());
      }
    }
    if (unknownWall && personal == null) {
      return RuleResult.unknown("На стене есть публикации от личных профилей, но платформа не сообщает, кто "
          + "может писать на стене: нельзя отличить посты граждан от постов администратора. Проверьте "
          + "вручную, что новости публикуются от имени сообщества.");
    }
    int personalCount = personal == null ? 0 : personal.size();
    int total = own + personalCount;
    if (total == 0) return RuleResult.notApplicable(); // POSTS_MIN_COUNT reports an empty wall.
    double share = (double) own / total;
    Map<String, String> details = new LinkedHashMap<>();
    details.put("ownPosts", Integer.toString(own));
    details.put("personalPosts", Integer.toString(personalCount));
    details.put("share", Texts.decimal(share));
    if (share + 1e-9 >= minShare || personal == null) return RuleResult.pass(details);
    details.put("posts", String.join(" ", personal));
    return RuleResult.fail(Message.of(Texts.count(personalCount, "публикация вышла", "публикации вышли",
        "публикаций вышли"), " от личного профиля, а не от имени сообщества (доля публикаций от сообщества ",
        Texts.percent(share), ", нужно не меньше ", Texts.percent(minShare), "): ", Texts.someLinks(personal),
        ". Публикуйте от имени сообщества: при создании записи выберите «От имени сообщества»."), details);
  }

  private static WallAccess wall(RuleContext context) {
    ProfileSnapshot profile = context.profile();
    if (profile == null || profile.isUnavailable(ProfileField.WALL)) return WallAccess.UNKNOWN;
    return profile.wall();
  }

  /** A repost with no text and no media of its own adds nothing of the page's own. */
  private static boolean bareRepost(Post post) {
    return post.repost() && Spaces.isBlank(post.text()) && post.media().isEmpty();
  }

  static RuleResult hashtags(RuleContext context, RuleParameters parameters) {
    return share(context, parameters, post -> !bareRepost(post) && !post.hashtags().isEmpty(), "withHashtags",
        "Хэштеги", "Добавляйте к публикациям хэштеги организации и тем, например #школа9.");
  }

  static RuleResult media(RuleContext context, RuleParameters parameters) {
    return share(context, parameters, post -> !bareRepost(post)
            && (post.media().contains(MediaKind.PHOTO) || post.media().contains(MediaKind.VIDEO)), "withMedia",
        "Фото или видео", "Сопровождайте публикации фотографиями или видео.");
  }

  /**
   * The share of own posts in the window that have {@code what}, against parameter {@code minShare};
   * not applicable when there are no own posts (POSTS_CADENCE reports that).
   */
  private static RuleResult share(RuleContext context, RuleParameters parameters, Predicate<Post> has,
      String countKey, String what, String advice) {
    RuleResult early = precheck(context);
    if (early != null) return early;
    double minShare = parameters.getDouble("minShare");
    int days = windowDays(parameters);
    List<Post> posts = context.ownPostsWithin(days);
    if (posts.isEmpty()) return RuleResult.notApplicable();
    int matching = 0;
    for (Post post : posts) {
      if (has.test(post)) matching++;
    }
    double share = (double) matching / posts.size();
    Map<String, String> details = new LinkedHashMap<>();
    details.put(countKey, Integer.toString(matching));
    details.put("ownPosts", Integer.toString(posts.size()));
    details.put("share", Texts.decimal(share));
    details.put("minShare", Texts.decimal(minShare));
    if (share + 1e-9 >= minShare) return RuleResult.pass(details);
    return RuleResult.fail(Message.of(what, " есть только в ", matching, " из ",
        Texts.count(posts.size(), "публикации", "публикаций", "публикаций"), " за последние ", Texts.days(days), " (",
        Texts.percent(share), ", рекомендуется не меньше ", Texts.percent(minShare), "). ", advice), details);
  }

  static RuleResult notAds(RuleContext context, RuleParameters parameters) {
    RuleResult early = precheck(context);
    if (early != null) return early;
    int days = windowDays(parameters);
    List<String> ads = null;
    for (Post post : context.ownPostsWithin(days)) {
      if (post.markedAsAd()) {
        if (ads == null) ads = new ArrayList<>();
        ads.add(post.url());
      }
    }
    if (ads == null) return RuleResult.pass();
    return RuleResult.fail(Message.of(Texts.count(ads.size(), "публикация сообщества помечена",
        "публикации сообщества помечены", "публикаций сообщества помечены"), " как реклама: ", Texts.someLinks(ads),
        ". Официальные публикации не должны быть рекламой: снимите отметку «Это реклама»."),
        Map.of("posts", String.join(" ", ads)));
  }

  static RuleResult engagement(RuleContext context, RuleParameters parameters) {
    RuleResult early = precheck(context);
    if (early != null) return early;
    int days = windowDays(parameters);
    List<Post> posts = context.ownPostsWithin(days);
    Map<String, String> details = new LinkedHashMap<>();
    details.put("ownPosts", Integer.toString(posts.size()));
    if (posts.isEmpty()) return RuleResult.pass(details);
    long views = 0, likes = 0, reposts = 0, comments = 0;
    int withViews = 0, withLikes = 0, withReposts = 0, withComments = 0;
    long interactionsWithViews = 0;
    for (Post post : posts) {
      Long v = post.views(), l = post.likes(), r = post.reposts(), c = post.comments();
      long interactions = (l == null ? 0 : l) + (r == null ? 0 : r) + (c == null ? 0 : c);
      if (v != null) {
        views += v;
        withViews++;
        interactionsWithViews += interactions;
      }
      if (l != null) {
        likes += l;
        withLikes++;
      }
      if (r != null) {
        reposts += r;
        withReposts++;
      }
      if (c != null) {
        comments += c;
        withComments++;
      }
    }
    double avgLikes = withLikes == 0 ? 0 : (double) likes / withLikes;
    double avgReposts = withReposts == 0 ? 0 : (double) reposts / withReposts;
    double avgComments = withComments == 0 ? 0 : (double) comments / withComments;
    if (withViews > 0) details.put("avgViews", Texts.decimal((double) views / withViews));
    if (withLikes > 0) details.put("avgLikes", Texts.decimal(avgLikes));
    if (withReposts > 0) details.put("avgReposts", Texts.decimal(avgReposts));
    if (withComments > 0) details.put("avgComments", Texts.decimal(avgComments));
    ProfileSnapshot profile = context.profile();
    Long members = profile == null || profile.isUnavailable(ProfileField.MEMBERS) ? null : profile.members();
    if (views > 0) {
      details.put("engagementRate", Texts.decimal((double) interactionsWithViews / views));
      details.put("engagementBase", "views");
    } else if (members != null && members > 0 && withLikes + withReposts + withComments > 0) {
      details.put("engagementRate", Texts.decimal((avgLikes + avgReposts + avgComments) / members));
      details.put("engagementBase", "members");
    }
    return RuleResult.pass(details);
  }
}
