package ru.gospubliki.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.gospubliki.internal.rules.Fixtures.NOW;
import static ru.gospubliki.internal.rules.Fixtures.context;
import static ru.gospubliki.internal.rules.Fixtures.evaluate;
import static ru.gospubliki.internal.rules.Fixtures.pageContext;
import static ru.gospubliki.internal.rules.Fixtures.profile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import ru.gospubliki.model.MarkStatus;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PageState;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.ProfileField;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.model.WallAccess;
import ru.gospubliki.rules.Outcome;
import ru.gospubliki.rules.RuleContext;
import ru.gospubliki.rules.RuleResult;

class PageRulesTest {
  private static final String[] PAGE_RULES = {"PAGE_IS_COMMUNITY", "PAGE_OPEN", "PROFILE_NAME",
    "PROFILE_POSTAL_ADDRESS", "PROFILE_EMAIL", "PROFILE_PHONE", "PROFILE_WEBSITE", "PROFILE_DESCRIPTION",
    "PROFILE_AVATAR", "PROFILE_COVER", "PROFILE_WORK_HOURS", "GOV_MARK", "COMMENTS_OPEN",
    "PROFILE_POSTAL_ADDRESS_FORMAT"};

  @ParameterizedTest
  @ValueSource(strings = {"PAGE_IS_COMMUNITY", "PAGE_OPEN", "PROFILE_NAME", "PROFILE_POSTAL_ADDRESS",
    "PROFILE_POSTAL_ADDRESS_FORMAT", "PROFILE_EMAIL", "PROFILE_PHONE", "PROFILE_WEBSITE", "PROFILE_DESCRIPTION",
    "PROFILE_AVATAR", "PROFILE_COVER", "PROFILE_WORK_HOURS", "GOV_MARK", "COMMENTS_OPEN", "PROFILE_NAME_MATCHES"})
  void unreadProfileIsUnknownAndNoPageIsNotApplicable(String id) {
    RuleContext noProfile = context().page(Fixtures.VK_PAGE).organization(Fixtures.organization().build()).build();
    RuleResult unknown = evaluate(id, noProfile);
    assertThat(unknown.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(unknown.message()).contains("не получены");
    RuleContext noPage = context().profile(profile().build()).organization(Fixtures.organization().build()).build();
    assertThat(evaluate(id, noPage).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
  }

  @Test
  void compliantProfilePassesEveryPageRule() {
    RuleContext context = pageContext(profile().build());
    for (String id : PAGE_RULES) {
      assertThat(evaluate(id, context).outcome()).as(id).isEqualTo(Outcome.PASS);
    }
  }

  @Test
  void platformAllowed() {
    assertThat(evaluate("PAGE_PLATFORM_ALLOWED", context().page(Fixtures.VK_PAGE).build()).outcome())
        .isEqualTo(Outcome.PASS);
    assertThat(evaluate("PAGE_PLATFORM_ALLOWED", context().page(Fixtures.OK_PAGE).build()).outcome())
        .isEqualTo(Outcome.PASS);
    // MAX channels are official pages too (since 2025), unless a policy removes "max".
    RuleContext max = context().page(PageRef.parse("https://max.ru/zarechny_adm")).build();
    assertThat(evaluate("PAGE_PLATFORM_ALLOWED", max).outcome()).isEqualTo(Outcome.PASS);
    assertThat(evaluate("PAGE_PLATFORM_ALLOWED", max, "allowed", "vk,ok").outcome()).isEqualTo(Outcome.FAIL);
    RuleContext telegram = context().page(PageRef.of(PlatformId.of("telegram"), "school9", "https://t.me/school9"))
        .build();
    RuleResult fail = evaluate("PAGE_PLATFORM_ALLOWED", telegram);
    assertThat(fail.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(fail.message()).contains("«Telegram»", "ВКонтакте, Одноклассники, MAX");
    assertThat(fail.details()).containsEntry("platform", "telegram");
    assertThat(evaluate("PAGE_PLATFORM_ALLOWED", telegram, "allowed", "vk, ok, telegram").outcome())
        .isEqualTo(Outcome.PASS);
    assertThat(evaluate("PAGE_PLATFORM_ALLOWED", context().page(Fixtures.OK_PAGE).build(), "allowed", "vk").outcome())
        .isEqualTo(Outcome.FAIL);
    assertThat(evaluate("PAGE_PLATFORM_ALLOWED", context().build()).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
  }

  @Test
  void maxIsAllowedByDefault() {
    assertThat(evaluate("PAGE_PLATFORM_ALLOWED", context().page(PageRef.parse("https://max.ru/amur")).build())
        .outcome()).isEqualTo(Outcome.PASS);
  }

  /** A person's page, known from its link or from the platform: a violation, and community rules do not apply. */
  @Test
  void personsPagesFailAndCommunityRulesDoNotApply() {
    RuleContext fromLink = context().page(PageRef.parse("https://vk.com/id123")).build();
    RuleResult fail = evaluate("PAGE_IS_COMMUNITY", fromLink);
    assertThat(fail.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(fail.message()).contains("https://vk.com/id123", "принадлежит человеку, а не сообществу");
    assertThat(evaluate("PAGE_IS_COMMUNITY", context().page(PageRef.parse("ok.ru/profile/5")).build()).outcome())
        .isEqualTo(Outcome.FAIL);
    RuleContext resolved = pageContext(profile().isCommunity(false).build());
    assertThat(evaluate("PAGE_IS_COMMUNITY", resolved).message()).contains("принадлежит человеку, а не сообществу");
    for (String id : PAGE_RULES) {
      if (id.equals("PAGE_IS_COMMUNITY")) continue;
      assertThat(evaluate(id, fromLink).outcome()).as(id).isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(evaluate(id, resolved).outcome()).as(id).isEqualTo(Outcome.NOT_APPLICABLE);
    }
  }

  /** MAX has no mark at all: the rule does not apply, rather than being unknown every time. */
  @Test
  void govMarkDoesNotApplyWhereThePlatformHasNone() {
    ProfileSnapshot max = profile().page(PageRef.parse("max:-70123456789")).mark(MarkStatus.UNKNOWN)
        .addUnavailableFields(ProfileField.MARK).build();
    assertThat(evaluate("GOV_MARK", pageContext(max)).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    // A mark field a platform normally returns but did not (VK without is_government_organization).
    RuleResult absent = evaluate("GOV_MARK", pageContext(profile().mark(MarkStatus.UNKNOWN).build()));
    assertThat(absent.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(absent.notShown()).isFalse();
  }

  @Test
  void isCommunity() {
    assertThat(evaluate("PAGE_IS_COMMUNITY", pageContext(profile().isCommunity(false).build())).outcome())
        .isEqualTo(Outcome.FAIL);
    assertThat(evaluate("PAGE_IS_COMMUNITY", pageContext(profile().isCommunity(null).build())).outcome())
        .isEqualTo(Outcome.UNKNOWN);
    assertThat(evaluate("PAGE_IS_COMMUNITY",
        pageContext(profile().addUnavailableFields(ProfileField.COMMUNITY).build())).outcome())
        .isEqualTo(Outcome.UNKNOWN);
  }

  @ParameterizedTest
  @EnumSource(PageState.class)
  void openOnlyWhenOpen(PageState state) {
    RuleResult result = evaluate("PAGE_OPEN", pageContext(profile().state(state).build()));
    if (state == PageState.OPEN) {
      assertThat(result.outcome()).isEqualTo(Outcome.PASS);
    } else {
      assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(result.details()).containsEntry("state", state.name());
    }
  }

  @Test
  void govMark() {
    assertThat(evaluate("GOV_MARK", pageContext(profile().mark(MarkStatus.ABSENT).build())).message())
        .contains("Госуслуги");
    assertThat(evaluate("GOV_MARK", pageContext(profile().mark(MarkStatus.ABSENT).build())).outcome())
        .isEqualTo(Outcome.FAIL);
    assertThat(evaluate("GOV_MARK", pageContext(profile().mark(MarkStatus.UNKNOWN).build())).outcome())
        .isEqualTo(Outcome.UNKNOWN);
  }

  @Test
  void govMarkDoesNotApplyWhereThePlatformHasNoMark() {
    // MAX channels carry no «Госорганизация» mark at all: neither a failure nor an unknown.
    ProfileSnapshot channel = profile().page(PageRef.parse("max:-70000000000001")).mark(MarkStatus.UNKNOWN)
        .addUnavailableFields(ProfileField.MARK).build();
    assertThat(evaluate("GOV_MARK", pageContext(channel)).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    ProfileSnapshot confirmedBefore = profile().page(channel.page()).mark(MarkStatus.CONFIRMED)
        .takenAt(NOW.minusSeconds(86_400)).build();
    assertThat(evaluate("GOV_MARK_LOST", withPrevious(confirmedBefore, channel)).outcome())
        .isEqualTo(Outcome.NOT_APPLICABLE);
  }

  private static RuleContext withPrevious(ProfileSnapshot previous, ProfileSnapshot current) {
    return context().page(current.page()).profile(current).previous(previous).build();
  }

  @Test
  void govMarkLost() {
    ProfileSnapshot confirmed = profile().takenAt(NOW.minusSeconds(7 * 86_400)).build();
    RuleResult lost = evaluate("GOV_MARK_LOST", withPrevious(confirmed, profile().mark(MarkStatus.ABSENT).build()));
    assertThat(lost.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(lost.message()).contains("была", "2026-11-16");
    assertThat(evaluate("GOV_MARK_LOST", withPrevious(confirmed, profile().build())).outcome())
        .isEqualTo(Outcome.PASS);
    assertThat(evaluate("GOV_MARK_LOST", withPrevious(confirmed, profile().mark(MarkStatus.UNKNOWN).build()))
        .outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(evaluate("GOV_MARK_LOST", pageContext(profile().mark(MarkStatus.ABSENT).build())).outcome())
        .isEqualTo(Outcome.NOT_APPLICABLE);
    ProfileSnapshot neverMarked = profile().mark(MarkStatus.ABSENT).build();
    assertThat(evaluate("GOV_MARK_LOST", withPrevious(neverMarked, neverMarked)).outcome())
        .isEqualTo(Outcome.NOT_APPLICABLE);
    RuleContext unread = context().page(Fixtures.VK_PAGE).previous(confirmed).build();
    assertThat(evaluate("GOV_MARK_LOST", unread).outcome()).isEqualTo(Outcome.UNKNOWN);
  }

  @Test
  void profileChanged() {
    ProfileSnapshot before = profile().build();
    assertThat(evaluate("PROFILE_CHANGED", withPrevious(before, profile().build())).outcome())
        .isEqualTo(Outcome.PASS);
    ProfileSnapshot after = profile().name("Школа 9").description("Новое описание школы.").build();
    RuleResult changed = evaluate("PROFILE_CHANGED", withPrevious(before, after));
    assertThat(changed.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(changed.details()).containsEntry("changed", "name,description");
    assertThat(changed.message()).contains("название и описание", "отметка «Госорганизация»");

    ProfileSnapshot allChanged = profile().screenName("school9").email("new@amur.edu.ru")
        .phones(java.util.List.of("+7 914 000-00-00")).website("https://new.amur.ru")
        .postalAddress("682640, г. Амурск, пр. Мира, 1").build();
    assertThat(evaluate("PROFILE_CHANGED", withPrevious(before, allChanged)).details())
        .containsEntry("changed", "screenName,email,phones,website,postalAddress");
    assertThat(evaluate("PROFILE_CHANGED", withPrevious(before, profile().email(null).build())).details())
        .containsEntry("changed", "email");
  }

  @Test
  void profileChangedIgnoresFormattingAndUnavailableFields() {
    ProfileSnapshot before = profile().build();
    ProfileSnapshot reformatted = profile().name("  МБОУ СОШ № 9 ").phones(java.util.List.of("+7 42142 23456"))
        .build();
    assertThat(evaluate("PROFILE_CHANGED", withPrevious(before, reformatted)).outcome()).isEqualTo(Outcome.PASS);
    ProfileSnapshot noEmailField = profile().email(null).addUnavailableFields(ProfileField.EMAIL).build();
    assertThat(evaluate("PROFILE_CHANGED", withPrevious(before, noEmailField)).outcome()).isEqualTo(Outcome.PASS);
    assertThat(evaluate("PROFILE_CHANGED", pageContext(before)).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(evaluate("PROFILE_CHANGED", context().page(Fixtures.VK_PAGE).previous(before).build()).outcome())
        .isEqualTo(Outcome.UNKNOWN);
  }

  @Test
  void commentsOpen() {
    assertThat(evaluate("COMMENTS_OPEN", pageContext(profile().wall(WallAccess.OFF).build())).outcome())
        .isEqualTo(Outcome.FAIL);
    assertThat(evaluate("COMMENTS_OPEN", pageContext(profile().wall(WallAccess.OPEN).commentsOpen(false).build()))
        .outcome()).isEqualTo(Outcome.FAIL);
    assertThat(evaluate("COMMENTS_OPEN", pageContext(profile().wall(WallAccess.CLOSED).commentsOpen(null).build()))
        .outcome()).isEqualTo(Outcome.FAIL);
    assertThat(evaluate("COMMENTS_OPEN", pageContext(profile().wall(WallAccess.UNKNOWN).commentsOpen(null).build()))
        .outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(evaluate("COMMENTS_OPEN",
        pageContext(profile().addUnavailableFields(ProfileField.WALL).commentsOpen(null).build())).outcome())
        .isEqualTo(Outcome.UNKNOWN);
    assertThat(evaluate("COMMENTS_OPEN", pageContext(profile().wall(WallAccess.UNKNOWN).commentsOpen(true).build()))
        .outcome()).isEqualTo(Outcome.PASS);
    assertThat(evaluate("COMMENTS_OPEN", pageContext(profile().wall(WallAccess.OPEN).commentsOpen(null).build()))
        .outcome()).isEqualTo(Outcome.PASS);
  }
}
