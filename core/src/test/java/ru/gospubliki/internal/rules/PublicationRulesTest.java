package ru.gospubliki.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.gospubliki.internal.rules.Fixtures.context;
import static ru.gospubliki.internal.rules.Fixtures.evaluate;
import static ru.gospubliki.internal.rules.Fixtures.personPost;
import static ru.gospubliki.internal.rules.Fixtures.post;
import static ru.gospubliki.internal.rules.Fixtures.profile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ru.gospubliki.model.MediaKind;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.Post;
import ru.gospubliki.model.ProfileField;
import ru.gospubliki.model.WallAccess;
import ru.gospubliki.platform.PostHistory;
import ru.gospubliki.rules.Outcome;
import ru.gospubliki.rules.RuleContext;
import ru.gospubliki.rules.RuleResult;

class PublicationRulesTest {
  private static RuleContext posts(WallAccess wall, Post... posts) {
    return context().page(Fixtures.VK_PAGE).profile(profile().wall(wall).build()).postHistory(Fixtures.history(Arrays.asList(posts))).build();
  }

  private static RuleContext posts(Post... posts) {
    return posts(WallAccess.LIMITED, posts);
  }

  private static List<Post> ownAt(double... daysAgo) {
    List<Post> result = new ArrayList<>();
    for (int i = 0; i < daysAgo.length; i++) result.add(post(i + 1, daysAgo[i]).build());
    return result;
  }

  @ParameterizedTest
  @ValueSource(strings = {"POSTS_MIN_COUNT", "POSTS_CADENCE", "POSTS_LAST_AGE", "POSTS_FROM_COMMUNITY",
    "POSTS_HASHTAGS", "POSTS_MEDIA", "POSTS_NOT_ADS", "POSTS_ENGAGEMENT"})
  void unreadPostsAreUnknown(String id) {
    RuleResult result = evaluate(id, context().page(Fixtures.VK_PAGE).profile(profile().build()).build());
    assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(result.message()).contains("не удалось прочитать");
    assertThat(evaluate(id, context().build()).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
  }

  @Test
  void minCountCountsOwnPostsOnly() {
    RuleContext one = posts(post(1, 100).build(), personPost(2, 1).build());
    RuleResult fail = evaluate("POSTS_MIN_COUNT", one);
    assertThat(fail.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(fail.message()).contains("только 1 публикация", "не меньше 2");
    assertThat(fail.details()).containsEntry("ownPosts", "1");
    assertThat(evaluate("POSTS_MIN_COUNT", one, "min", "1").outcome()).isEqualTo(Outcome.PASS);
    assertThat(evaluate("POSTS_MIN_COUNT", posts(post(1, 100).build(), post(2, 200).build())).outcome())
        .isEqualTo(Outcome.PASS);
    assertThat(evaluate("POSTS_MIN_COUNT", posts()).message()).contains("нет ни одной публикации");
  }

  @Test
  void cadenceCountsOwnPostsPerWeekOldestFirst() {
    // 28.0 days ago is the window's first instant: it counts (both ends are included); -1 is in the future.
    List<Post> list = new ArrayList<>(ownAt(1, 2, 3, 8, 9, 15, 22, 23, 24, 25, 28, 30, -1));
    list.add(personPost(99, 1).build());
    RuleContext context = context().page(Fixtures.VK_PAGE).postHistory(Fixtures.history(list)).build();
    RuleResult fail = evaluate("POSTS_CADENCE", context);
    assertThat(fail.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(fail.details()).containsEntry("weeklyCounts", "5,1,2,3").containsEntry("ownPosts", "11")
        .containsEntry("required", "12").containsEntry("weeksBelow", "2");
    assertThat(fail.message()).contains("28 дней", "11 публикаций", "не меньше 12", "5, 1, 2, 3");

    // 11 ≥ 10 in total, but two weeks have fewer than 3 (one may).
    RuleResult uneven = evaluate("POSTS_CADENCE", context, "perWeek", "2.5");
    assertThat(uneven.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(uneven.message()).contains("неравномерно", "в 2 недели из 4");
    assertThat(evaluate("POSTS_CADENCE", context, "perWeek", "2.5", "weeksBelowAllowed", "2").outcome())
        .isEqualTo(Outcome.PASS);
    RuleResult twoWeeks = evaluate("POSTS_CADENCE", context, "windowDays", "14");
    assertThat(twoWeeks.details()).containsEntry("weeklyCounts", "2,3").containsEntry("required", "6");
    assertThat(twoWeeks.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(evaluate("POSTS_CADENCE", context, "windowDays", "14", "perWeek", "2").outcome())
        .isEqualTo(Outcome.PASS);
  }

  /** Twelve posts in one week and none in the other three reach the total, not the weekly rate. */
  @Test
  void cadenceIsCheckedWeekByWeek() {
    double[] days = new double[12];
    for (int i = 0; i < 12; i++) days[i] = 0.2 + i * 0.5;
    RuleResult fail = evaluate("POSTS_CADENCE", posts(ownAt(days).toArray(new Post[0])));
    assertThat(fail.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(fail.details()).containsEntry("weeklyCounts", "0,0,0,12").containsEntry("ownPosts", "12")
        .containsEntry("weeksBelow", "3").containsEntry("weeksBelowAllowed", "1").containsEntry("weeklyRequired", "3,3,3,3");
    assertThat(evaluate("POSTS_CADENCE", posts(ownAt(days).toArray(new Post[0])), "weeksBelowAllowed", "3").outcome())
        .isEqualTo(Outcome.PASS);
  }

  /** The window of a longer windowDays (56) is judged on the posts read for it, never on a shorter read. */
  @Test
  void cadenceOfAWindowLongerThanWhatWasReadIsUnknown() {
    RuleContext readFor28 = context().page(Fixtures.VK_PAGE).profile(profile().build())
        .postHistory(PostHistory.of(ownAt(1, 2, 3))).postsReadSince(Fixtures.NOW.minus(Duration.ofDays(28))).build();
    assertThat(evaluate("POSTS_CADENCE", readFor28, "windowDays", "56").outcome()).isEqualTo(Outcome.UNKNOWN);
    RuleContext readFor56 = context().page(Fixtures.VK_PAGE).profile(profile().build())
        .postHistory(PostHistory.of(ownAt(1, 2, 3, 30, 40))).postsReadSince(Fixtures.NOW.minus(Duration.ofDays(56)))
        .build();
    RuleResult fail = evaluate("POSTS_CADENCE", readFor56, "windowDays", "56");
    assertThat(fail.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(fail.details()).containsEntry("ownPosts", "5").containsEntry("required", "24");
  }

  @Test
  void postsDatedAfterNowNeverCount() {
    RuleContext context = posts(post(1, -0.5).build(), post(2, -3).build(), post(3, 2).build());
    assertThat(context.ownPosts()).hasSize(1);
    assertThat(context.ownPostsWithin(28)).hasSize(1);
    assertThat(evaluate("POSTS_MIN_COUNT", context).outcome()).isEqualTo(Outcome.FAIL);
    assertThat(evaluate("POSTS_LAST_AGE", context).details()).containsEntry("ageDays", "2");
    assertThat(evaluate("POSTS_FROM_COMMUNITY", posts(WallAccess.CLOSED, post(1, 1).build(), personPost(2, -1).build()))
        .outcome()).isEqualTo(Outcome.PASS);
  }

  /** POSTS_MIN_COUNT counts every own post read, not only the window; it fails only on a history read whole. */
  @Test
  void minCountCountsAllOwnPostsAndFailsOnlyOnTheWholeHistory() {
    RuleContext old = context().page(Fixtures.VK_PAGE).profile(profile().build())
        .postHistory(PostHistory.builder().posts(ownAt(100, 400)).build()).build();
    assertThat(evaluate("POSTS_MIN_COUNT", old).outcome()).isEqualTo(Outcome.PASS);
    RuleContext partial = context().page(Fixtures.VK_PAGE).profile(profile().build())
        .postHistory(PostHistory.builder().posts(ownAt(100)).build()).build();
    RuleResult unknown = evaluate("POSTS_MIN_COUNT", partial);
    assertThat(unknown.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(unknown.details()).containsEntry("ownPosts", "1").containsEntry("wholeHistoryRead", "false");
    RuleContext whole = context().page(Fixtures.VK_PAGE).profile(profile().build())
        .postHistory(PostHistory.builder().posts(ownAt(100)).reachedStart(true).build()).build();
    assertThat(evaluate("POSTS_MIN_COUNT", whole).outcome()).isEqualTo(Outcome.FAIL);
    // The platform's count of posts on the wall is enough to know there are fewer than two.
    RuleContext counted = context().page(Fixtures.VK_PAGE).profile(profile().build())
        .postHistory(PostHistory.builder().posts(ownAt(100)).totalPosts(1L).build()).build();
    assertThat(evaluate("POSTS_MIN_COUNT", counted).outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void aRepostWithoutOwnTextOrMediaHasNeither() {
    Post bare = post(1, 1).text("").media(List.of()).hashtags(List.of("чужой")).repost(true).build();
    Post commented = post(2, 2).text("Поздравляем! #школа9").media(List.of()).repost(true).build();
    RuleContext context = posts(bare, commented);
    assertThat(evaluate("POSTS_HASHTAGS", context).details()).containsEntry("withHashtags", "1");
    assertThat(evaluate("POSTS_MEDIA", context).details()).containsEntry("withMedia", "0");
  }

  @Test
  void postsThatCouldNotBeReadSayWhy() {
    RuleContext context = context().page(Fixtures.VK_PAGE).profile(profile().build())
        .postsUnreadBecause("исчерпан суточный лимит запросов к платформе").build();
    RuleResult result = evaluate("POSTS_CADENCE", context);
    assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(result.notShown()).isFalse();
    assertThat(result.message()).contains("исчерпан суточный лимит");
  }

  @ParameterizedTest
  @ValueSource(strings = {"POSTS_MIN_COUNT", "POSTS_CADENCE", "POSTS_LAST_AGE", "POSTS_FROM_COMMUNITY",
    "POSTS_HASHTAGS", "POSTS_MEDIA", "POSTS_NOT_ADS", "POSTS_ENGAGEMENT"})
  void personsPagesHaveNoPublicationRules(String id) {
    RuleContext person = context().page(PageRef.parse("https://vk.com/id7")).build();
    assertThat(evaluate(id, person).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    RuleContext resolvedToAPerson = context().page(Fixtures.VK_PAGE).profile(profile().isCommunity(false).build())
        .postHistory(Fixtures.history(List.of(post(1, 1).build()))).build();
    assertThat(evaluate(id, resolvedToAPerson).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
  }

  @Test
  void personalPostsWithUnknownWallAreUnknown() {
    assertThat(evaluate("POSTS_FROM_COMMUNITY", posts(WallAccess.UNKNOWN, post(1, 1).build(), personPost(2, 1).build()))
        .outcome()).isEqualTo(Outcome.UNKNOWN);
    RuleContext unavailable = context().page(Fixtures.VK_PAGE)
        .profile(profile().addUnavailableFields(ProfileField.WALL).build())
        .postHistory(Fixtures.history(List.of(personPost(2, 1).build()))).build();
    assertThat(evaluate("POSTS_FROM_COMMUNITY", unavailable).outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(evaluate("POSTS_FROM_COMMUNITY", posts(WallAccess.UNKNOWN, post(1, 1).build())).outcome())
        .isEqualTo(Outcome.PASS);
  }

  @Test
  void anyPersonalTopicOnOkFails() {
    PageRef ok = Fixtures.OK_PAGE;
    RuleContext context = context().page(ok).profile(profile().page(ok).wall(WallAccess.OPEN).build())
        .postHistory(Fixtures.history(List.of(post(1, 1).page(ok).url("https://ok.ru/group/53350000000001/topic/1").build(),
            personPost(2, 1).page(ok).url("https://ok.ru/group/53350000000001/topic/2").build())))
        .build();
    RuleResult fail = evaluate("POSTS_FROM_COMMUNITY", context);
    assertThat(fail.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(fail.details()).containsEntry("posts", "https://ok.ru/group/53350000000001/topic/2");
  }

  @Test
  void fromCommunityWithoutPostsIsNotApplicable() {
    assertThat(evaluate("POSTS_FROM_COMMUNITY", posts()).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
  }

  @Test
  void hashtagsShareInWindow() {
    RuleContext context = posts(post(1, 1).build(), post(2, 2).text("без тегов").build(),
        post(3, 3).text("без тегов").build(), post(4, 4).text("без тегов").build(),
        post(5, 40).text("старый пост без тегов").build(), personPost(6, 1).text("без тегов").build());
    RuleResult fail = evaluate("POSTS_HASHTAGS", context);
    assertThat(fail.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(fail.details()).containsEntry("withHashtags", "1").containsEntry("ownPosts", "4")
        .containsEntry("share", "0.25");
    assertThat(fail.message()).contains("1 из 4 публикаций", "25 %", "50 %");
    assertThat(evaluate("POSTS_HASHTAGS", context, "minShare", "0.25").outcome()).isEqualTo(Outcome.PASS);
    assertThat(evaluate("POSTS_HASHTAGS", posts(post(5, 40).build())).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
  }

  @Test
  void mediaShareCountsPhotoAndVideo() {
    RuleContext context = posts(post(1, 1).build(), post(2, 2).media(List.of(MediaKind.VIDEO)).build(),
        post(3, 3).media(List.of(MediaKind.LINK)).build(), post(4, 4).media(List.of()).build());
    RuleResult fail = evaluate("POSTS_MEDIA", context);
    assertThat(fail.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(fail.details()).containsEntry("withMedia", "2").containsEntry("share", "0.5");
    assertThat(evaluate("POSTS_MEDIA", context, "minShare", "0.5").outcome()).isEqualTo(Outcome.PASS);
    assertThat(evaluate("POSTS_MEDIA", posts()).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
  }

  @Test
  void adsInWindowFail() {
    RuleResult fail = evaluate("POSTS_NOT_ADS", posts(post(1, 1).build(), post(2, 2).markedAsAd(true).build()));
    assertThat(fail.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(fail.message()).contains("1 публикация сообщества помечена как реклама", "https://vk.com/wall-123_2");
    assertThat(fail.details()).containsEntry("posts", "https://vk.com/wall-123_2");
    assertThat(evaluate("POSTS_NOT_ADS", posts(post(1, 40).markedAsAd(true).build(),
        personPost(2, 1).markedAsAd(true).build())).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void engagementIsAMetric() {
    RuleContext context = posts(
        post(1, 1).views(100L).likes(10L).reposts(1L).comments(2L).build(),
        post(2, 2).views(300L).likes(20L).reposts(3L).comments(4L).build(),
        post(3, 40).views(100_000L).likes(5_000L).build(),
        personPost(4, 1).views(100_000L).likes(5_000L).build());
    RuleResult result = evaluate("POSTS_ENGAGEMENT", context);
    assertThat(result.outcome()).isEqualTo(Outcome.PASS);
    assertThat(result.details()).containsEntry("ownPosts", "2").containsEntry("avgViews", "200")
        .containsEntry("avgLikes", "15").containsEntry("avgReposts", "2").containsEntry("avgComments", "3")
        .containsEntry("engagementRate", "0.1").containsEntry("engagementBase", "views");
  }

  @Test
  void engagementPerMemberWithoutViews() {
    RuleContext context = posts(post(1, 1).likes(10L).reposts(1L).comments(2L).build(),
        post(2, 2).likes(20L).reposts(3L).comments(4L).build());
    assertThat(evaluate("POSTS_ENGAGEMENT", context).details())
        .containsEntry("engagementRate", "0.0167").containsEntry("engagementBase", "members")
        .doesNotContainKey("avgViews");
    RuleResult empty = evaluate("POSTS_ENGAGEMENT", posts());
    assertThat(empty.outcome()).isEqualTo(Outcome.PASS);
    assertThat(empty.details()).containsOnlyKeys("ownPosts");
  }
}
